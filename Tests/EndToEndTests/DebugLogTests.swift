import Foundation
import Simulator
import Testing
import TestSupport

/// `--debug FILE` and `CSTUI_DEBUG`: each request and answer logged to a file, no secret in it, nothing on screen.
@Suite("Debug log", .serialized)
struct DebugLogTests {
    static func tempFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cstui-debug-\(UUID().uuidString).log").path
    }

    @Test("--debug FILE: the command, its status, time and size; the keys, signature and password never")
    func debugFlag() async throws {
        var options = SimulatorOptions()
        options.vms = 20
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            let env = ["CLOUDSTACK_ENDPOINT": server.endpoint, "CLOUDSTACK_KEY": admin.apiKey, "CLOUDSTACK_SECRET": admin.secretKey]
            let log = Self.tempFile()
            let r = try BinaryRunner.run(["call", "listZones", "--debug", log], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            // Nothing of the log on the terminal: stderr is empty, stdout is the answer.
            #expect(r.stderr.isEmpty)
            // A password sent as a parameter, and a failing call.
            let p = try BinaryRunner.run(["call", "updateUser", "id=not-a-uuid", "password=Hunter2-Secret!", "--debug", log], environment: env)
            #expect(p.status != 0)
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(text.contains("GET listZones"))
            #expect(text.contains("HTTP 200"))
            #expect(text.range(of: #"\d+ ms, \d+ bytes"#, options: .regularExpression) != nil)
            #expect(text.contains("updateUser"))
            #expect(!text.contains(admin.secretKey))
            #expect(!text.contains(admin.apiKey))
            #expect(!text.contains("signature="))
            #expect(!text.contains("Hunter2-Secret!"))
            let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test("CSTUI_DEBUG=FILE works as --debug; an unwritable file is refused with its name")
    func debugEnvironment() async throws {
        var options = SimulatorOptions()
        options.vms = 20
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            let log = Self.tempFile()
            var env = ["CLOUDSTACK_ENDPOINT": server.endpoint, "CLOUDSTACK_KEY": admin.apiKey, "CLOUDSTACK_SECRET": admin.secretKey]
            env["CSTUI_DEBUG"] = log
            let r = try BinaryRunner.run(["call", "listVirtualMachines", "listall=true", "pagesize=5", "page=1"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOfFile: log, encoding: .utf8).contains("listVirtualMachines → HTTP 200"))
            env["CSTUI_DEBUG"] = "/nonexistent-dir/cstui.log"
            let bad = try BinaryRunner.run(["call", "listZones"], environment: env)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("/nonexistent-dir/cstui.log"))
        }
    }
}
