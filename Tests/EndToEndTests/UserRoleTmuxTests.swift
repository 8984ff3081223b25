import Foundation
import Simulator
import Testing
import TestSupport

/// Signed in as a user-role account: only the sections its listApis allows, and a dashboard of its own resources.
@Suite("User role in tmux", .serialized)
struct UserRoleTmuxTests {
    @Test("a user's navbar has no admin sections; the dashboard shows the account's resources and limits, no capacity")
    func userNavbarAndDashboard() async throws {
        var options = SimulatorOptions()
        options.vms = 60
        try await TestSimulator.with(options) { server in
            let user = server.credentials.user
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-user-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let config = dir.appendingPathComponent("config").path
            try """
            profile = tenant
            [tenant]
            url = \(server.endpoint)
            username = \(user.username)
            password = \(user.password)
            """.write(toFile: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
            let t = try Tmux(width: 100, height: 40)
            try t.type("\(BinaryRunner.binary) -c \(config); echo EXIT=$?", then: "Enter")
            try t.waitFor("\(user.username) (User)")
            let screen = try t.waitFor(all: ["Your resources", "Volumes", "Public IPs"])
            // The account's own figures, with its limits as the server gives them.
            #expect(screen.contains("running ·"))
            #expect(screen.contains("(no limit)"))
            // No admin capacity, and no failure of the admin's calls.
            #expect(!screen.contains("failed"))
            #expect(!screen.contains("Primary    ["))
            // The navbar holds what a user may list, not the infrastructure.
            let navbar = screen.split(separator: "\n").map { String($0.prefix(20)) }.joined(separator: "\n")
            #expect(navbar.contains("Instances"))
            // (A user may list zones, as on a real server, so Zones stays.)
            for admin in ["Hosts", "Clusters", "Pods", "Primary Storage", "Secondary Storage", "System VMs", "Routers"] {
                #expect(!navbar.contains(admin), "\(admin) in a user's navbar")
            }
            try t.type(":q", then: "Enter")
            try t.waitFor("EXIT=0")
        }
    }
}
