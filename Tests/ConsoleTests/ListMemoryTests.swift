import CloudStack
import Foundation
import PluginKit
import Testing
@testable import Console
@testable import TestSupport

/// What keeps the console light at 100,000 VMs: it asks the server only for the groups of fields a list keeps, and
/// its filter index stays right through replaced and removed rows.
@Suite("Lists ask for less and filter in place")
struct ListMemoryTests {
    @Test("Instances asks listVirtualMachines for only the detail groups its columns and actions read; Enter still shows every field")
    func instancesAskForDetails() async throws {
        try await SimConsole.with(vms: 40) { c in
            try await c.open("instances")
            let asked = try #require(c.api.pages.last { $0.0 == "listVirtualMachines" }?.1)
            let details = try #require(asked.first { $0.0 == "details" }?.1, "no details in \(asked)")
            let groups = Set(details.split(separator: ",").map(String.init))
            #expect(groups.isSuperset(of: ["servoff", "nics"]), "the Offering and IP columns: \(details)")
            #expect(!groups.contains("all") && !groups.contains("stats"), "no statistics nobody shows: \(details)")
            // The columns those groups feed are filled in.
            let list = try #require(c.s.lists["instances"])
            let offering = try #require(list.definition.fields.firstIndex { $0.key == "serviceofferingname" })
            let ip = try #require(list.definition.fields.firstIndex { $0.key == "nic" })
            for row in 0..<min(10, list.visible.count) {
                #expect(!list.cell(row: row, column: offering).isEmpty && !list.cell(row: row, column: ip).isEmpty)
            }
            // The detail pane asks for the whole VM.
            c.key(.enter)
            try await c.settle { s in s.detail?.fields?["cpuused"] != nil }
        }
    }

    @Test("the filter finds rows by any shown field after rows were replaced (the index compacts) and removed")
    func searchIndexThroughChanges() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load((1...10_000).map { ConsoleUpdateTests.vm($0, "vm-\($0)", "Running") }, into: &s)
        var list = try #require(s.lists[InstancesSection.id])
        // Replace 6,000 rows: their old text becomes garbage, more than half the index, so it compacts.
        for i in 1...6_000 { list.update(ConsoleUpdateTests.vm(i, "renamed-\(i)", "Stopped")) }
        list.remove(id: "vm-7000")
        list.filter.text = "renamed-5999"
        list.recompute()
        #expect(list.visible.map { list.rows[$0].id } == ["vm-5999"])
        list.filter.text = "vm-700"
        list.recompute()
        #expect(Set(list.visible.map { list.rows[$0].id }) == Set((7001...7009).map { "vm-\($0)" }), "vm-700 was renamed, vm-7000 is gone")
        list.filter.text = "stopped renamed-1000"
        list.recompute()
        #expect(list.visible.map { list.rows[$0].id } == ["vm-1000"])
        list.filter.text = "VM-9999 RUNNING"
        list.recompute()
        #expect(list.visible.map { list.rows[$0].id } == ["vm-9999"], "case does not matter")
    }

    @Test("rows share one copy of repeated values: 10,000 rows of 3 zones hold 3 zone strings")
    func interned() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        let zones = ["zone-amsterdam-west-1", "zone-frankfurt-main-2", "zone-zurich-secondary-3"]
        ConsoleFixtures.load((1...10_000).map { i in
            Row(id: "vm-\(i)", fields: JSONObject([("id", .string("vm-\(i)")), ("name", .string("vm-\(i)")), ("state", "Running"),
                                                    ("zonename", .string(String(zones[i % 3].utf8.map { Character(UnicodeScalar($0)) })))]))
        }, into: &s)
        let list = try #require(s.lists[InstancesSection.id])
        var storages = Set<UInt>()
        for row in list.rows {
            guard case .string(var z)? = row.fields["zonename"] else { continue }
            z.withUTF8 { storages.insert(UInt(bitPattern: $0.baseAddress)) }
        }
        #expect(storages.count == 3, "\(storages.count) copies of 3 zone names")
    }
}
