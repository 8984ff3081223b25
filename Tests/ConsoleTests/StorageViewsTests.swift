import CloudStack
import Foundation
import PluginKit
import Simulator
import Testing
import TUI
@testable import Console
@testable import TestSupport

@Suite("Storage views, lifecycle actions, VM snapshot form")
struct StorageViewsTests {
    static let tib = 1_099_511_627_776.0

    static func poolRow(_ id: String, state: String, used: Double, allocated: Double?, total: Double, tags: String = "") -> Row {
        var o = JSONObject([("id", .string(id)), ("name", .string("pool-\(id)")), ("state", .string(state)), ("scope", "CLUSTER"),
                            ("type", "NetworkFilesystem"), ("provider", "DefaultPrimary"), ("zonename", "zone-a"), ("clustername", "c1"),
                            ("disksizeused", .int(Int64(used))), ("disksizetotal", .int(Int64(total))), ("tags", .string(tags))])
        if let allocated { o["disksizeallocated"] = .int(Int64(allocated)) }
        return Row(id: id, fields: o)
    }

    static func offline(width: Int = 160, height: Int = 30) throws -> AppState {
        ConsoleFixtures.signedIn(api: try ConsoleFixtures.api(), width: width, height: height, profileName: "t")
    }

    static func load(_ rows: [Row], into view: String, _ s: inout AppState) {
        s.focus = .main
        _ = Update.open(view, &s)
        let generation = s.lists[view]?.generation ?? 0
        _ = Update.apply(.pageLoaded(view: view, generation: generation, page: 1, DataPage(rows: rows, total: rows.count)), to: &s)
    }

