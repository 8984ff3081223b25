import CloudStack
import Foundation
import Testing
import TestSupport

/// `cstui call` writes what it changes to the history file, as a user's shell runs it, and never a secret.
@Suite("cstui call: history", .serialized)
struct CallHistoryTests {
    @Test("calls that change something are written with their outcome, secrets nowhere in the file; lists are not written")
    func historyHasNoSecrets() async throws {
        try await CallCommandTests.withSimulator(vms: 60) { server, base in
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-state-\(UUID().uuidString)").path
            var env = base
            env["XDG_STATE_HOME"] = state
            let file = state + "/cstui/history.jsonl"
            let password = "Pw-history-7f3a9c"
            let detailSecret = "Dv-history-51be02"

            // A VM whose template is password enabled, stopped, so its password can be reset.
            let templates = try BinaryRunner.run(["call", "listTemplates", "templatefilter=all", "--all-pages", "-o", "csv", "--filter", "id,passwordenabled"],
                                                 environment: env)
            #expect(templates.status == 0, "\(templates.stderr)")
            let enabled = Set(templates.stdout.split(separator: "\n").dropFirst().compactMap { line -> Substring? in
                let cells = line.split(separator: ",")
                return cells.count == 2 && cells[1] == "true" ? cells[0] : nil
            })
            let vms = try BinaryRunner.run(["call", "listVirtualMachines", "listall=true", "--all-pages", "-o", "csv", "--filter", "id,templateid,state"],
                                           environment: env)
            let rows: [[String]] = vms.stdout.split(separator: "\n").dropFirst().map { line in line.split(separator: ",").map(String.init) }
            let usable: [[String]] = rows.filter { (r: [String]) -> Bool in
                guard r.count == 3, enabled.contains(Substring(r[1])) else { return false }
                return r[2] == "Running" || r[2] == "Stopped"
            }
            let vm = try #require(usable.first)
            #expect(!FileManager.default.fileExists(atPath: file), "reads write no history")
            if vm[2] == "Running" {
                let stop = try BinaryRunner.run(["call", "stopVirtualMachine", "id=\(vm[0])"], environment: env)
                #expect(stop.status == 0, "\(stop.stderr)")
            }
            let reset = try BinaryRunner.run(["call", "resetPasswordForVirtualMachine", "id=\(vm[0])", "password=\(password)"], environment: env)
            #expect(reset.status == 0, "\(reset.stderr)")
            let update = try BinaryRunner.run(["call", "updateVirtualMachine", "id=\(vm[0])", "displayname=history-vm",
                                               "details[0].key=password", "details[0].value=\(detailSecret)"], environment: env)
            #expect(update.exitedNormally)
            _ = try BinaryRunner.run(["call", "listZones"], environment: env)

            let raw = try String(contentsOfFile: file, encoding: .utf8)
            let entries = HistoryLines.parse(raw)
            let commands = entries.compactMap { $0["command"]?.text }
            #expect(commands.contains("resetPasswordForVirtualMachine"))
            #expect(commands.contains("updateVirtualMachine"))
            #expect(!commands.contains { $0.hasPrefix("list") || $0 == "queryAsyncJobResult" }, "\(commands)")
            let resets = entries.filter { $0["command"]?.text == "resetPasswordForVirtualMachine" }
            #expect(resets.map { $0["outcome"]?.text } == ["pending", "success"], "the call, then its job's end: \(raw)")
            #expect(resets.first?["jobid"]?.text?.isEmpty == false)
            #expect(resets.first?["parameters"]?["id"]?.text == vm[0])
            #expect(resets.first?["removed"]?.arrayValue?.first?.text == "password")
            #expect(resets.first?["profile"]?.text?.isEmpty == false)
            #expect(resets.first?["time"]?.text?.hasSuffix("Z") == true)
            // No secret in any spelling: the typed ones, the keys that signed the calls, and the reset's answer.
            let admin = server.credentials.admin
            for secret in [password, detailSecret, admin.secretKey, admin.apiKey] {
                #expect(!raw.contains(secret), "a secret reached history.jsonl")
            }
            #expect(!raw.contains("signature"))
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600)
        }
    }

    @Test("an unwritable state folder: the call still works and says once why nothing was written")
    func unwritableState() async throws {
        try await CallCommandTests.withSimulator(vms: 10) { _, base in
            let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-blocker-\(UUID().uuidString)").path
            try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
            var env = base
            env["XDG_STATE_HOME"] = blocker
            let list = try BinaryRunner.run(["call", "listVirtualMachines", "state=Running", "pagesize=1", "page=1", "-o", "csv", "--filter", "id"], environment: env)
            let id = try #require(list.stdout.split(separator: "\n").dropFirst().first.map(String.init))
            let stop = try BinaryRunner.run(["call", "stopVirtualMachine", "id=\(id)"], environment: env)
            #expect(stop.status == 0, "\(stop.stderr)")
            #expect(stop.stderr.contains("history not written: cannot create"), "\(stop.stderr)")
        }
    }
}

/// The history file's lines as JSON objects.
enum HistoryLines {
    static func parse(_ text: String) -> [JSONValue] {
        text.split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
    }
}
