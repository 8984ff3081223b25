import Foundation
import Simulator
import Testing
import TestSupport

/// Warnings that used to be printed before the console started, behind its alternate screen, are shown in it.
@Suite("Console warnings in tmux", .serialized)
struct ConsoleWarningTmuxTests {
    /// A simulator and a config file for it with `mode`, for `body`; the simulator stops when `body` ends, pass or fail.
    static func withSetup(mode: Int, _ body: (SimulatorServer, String) async throws -> Void) async throws {
        var options = SimulatorOptions()
        options.vms = 20
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-warn-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let config = dir.appendingPathComponent("config").path
            try """
            [ops]
            url = \(server.endpoint)
            apikey = \(admin.apiKey)
            secretkey = \(admin.secretKey)
            """.write(toFile: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config)
            try await body(server, config)
        }
    }

    /// The status line (the first row) of a captured screen.
    static func statusLine(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
    }

    @Test("--insecure: INSECURE in the status line, and the warning on screen at start")
    func insecure() async throws {
        try await Self.withSetup(mode: 0o600) { server, config in
            let t = try Tmux(width: 160, height: 30)
            try t.type("\(BinaryRunner.binary) -c \(config) --insecure; echo EXIT=$?", then: "Enter")
            let screen = try t.waitFor(all: ["admin (Admin)", "TLS certificate verification is off"])
            #expect(Self.statusLine(screen).contains("INSECURE"))
            try t.press("C-c")
            try t.waitFor("EXIT=0")
        }
    }

    @Test("a config file readable by others (0644): the warning is on screen at start; no INSECURE without --insecure")
    func openConfig() async throws {
        try await Self.withSetup(mode: 0o644) { server, config in
            let t = try Tmux(width: 160, height: 30)
            try t.type("\(BinaryRunner.binary) -c \(config); echo EXIT=$?", then: "Enter")
            let screen = try t.waitFor(all: ["admin (Admin)", "readable by others (mode 644)"])
            #expect(screen.contains("chmod 600"))
            #expect(!Self.statusLine(screen).contains("INSECURE"))
            try t.press("C-c")
            try t.waitFor("EXIT=0")
        }
    }
}
