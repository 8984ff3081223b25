import CloudStack
import Foundation
import PluginKit
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// The history of calls that change something, written by the console's API and listed by `:history`.
@Suite("History: console actions are written, :history lists them, re-run asks first")
struct HistoryTests {
    static func tempLog() -> HistoryLog {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-history-\(UUID().uuidString)").path
        return HistoryLog(path: dir + "/state/cstui/history.jsonl")
    }

    @Test("Stop on a VM writes one call with its job id, pending then success; lists are not written; :history shows it and R sends it again after a confirmation")
    func stopIsWrittenAndRerun() async throws {
        let log = Self.tempLog()
        try await SimConsole.with(vms: 12, history: log) { c in
            try await c.open(InstancesSection.id)
            let vm = try c.select(in: InstancesSection.id) { $0["state"] == "Running" }
            c.key(.char("T"))
            c.key(.enter)  // Stop's form: not forced
            guard case .confirm? = c.s.overlay else { Issue.record("Stop asks first"); return }
            c.key(.char("y"))
            try await c.settleAction(in: InstancesSection.id)

            let raw = try String(contentsOfFile: log.path, encoding: .utf8)
            let lines = raw.split(separator: "\n")
            #expect(lines.count == 2, "the call when it returned, then its job's outcome: \(raw)")
            #expect(!raw.contains("listVirtualMachines"), "reads are not history")
            let first = try #require(lines.first.flatMap(HistoryEntry.init(line:)))
            #expect(first.command == "stopVirtualMachine")
            #expect(first.outcome == "pending")
            #expect(first.profile == "sim")
            #expect(first.parameters.contains { $0.0 == "id" && $0.1 == vm.id })
            #expect(first.jobID?.isEmpty == false)
            #expect(first.time.hasSuffix("Z") && first.time.count == 20, "ISO 8601 in UTC: \(first.time)")
            let entries = log.entries()
            #expect(entries.count == 1)
            #expect(entries.first?.outcome == "success")
            #expect(entries.first?.id == first.id)
            // The folders and the file are the user's alone.
            let attributes = try FileManager.default.attributesOfItem(atPath: log.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let folder = (log.path as NSString).deletingLastPathComponent
            #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber)?.intValue == 0o700)

            // :history lists it.
            c.key(.char(":"))
            c.type("history")
            c.key(.enter)
            try await c.settle { $0.lists[HistoryView.id]?.loading == .idle && $0.lists[HistoryView.id]?.lastLoaded != nil }
            #expect(c.s.section == HistoryView.id)
            let screen = c.screen.renderedText
            #expect(screen.contains("stopVirtualMachine"))
            #expect(screen.contains("id=\(vm.id.prefix(8))"))
            #expect(c.s.lists[HistoryView.id]?.rows.first?["parameters"] == "id=\(vm.id)")
            #expect(screen.contains("success"))

            // R asks first, with the call in view; Cancel sends nothing.
            c.key(.char("R"))
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("re-run asks first: \(c.s.flash?.text ?? "")"); return }
            #expect(dialog.message.contains("Sends stopVirtualMachine"))
            #expect(dialog.message.contains("id = \(vm.id)"))
            c.key(.escape)
            if case .confirm? = c.s.overlay { Issue.record("Esc closes the confirmation") }
            #expect(log.entries().count == 1, "cancelled: nothing sent, nothing written")

            // Yes sends it again: a second entry, the newest first.
            c.key(.char("R"))
            c.key(.char("y"))
            try await c.settle(timeout: 30) { s in s.jobs.pendingCount == 0 && log.entries().count == 2 && log.entries().first?.outcome != "pending" }
            let again = log.entries()
            #expect(again.first?.command == "stopVirtualMachine")
            #expect(again.first?.parameters.contains { $0.0 == "id" && $0.1 == vm.id } == true)
            #expect(again.first?.id != first.id)
        }
    }

    @Test("a call that carried a secret is listed without it, and re-run refuses with a message naming the form to use")
    func secretCallIsNotRerun() async throws {
        let log = Self.tempLog()
        let secret = "Hunter2-NeverInHistory"
        // What the console's API writes for a call with a password: the recorder is the one both it and `cstui call` use.
        let recorder = HistoryRecorder(log: log, profile: "sim", user: "admin")
        let response = APIResponse(command: "resetPasswordForVirtualMachine", responseName: "resetpasswordforvirtualmachineresponse",
                                   content: JSONObject([("jobid", .string("job-1"))]))
        recorder.called("resetPasswordForVirtualMachine", [("id", "vm-1"), ("password", secret)], .success(response))
        recorder.jobEnded("job-1", error: CloudStackError.jobFailed(jobID: "job-1", command: "resetPasswordForVirtualMachine", resultCode: 530,
                                                                  errorText: "password \(secret) is too weak"))
        recorder.called("listVirtualMachines", [("id", "vm-1")], .success(response))
        let raw = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(!raw.contains(secret))
        #expect(!raw.contains("listVirtualMachines"))
        #expect(log.entries().first?.outcome.hasPrefix("failed: ") == true)
        #expect(log.entries().first?.removed == ["password"])
        try await SimConsole.with(vms: 4, history: log) { c in
            c.key(.char(":"))
            c.type("history")
            c.key(.enter)
            try await c.settle { $0.lists[HistoryView.id]?.lastLoaded != nil && $0.lists[HistoryView.id]?.loading == .idle }
            #expect(c.screen.renderedText.contains("resetPasswordForVirtual"))
            #expect(!c.screen.renderedText.contains(secret))
            c.key(.char("R"))
            if case .confirm? = c.s.overlay { Issue.record("a call without its password must not be offered for sending") }
            let flash = c.s.flash?.text ?? ""
            #expect(flash.contains("password"), "\(flash)")
            #expect(flash.contains(":resetPasswordForVirtualMachine"), "\(flash)")
            #expect(flash.contains("nothing was sent"), "\(flash)")
        }
    }

    @Test("an unwritable state folder writes nothing, never throws, and says why once")
    func unwritableFolder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-notadir-\(UUID().uuidString)").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let log = HistoryLog(path: file + "/cstui/history.jsonl")
        let recorder = HistoryRecorder(log: log, profile: "p")
        recorder.called("stopVirtualMachine", [("id", "1")], .failure(CloudStackError.api(command: "stopVirtualMachine", httpStatus: 431, errorCode: 431, csErrorCode: nil, errorText: "no")))
        #expect(log.problem?.hasPrefix("history not written: cannot create") == true, "\(log.problem ?? "nil")")
        #expect(log.entries().isEmpty)
    }
}
