import Foundation
import S3Check
import Testing
import TestSupport

/// The add-storage dialogs as an operator uses them: the built binary on the demo simulator, inside tmux.
@Suite("Storage dialogs in tmux", .serialized)
struct StorageDialogTmuxTests {
    static var cstui: String { BinaryRunner.binary }

    /// Presses a key until the screen shows `text` (selects move one option per key).
    private func press(_ key: String, until text: String, in t: Tmux, max: Int = 8) throws {
        for _ in 0..<max {
            if try t.screen().contains(text) { return }
            try t.press(key)
            Thread.sleep(forTimeInterval: 0.2)
        }
        _ = try t.waitFor(text, timeout: 3)
    }

    @Test("add an S3 secondary storage through the dialog: secret masked, Test S3 against moto passes, the store is listed")
    func addS3SecondaryStorage() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        // CloudStack expects the bucket to exist; create it as an operator would have.
        let endpoint = try #require(try? S3Endpoint.parse(moto.endpoint, pathStyle: true).get())
        let s3 = S3Client(endpoint: endpoint, credentials: S3Credentials(accessKey: "AKIAE2E", secretKey: "e2e-secret-Value9"),
                          region: "us-east-1", timeoutSeconds: 20)
        try await s3.createBucket("cstui-e2e-images")
        await s3.shutdown()

        let t = try Tmux(width: 100, height: 32)
        try t.type("\(Self.cstui) --demo --demo-vms 50; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":secondary", then: "Enter")
        try t.waitFor("Secondary Storage")
        try t.waitFor("rows")
        try t.press("A")
        try t.waitFor("Add secondary storage")
        try t.waitUntil("providers loaded") { $0.contains("◂ NFS") }
        try press("S", until: "◂ S3 ▸", in: t)
        try t.waitFor("Secret key")
        try t.press("Tab")
        try t.type("s3-e2e-images")
        try t.press("Tab", "Tab")                      // zone (only for a staging store)
        try t.type("AKIAE2E")
        try t.press("Tab")
        try t.type("e2e-secret-Value9")
        let typed = try t.waitFor("•••••••••••••••••")
        #expect(!typed.contains("e2e-secret-Value9"))
        try t.press("Tab")
        try t.type("cstui-e2e-images")
        try t.press("Tab", "Space")                     // Use HTTPS off: moto speaks plain HTTP
        try t.press("Tab")
        try t.type("127.0.0.1:\(moto.port)")
        try t.press("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")  // three numbers, the staging switch, [Add], [Test S3]
        try t.press("Enter")
        let report = try t.waitFor("S3 test passed", timeout: 90)
        #expect(report.contains("multipart upload"))
        #expect(!report.contains("e2e-secret-Value9"))
        try t.press("Escape")                           // closes the report
        try t.press("BTab", "Enter")                    // [Add]
        try t.waitFor("Added secondary storage s3-e2e-images", timeout: 30)
        // The reloaded list has the new store as an S3 row.
        try t.waitUntil("the S3 store listed") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("s3-e2e-ima") && $0.contains(" S3 ") }
        }
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }

    @Test("a bad NFS path: the message beside the field, the input kept, nothing sent; corrected, the pool is added")
    func badNFSPath() throws {
        let t = try Tmux()
        try t.type("\(Self.cstui) --demo --demo-vms 50; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":storage", then: "Enter")
        try t.waitFor("Primary Storage")
        try t.waitFor("rows")
        try t.press("A")
        try t.waitFor("Add primary storage")
        try t.waitUntil("zones, pods and clusters loaded") { !$0.contains("loading…") && $0.contains("Cluster") && $0.contains("Server") }
        try t.press("Tab", "Tab", "Tab", "Tab")         // scope, zone, pod, cluster → name
        try t.type("pool-e2e")
        try t.press("Tab", "Tab", "Tab", "Tab")         // protocol, provider, tags → server
        try t.type("nfs.example.com")
        try t.press("Tab")
        try t.type("export primary")
        try t.press("Enter")
        let screen = try t.waitFor("nothing was sent")
        let pathLine = try #require(screen.split(separator: "\n").first { $0.contains("Path*:") })
        #expect(pathLine.contains("export primary"))
        #expect(pathLine.contains("space"))
        #expect(screen.contains("nfs.example.com"))
        #expect(screen.contains("pool-e2e"))
        // Esc asks before throwing the input away; n keeps editing.
        try t.press("Escape")
        try t.waitFor("Discard input?")
        try t.press("n")
        try t.waitUntil("the form is back") { !$0.contains("Discard input?") && $0.contains("export primary") }
        try t.press("C-u")
        try t.type("/export/primary")
        try t.press("Enter")
        try t.waitFor("Added primary storage pool-e2e", timeout: 30)
        try t.waitUntil("the pool listed") { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("pool-e2e") && $0.contains("Up") }
        }
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }
}
