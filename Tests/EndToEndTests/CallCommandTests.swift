import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// `cstui call` as a user runs it: the real binary against the simulator over loopback.
@Suite("cstui call", .serialized)
struct CallCommandTests {
    static func withSimulator(vms: Int = 300, _ body: (SimulatorServer, [String: String]) async throws -> Void) async throws {
        var options = SimulatorOptions()
        options.vms = vms
        options.seed = 42
        options.jobDelay = 0.05...0.15
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            try await body(server, ["CLOUDSTACK_ENDPOINT": server.endpoint, "CLOUDSTACK_KEY": admin.apiKey, "CLOUDSTACK_SECRET": admin.secretKey])
        }
    }

    @Test("a list command prints the server's JSON and exits 0")
    func listZonesJSON() async throws {
        try await Self.withSimulator { _, env in
            let r = try BinaryRunner.run(["call", "listZones"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let json = try JSONParser.parse(r.stdout)
            let zones = try #require(json["zone"]?.arrayValue)
            #expect(!zones.isEmpty)
            #expect(json["count"]?.intValue == Int64(zones.count))
        }
    }

    @Test("table, csv and text output with --filter")
    func formats() async throws {
        try await Self.withSimulator { _, env in
            let table = try BinaryRunner.run(["call", "listVirtualMachines", "pagesize=5", "page=1", "-o", "table", "--filter", "name,state"], environment: env)
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.count == 7)
            #expect(lines[0].hasPrefix("name"))
            #expect(lines[0].contains("state"))
            #expect(lines[1].hasPrefix("----"))
            #expect(lines.dropFirst(2).allSatisfy { $0.contains("Running") || $0.contains("Stopped") || $0.contains("Starting") || $0.contains("Stopping") || $0.contains("Error") || $0.contains("Destroyed") })
            let csv = try BinaryRunner.run(["call", "listVirtualMachines", "pagesize=3", "page=1", "-o", "csv", "--filter", "id,name"], environment: env)
            #expect(csv.stdout.split(separator: "\n").first == "id,name")
            #expect(csv.stdout.split(separator: "\n").count == 4)
            let text = try BinaryRunner.run(["call", "listZones", "-o", "text", "--filter", "name"], environment: env)
            #expect(text.stdout.hasPrefix("name = "))
        }
    }

    @Test("--all-pages fetches every row in the server's order")
    func allPages() async throws {
        try await Self.withSimulator(vms: 1234) { _, env in
            let r = try BinaryRunner.run(["call", "listVirtualMachines", "listall=true", "pagesize=100", "--all-pages", "-o", "csv", "--filter", "id"], environment: env)
            #expect(r.status == 0, "\(r.stderr)")
            let ids = Array(r.stdout.split(separator: "\n").dropFirst())
            #expect(ids.count == 1234)
            #expect(Set(ids).count == 1234)
            let page2 = try BinaryRunner.run(["call", "listVirtualMachines", "listall=true", "pagesize=100", "page=2", "-o", "csv", "--filter", "id"], environment: env)
            #expect(Array(ids[100..<200]) == Array(page2.stdout.split(separator: "\n").dropFirst()))
        }
    }

    @Test("an async command waits for its job; --no-wait prints the jobid")
    func asyncJob() async throws {
        try await Self.withSimulator { server, env in
            let list = try BinaryRunner.run(["call", "listVirtualMachines", "state=Running", "pagesize=2", "page=1", "-o", "csv", "--filter", "id"], environment: env)
            let ids = list.stdout.split(separator: "\n").dropFirst().map(String.init)
            try #require(ids.count == 2)
            let stop = try BinaryRunner.run(["call", "stopVirtualMachine", "id=\(ids[0])"], environment: env)
            #expect(stop.status == 0, "\(stop.stderr)")
            let vm = try JSONParser.parse(stop.stdout)
            #expect(vm["virtualmachine"]?["state"]?.text == "Stopped")
            let noWait = try BinaryRunner.run(["call", "stopVirtualMachine", "id=\(ids[1])", "--no-wait"], environment: env)
            #expect(noWait.status == 0)
            #expect(try JSONParser.parse(noWait.stdout)["jobid"]?.text?.isEmpty == false)
        }
    }

    @Test("a failing job: the server's errortext on stderr, exit 1")
    func failedJob() async throws {
        try await Self.withSimulator { _, env in
            let list = try BinaryRunner.run(["call", "listVirtualMachines", "state=Stopped", "pagesize=1", "page=1", "-o", "csv", "--filter", "id"], environment: env)
            let id = try #require(list.stdout.split(separator: "\n").dropFirst().first.map(String.init))
            let r = try BinaryRunner.run(["call", "rebootVirtualMachine", "id=\(id)"], environment: env)
            #expect(r.status == 1)
            #expect(r.stderr.contains("failed"))
            #expect(r.stdout.isEmpty)
        }
    }

    @Test("server errors: errortext and HTTP status on stderr, exit 1; secrets never printed")
    func serverErrors() async throws {
        try await Self.withSimulator { server, env in
            let unknown = try BinaryRunner.run(["call", "listFoo"], environment: env)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("HTTP 432"))
            let missing = try BinaryRunner.run(["call", "stopVirtualMachine"], environment: env)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("missing parameter id"))
            var wrong = env
            wrong["CLOUDSTACK_SECRET"] = "not-the-secret-\(UUID().uuidString)"
            let denied = try BinaryRunner.run(["call", "listZones"], environment: wrong)
            #expect(denied.status == 1)
            #expect(denied.stderr.contains("HTTP 401"))
            #expect(!denied.stderr.contains(wrong["CLOUDSTACK_SECRET"] ?? "?"))
            #expect(!denied.stderr.contains(server.credentials.admin.secretKey))
        }
    }

    @Test("an HTML proxy page and a dropped connection: exit 3 with a message naming what happened")
    func badAnswers() async throws {
        try await Self.withSimulator { server, env in
            var f = FaultOptions()
            f.htmlProxyRate = 1
            server.setFaults(f)
            let html = try BinaryRunner.run(["call", "listZones"], environment: env)
            #expect(html.status == 3)
            #expect(html.stderr.contains("HTTP 502"))
            #expect(html.stderr.lowercased().contains("<html"))
            f = FaultOptions()
            f.dropRate = 1
            server.setFaults(f)
            let dropped = try BinaryRunner.run(["call", "listZones"], environment: env)
            #expect(dropped.status == 3)
            #expect(dropped.stderr.contains("cannot reach 127.0.0.1"))
            server.setFaults(FaultOptions())
        }
    }

    @Test("nothing listening, and no configuration at all")
    func unreachableAndUnconfigured() throws {
        let r = try BinaryRunner.run(["call", "listZones"], environment: ["CLOUDSTACK_ENDPOINT": "http://127.0.0.1:9/client/api", "CLOUDSTACK_KEY": "k", "CLOUDSTACK_SECRET": "s"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("connection refused"))
        let none = try BinaryRunner.run(["call", "listZones"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no management server URL"))
        let badParam = try BinaryRunner.run(["call", "listZones", "justaword"])
        #expect(badParam.status != 0)
        #expect(badParam.stderr.contains("key=value"))
    }

    @Test("a cloudmonkey config with a session profile; a world-readable file draws a warning")
    func cmkConfigSession() async throws {
        try await Self.withSimulator { server, _ in
            let user = server.credentials.user
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-cfg-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("config").path
            try """
            profile = sim
            [sim]
            url = \(server.endpoint)
            username = \(user.username)
            password = \(user.password)
            domain = \(user.domain)
            """.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            let r = try BinaryRunner.run(["call", "listVirtualMachines", "-c", path, "pagesize=500", "page=1", "-o", "csv", "--filter", "account"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("chmod 600"))
            let accounts = Set(r.stdout.split(separator: "\n").dropFirst())
            #expect(accounts == [Substring(user.account)])
            #expect(!r.stderr.contains(user.password))
        }
    }

    @Test("--read-only: reads work, a command that changes something is refused before it is sent (exit 2)")
    func readOnly() async throws {
        try await Self.withSimulator { server, env in
            let list = try BinaryRunner.run(["call", "listVirtualMachines", "state=Running", "pagesize=1", "page=1", "-o", "csv", "--filter", "id", "--read-only"], environment: env)
            #expect(list.status == 0, "\(list.stderr)")
            let id = try #require(list.stdout.split(separator: "\n").dropFirst().first.map(String.init))
            let stop = try BinaryRunner.run(["call", "stopVirtualMachine", "id=\(id)", "--read-only"], environment: env)
            #expect(stop.exitedNormally && stop.status == 2)
            #expect(stop.stderr.contains("read-only mode: stopVirtualMachine changes something, so it was not sent"))
            let still = try BinaryRunner.run(["call", "listVirtualMachines", "id=\(id)", "-o", "csv", "--filter", "state"], environment: env)
            #expect(still.stdout.contains("Running"))
        }
    }
}
