import CloudStack
import Foundation
import PluginKit
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// Marking rows and running one action for all of them against the simulator.
@Suite("Bulk actions: marking, one confirmation, a tray entry per row and a summary")
struct BulkActionTests {
    @Test("* marks every running VM the filter shows; Stop asks once naming the count and the first few; all end Stopped")
    func stopEveryMarkedVM() async throws {
        try await SimConsole.with(vms: 40) { c in
            try await c.open(InstancesSection.id)
            c.key(.char("/"))
            c.type("running")
            c.key(.enter)
            let shown = c.s.lists[InstancesSection.id]?.visible.count ?? 0
            #expect(shown > 5)
            c.key(.char("*"))
            #expect(c.s.lists[InstancesSection.id]?.marked.count == shown)
            #expect(c.screen.text(at: 1).contains("● \(shown) marked"))
            let marked = c.s.lists[InstancesSection.id]?.markedRows ?? []
            c.key(.char("T"))
            c.key(.enter)  // Stop's form: not forced
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("one confirmation for all"); return }
            let names = marked.prefix(3).compactMap { $0["name"] }.joined(separator: ", ")
            #expect(dialog.message.hasPrefix("Stop \(shown) rows: \(names) and \(shown - 3) more?"))
            #expect(dialog.message.contains("Sends stopVirtualMachine for each row"))
            #expect(dialog.buttons.first == "Stop \(shown)")
            c.key(.char("y"))
            #expect(c.s.lists[InstancesSection.id]?.marked.isEmpty == true, "marks clear once the action runs")
            try await c.settle(timeout: 60) { s in s.jobs.pendingCount == 0 }
            let summary = try #require(c.s.jobs.jobs.first { !$0.children.isEmpty })
            #expect(summary.status == .succeeded)
            #expect(summary.children.count == shown)
            #expect(c.s.jobs.jobs.count == shown + 1, "one tray entry per row and the summary")
            for row in marked {
                let state = try await c.client.call("listVirtualMachines", [("id", row.id)]).list.items.first?["state"]?.text
                #expect(state == "Stopped", "\(row["name"] ?? row.id)")
            }
        }
    }

    @Test("a row that fails is named in the summary; rows not in a state for the action are left out and counted")
    func failuresAreListed() async throws {
        try await SimConsole.with(vms: 30) { c in
            try await c.open(InstancesSection.id)
            let rows = c.s.lists[InstancesSection.id]?.rows ?? []
            let picked = Self.pick(rows)
            let running = picked.running
            let stopped = try #require(picked.stopped)
            for id in running.map(\.id) + [stopped.id] {
                try c.select(in: InstancesSection.id) { $0.id == id }
                c.key(.char(" "))
            }
            // One marked VM is destroyed behind the console's back: its stop fails on the server.
            let gone = try #require(running.first)
            _ = try await c.client.call("destroyVirtualMachine", [("id", gone.id), ("expunge", "true")])
            try await Task.sleep(nanoseconds: 400_000_000)
            c.key(.char("T"))
            c.key(.enter)  // Stop's form: not forced
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("asks once"); return }
            #expect(dialog.message.contains("1 marked row is left out: not in a state for Stop."))
            c.key(.char("y"))
            try await c.settle(timeout: 60) { s in s.jobs.pendingCount == 0 }
            let summary = try #require(c.s.jobs.jobs.first { !$0.children.isEmpty })
            guard case .failed(let text) = summary.status else { Issue.record("the summary fails: \(summary.status)"); return }
            #expect(text.hasPrefix("1 of 3 failed: "))
            #expect(text.contains(gone["name"] ?? gone.id))
            #expect(c.s.flash?.text.contains("1 failed") == true)
        }
    }

    /// Three running VMs and a stopped one.
    static func pick(_ rows: [Row]) -> (running: [Row], stopped: Row?) {
        (Array(rows.filter { $0["state"] == "Running" }.prefix(3)), rows.first { $0["state"] == "Stopped" })
    }

    @Test("Esc clears the marks before it leaves the list; an action for one row runs on the cursor row while rows are marked")
    func escClearsMarks() async throws {
        try await SimConsole.with(vms: 10) { c in
            try await c.open(InstancesSection.id)
            c.key(.char(" "))
            c.key(.char(" "))
            #expect(c.s.lists[InstancesSection.id]?.marked.count == 2)
            c.key(.escape)
            #expect(c.s.lists[InstancesSection.id]?.marked.isEmpty == true)
            #expect(c.s.focus == .main)
        }
    }
}