    @Test("capacity cell: bar, used%/allocated% and total; narrower cells drop the bar, then the total")
    func capacityText() throws {
        let total = 7.3 * Self.tib
        let row = Self.poolRow("p1", state: "Up", used: 0.31 * total, allocated: 0.52 * total, total: total).fields
        let field = ListField("capacity", "Capacity", format: .capacity)
        #expect(FieldFormatter.text(field, row: row) == "██▒▒░░░░ 31%/52% 7.3T")
        #expect(FieldFormatter.text(field, row: row, width: 20) == "31%/52% 7.3T")
        #expect(FieldFormatter.text(field, row: row, width: 12) == "31%/52% 7.3T")
        #expect(FieldFormatter.text(field, row: row, width: 11) == "31%/52%")
        // Used only (secondary storage has no allocated figure).
        let usedOnly = Self.poolRow("p2", state: "Up", used: 0.75 * 500 * 1_073_741_824, allocated: nil, total: 500 * 1_073_741_824).fields
        #expect(FieldFormatter.text(field, row: usedOnly) == "██████░░ 75% 500G")
        // Empty and full.
        #expect(FieldFormatter.text(field, row: Self.poolRow("p3", state: "Up", used: 0, allocated: 0, total: 12 * Self.tib).fields) == "░░░░░░░░ 0%/0% 12T")
        #expect(FieldFormatter.text(field, row: Self.poolRow("p4", state: "Up", used: 2 * Self.tib, allocated: 2 * Self.tib, total: 2 * Self.tib).fields)
                == "████████ 100%/100% 2.0T")
    }

    @Test("Primary Storage shows the capacity bar; sorting on it orders by used share; the list keeps the three capacity fields")
    func capacityColumn() throws {
        var s = try Self.offline()
        let t = 7.3 * Self.tib
        Self.load([Self.poolRow("a", state: "Up", used: 0.31 * t, allocated: 0.52 * t, total: t),
                   Self.poolRow("b", state: "Up", used: 0.9 * t, allocated: 0.95 * t, total: t),
                   Self.poolRow("c", state: "Up", used: 0.05 * t, allocated: 0.1 * t, total: t)], into: StorageSections.primaryID, &s)
        let screen = Renderer.render(s)
        #expect(screen.text(at: 2).contains("Capacity"))
        #expect(screen.renderedText.contains("██▒▒░░░░ 31%/52% 7.3T"))
        let list = try #require(s.lists[StorageSections.primaryID])
        for key in FieldFormatter.capacityKeys { #expect(list.rows[0].fields[key] != nil) }
        let column = try #require(list.definition.fields.firstIndex { $0.format == .capacity })
        var sorted = list
        sorted.table.sortColumn = column
        sorted.recompute()
        #expect(sorted.visible.map { sorted.rows[$0].id } == ["c", "a", "b"])
        // At 80 columns the bar goes first.
        var narrow = try Self.offline(width: 80, height: 24)
        Self.load([Self.poolRow("a", state: "Up", used: 0.31 * t, allocated: 0.52 * t, total: t)], into: StorageSections.primaryID, &narrow)
        let text = Renderer.render(narrow).renderedText
        #expect(!text.contains("██▒▒"))
        #expect(text.contains("31%/52%"))
    }

    @Test("state colours: ErrorInMaintenance in the error style, PrepareForMaintenance bold warning, Disabled dim; VMs' Running green")
    func stateColours() throws {
        var s = try Self.offline()
        let t = Self.tib
        Self.load([Self.poolRow("a", state: "Up", used: 0, allocated: 0, total: t), Self.poolRow("b", state: "ErrorInMaintenance", used: 0, allocated: 0, total: t),
                   Self.poolRow("c", state: "PrepareForMaintenance", used: 0, allocated: 0, total: t),
                   Self.poolRow("d", state: "Disabled", used: 0, allocated: 0, total: t),
                   Self.poolRow("e", state: "Maintenance", used: 0, allocated: 0, total: t)], into: StorageSections.primaryID, &s)
        let screen = Renderer.render(s)
        /// The style of the state cell on the row of `name`: the first cell after the name that starts the state.
        func style(_ name: String, _ state: String) throws -> Style {
            let (_, y) = try #require(screen.position(of: name + " "))
            let line = screen.text(at: y)
            let after = try #require(line.range(of: name))
            let cell = try #require(line.range(of: " " + state.prefix(8), range: after.upperBound..<line.endIndex))
            return screen.style(x: line.distance(from: line.startIndex, to: cell.lowerBound) + 1, y: y)
        }
        let theme = s.theme
        let error = try style("pool-b", "ErrorInMaintenance")
        #expect(error.foreground == theme[.error].foreground && error.isBold)
        let prepare = try style("pool-c", "PrepareForMaintenance")
        #expect(prepare.foreground == theme[.warning].foreground && prepare.isBold)
        #expect(try style("pool-e", "Maintenance").foreground == theme[.warning].foreground)
        #expect(try style("pool-d", "Disabled").foreground == theme[.dim].foreground)
        // The selected row (the first, Up) keeps the selection highlight.
        #expect(try style("pool-a", "Up") == theme[.selectedRow])
        // VMs: Running and Stopped are told apart.
        var vms = try Self.offline()
        Self.load([ConsoleUpdateTests.vm(1, "web-1", "Stopped"), ConsoleUpdateTests.vm(2, "web-2", "Running")], into: InstancesSection.id, &vms)
        let vmScreen = Renderer.render(vms)
        let (rx, ry) = try #require(vmScreen.position(of: "Running"))
        #expect(vmScreen.style(x: rx, y: ry).foreground == theme[.success].foreground)
    }

    @Test("Update [U]: the form starts from the row; only changed fields are sent; the row shows the new tags; emptied tags are cleared")
    func updatePool() async throws {
        try await SimConsole.with { c in
            try await c.open(StorageSections.primaryID)
            let pool = try c.select(in: StorageSections.primaryID) { $0["state"] == "Up" }
            c.key(.char("U"))
            guard case .form(let actionForm)? = c.s.overlay, case let form = actionForm.form else { Issue.record("expected the Update form"); return }
            #expect(form.fields.map(\.id) == ["name", "tags", "capacitybytes", "capacityiops"])
            #expect(form.values["name"] == pool["name"])
            #expect(form.values["tags"] == (pool["tags"] ?? ""))
            // The capacity starts in its short exact spelling (10T), not as 14 digits.
            #expect(form.values["capacitybytes"].flatMap(ByteSize.parse).map(String.init) == pool["disksizetotal"])
            #expect(form.values["capacitybytes"]?.last?.isLetter == true)
            // Replace the tags, leave everything else.
            c.key(.tab)
            c.key(.ctrl("u"))
            c.type("gold, fast")
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "tags=gold,fast"])
            #expect(c.row(StorageSections.primaryID, id: pool.id)?["tags"] == "gold,fast")
            #expect(c.screen.renderedText.contains("gold,fast"))
            // Capacity with commas; name unchanged.
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("U"))
            c.key(.tab)
            c.key(.tab)
            c.key(.ctrl("u"))
            c.type("20,000,000,000,000")
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "capacitybytes=20000000000000"])
            #expect(c.row(StorageSections.primaryID, id: pool.id)?["disksizetotal"] == "20000000000000")
            // A size with a unit, as an operator types it.
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("U"))
            c.key(.tab)
            c.key(.tab)
            c.key(.ctrl("u"))
            c.type("32T")
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "capacitybytes=35184372088832"])
            // Not a size: the message is beside the field, the form stays, nothing is sent.
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("U"))
            c.key(.tab)
            c.key(.tab)
            c.key(.ctrl("u"))
            c.type("lots")
            let sent = c.api.calls.count
            c.key(.enter)
            guard case .form(let refused)? = c.s.overlay else { Issue.record("a bad size keeps the form open"); return }
            #expect(refused.form.fields.first { $0.id == "capacitybytes" }?.error == "bytes, or a size such as 500G or 40T")
            #expect(c.api.calls.count == sent)
            c.key(.escape)
            c.key(.char("y"))
            // Emptying the tags sends tags= and clears them.
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("U"))
            c.key(.tab)
            c.key(.ctrl("u"))
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "tags="])
            #expect((c.row(StorageSections.primaryID, id: pool.id)?["tags"] ?? "").isEmpty)
            // Nothing changed: nothing is sent.
            let before = c.api.calls.count
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("U"))
            c.key(.enter)
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.calls.count == before)
            #expect(c.s.flash?.text.contains("nothing changed") == true)
        }
    }

    @Test("Disable [X] for an Up pool, Enable [E] for a Disabled one (updateStoragePool enabled=false|true)")
    func disableEnable() async throws {
        try await SimConsole.with { c in
            try await c.open(StorageSections.primaryID)
            let pool = try c.select(in: StorageSections.primaryID) { $0["state"] == "Up" }
            c.key(.char("E"))
            #expect(c.s.flash?.text == "Enable is not available for \(pool["name"] ?? "") in state Up")
            c.key(.char("X"))
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("expected a confirmation"); return }
            #expect(dialog.message.contains(pool["name"] ?? "?"))
            c.key(.char("y"))
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "enabled=false"])
            #expect(c.row(StorageSections.primaryID, id: pool.id)?["state"] == "Disabled")
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("X"))
            #expect(c.s.overlay == nil)
            c.key(.char("E"))
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("updateStoragePool") == ["id=\(pool.id)", "enabled=true"])
            #expect(c.row(StorageSections.primaryID, id: pool.id)?["state"] == "Up")
        }
    }

    @Test("Delete [D]: not offered outside Maintenance; in Maintenance it asks forced, confirms with Cancel focused, and the pool goes")
    func deletePool() async throws {
        try await SimConsole.with { c in
            try await c.open(StorageSections.primaryID)
            let pool = try c.select(in: StorageSections.primaryID) { $0["state"] == "Up" && $0["scope"] == "CLUSTER" }
            let name = pool["name"] ?? "?"
            c.key(.char("D"))
            #expect(c.s.overlay == nil)
            #expect(c.s.flash?.text == "Delete is not available for \(name) in state Up")
            c.key(.char("x"))
            guard case .actionMenu(let menu)? = c.s.overlay else { Issue.record("expected the action menu"); return }
            #expect(!menu.actions.contains { $0.id == "delete" })
            #expect(Set(menu.actions.map(\.id)) == ["maintain", "update", "disable"])
            c.key(.escape)
            // Into maintenance (async job), then Delete.
            c.key(.char("M"))
            c.key(.char("y"))
            try await c.settle { $0.jobs.pendingCount == 0 && $0.lists[StorageSections.primaryID]?.loading == .idle }
            try await c.settle { $0.lists[StorageSections.primaryID]?.rows.first { $0.id == pool.id }?["state"] == "Maintenance" }
            _ = try c.select(in: StorageSections.primaryID) { $0.id == pool.id }
            c.key(.char("D"))
            guard case .form(let actionForm)? = c.s.overlay, case let form = actionForm.form else { Issue.record("expected the forced checkbox"); return }
            #expect(form.fields.map(\.label) == ["Also expunge volumes in Destroyed state"])
            #expect(form.values["forced"] == "false")
            c.key(.char(" "))
            c.key(.enter)
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("expected a confirmation"); return }
            #expect(dialog.message.hasPrefix("Delete primary storage \(name)?"))
            #expect(dialog.isDangerous)
            #expect(dialog.buttons[dialog.focusedButton] == "Cancel")
            c.key(.enter)  // Cancel is focused: nothing happens.
            #expect(c.s.overlay == nil)
            #expect(c.api.last("deleteStoragePool") == nil)
            c.key(.char("D"))
            c.key(.char(" "))
            c.key(.enter)
            c.key(.char("y"))
            try await c.settleAction(in: StorageSections.primaryID)
            #expect(c.api.last("deleteStoragePool") == ["id=\(pool.id)", "forced=true"])
            #expect(c.row(StorageSections.primaryID, id: pool.id) == nil)
        }
    }

    @Test("Secondary Storage lists image and staging stores with their role; Delete removes a staging store")
    func secondary() async throws {
        try await SimConsole.with { c in
            let zone = try #require(try await c.client.call("listZones").list.items.first?["id"]?.text)
            let staging = try await c.client.call("createSecondaryStagingStore", [("url", "nfs://10.9.9.9/export/staging"), ("zoneid", zone)])
            let stagingID = try #require(staging.content["secondarystorage"]?["id"]?.text)
            try await c.open(StorageSections.secondaryID)
            let rows = try #require(c.s.lists[StorageSections.secondaryID]?.rows)
            #expect(rows.contains { $0["role"] == "Image" })
            #expect(rows.first { $0.id == stagingID }?["role"] == "Staging")
            let text = c.screen.renderedText
            #expect(text.contains("Staging"))
            #expect(text.contains("nfs://10.9.9.9/export"))
            #expect(c.screen.text(at: 2).contains("Role"))
            _ = try c.select(in: StorageSections.secondaryID) { $0.id == stagingID }
            c.key(.char("D"))
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("expected a confirmation"); return }
            #expect(dialog.message.hasPrefix("Delete staging store "))
            #expect(dialog.buttons[dialog.focusedButton] == "Cancel")
            c.key(.char("y"))
            try await c.settleAction(in: StorageSections.secondaryID)
            #expect(c.api.last("deleteSecondaryStagingStore") == ["id=\(stagingID)"])
            #expect(c.row(StorageSections.secondaryID, id: stagingID) == nil)
            // No Staging row is left; the footer confirms the deletion.
            #expect(!c.screen.renderedText.contains("Staging"))
            #expect(c.screen.renderedText.contains("✓ Delete staging store nfs://10.9.9.9/export/staging"))
            #expect(c.s.lists[StorageSections.secondaryID]?.rows.contains { $0["role"] == "Image" } == true)
        }
    }

    @Test("S3 image stores show endpoint/bucket when the URL is empty")
    func s3Location() {
        let item = JSONObject([("url", ""), ("endpoint", "s3.example.com"), ("bucket", "templates")])
        #expect(StorageSections.location(item) == "s3.example.com/templates")
        #expect(StorageSections.location(JSONObject([("url", "nfs://h/p")])) == "nfs://h/p")
    }

    @Test("Take VM snapshot [P]: name, description, memory, quiesce; the snapshot appears with that name and DiskAndMemory")
    func takeSnapshot() async throws {
        try await SimConsole.with { c in
            try await c.open(InstancesSection.id)
            let vm = try c.select(in: InstancesSection.id) { $0["state"] == "Running" }
            c.key(.char("P"))
            guard case .form(let actionForm)? = c.s.overlay, case let form = actionForm.form else { Issue.record("expected the snapshot form"); return }
            #expect(form.fields.map(\.label) == ["Name", "Description", "Include memory", "Quiesce VM"])
            c.type("pre-patch")
            c.key(.tab)
            c.type("before the patch")
            c.key(.tab)
            c.key(.char(" "))
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: InstancesSection.id)
            #expect(c.api.last("createVMSnapshot") == ["virtualmachineid=\(vm.id)", "name=pre-patch", "description=before the patch",
                                                       "snapshotmemory=true", "quiescevm=false"])
            #expect(c.s.jobs.jobs.first?.status == .succeeded)
            let snaps = try await c.client.call("listVMSnapshot", [("virtualmachineid", vm.id), ("listall", "true")]).list.items
            let snap = try #require(snaps.first { $0["displayname"]?.text == "pre-patch" })
            #expect(snap["type"]?.text == "DiskAndMemory")
            #expect(snap["description"]?.text == "before the patch")
            try await c.open("vm-snapshots")
            let text = c.screen.renderedText
            #expect(text.contains("pre-patch"))
            #expect(text.contains("DiskAndMemory"))
            // Left empty: only the booleans are sent.
            _ = try c.select(in: InstancesSection.id) { $0.id == vm.id }
            c.s.section = InstancesSection.id
            c.key(.char("P"))
            c.key(.enter)
            c.key(.char("y"))  // confirm the call shown
            try await c.settleAction(in: InstancesSection.id)
            #expect(c.api.last("createVMSnapshot") == ["virtualmachineid=\(vm.id)", "snapshotmemory=false", "quiescevm=false"])
        }
    }

    @Test("VM Snapshots: Revert only for Ready; Delete for Ready, Expunging and Error")
    func vmSnapshotActions() throws {
        var s = try Self.offline()
        func snap(_ id: String, _ state: String) -> Row {
            Row(id: id, fields: JSONObject([("id", .string(id)), ("name", .string("i-2-3-VM_VS_\(id)")), ("displayname", .string("snap-\(id)")),
                                            ("state", .string(state)), ("type", "Disk")]))
        }
        let states = ["Ready", "Creating", "Expunging", "Error", "Allocated", "Reverting"]
        Self.load(states.map { snap($0.lowercased(), $0) }, into: "vm-snapshots", &s)
        let list = try #require(s.lists["vm-snapshots"])
        let ctx = s.context(selectedIn: "vm-snapshots")
        var offered: [String: Set<String>] = [:]
        for row in list.rows {
            offered[row["state"] ?? ""] = Set(list.definition.actions.filter { $0.isOffered(for: row, in: ctx) }.map(\.id))
        }
        #expect(offered["Ready"] == ["revert", "delete"])
        #expect(offered["Expunging"] == ["delete"])
        #expect(offered["Error"] == ["delete"])
        #expect(offered["Creating"] == [])
        #expect(offered["Allocated"] == [])
        #expect(offered["Reverting"] == [])
        // The Name column shows the display name the user gave.
        #expect(Renderer.render(s).renderedText.contains("snap-ready"))
    }
}
