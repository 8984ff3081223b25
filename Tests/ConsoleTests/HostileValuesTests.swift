import CloudStack
import Foundation
import PluginKit
import StorageForms
import Simulator
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// Values a server (or a tenant naming things) sends that once crashed the console, reached the terminal raw, or
/// put another row's data under the selected row's title.
@Suite("Hostile values in the console")
struct HostileValuesTests {
    static func control(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && Screen.isUnsafe($0) }
    }

    @Test("the detail of a VM snapshot is that snapshot: listVMSnapshot is asked by vmsnapshotid, and a stray answer is refused")
    func detailIsTheSelectedEntity() async throws {
        try await SimConsole.with { c in
            let vm = try #require(try await c.client.call("listVirtualMachines", [("listall", "true"), ("state", "Running")]).list.items.first?["id"]?.text)
            for name in ["first", "second"] {
                _ = try await c.client.execute("createVMSnapshot", [("virtualmachineid", vm), ("name", name)])
            }
            try await c.open("vm-snapshots")
            let second = try c.select(in: "vm-snapshots") { $0["displayname"] == "second" }
            c.key(.enter)
            try await c.settle { $0.detail?.fields != nil || $0.detail?.error != nil }
            #expect(c.s.detail?.fields?["id"]?.text == second.id)
            #expect(c.s.detail?.fields?["displayname"]?.text == "second")
            // Asked with a parameter the API ignores (as `id` once was), the server answers with other snapshots: refused.
            let wrong = DataProvider.api("listVMSnapshot", [("listall", "true")], idParameter: "id")
            let all = try await c.client.call("listVMSnapshot", [("listall", "true")]).list.items
            let notFirst = try #require(all.dropFirst().first?["id"]?.text)
            await #expect(throws: CloudStackError.self) { _ = try await wrong.fetchOne?(notFirst, c.s.context()) }
            do {
                _ = try await wrong.fetchOne?(notFirst, c.s.context())
            } catch {
                #expect("\(error)".contains("asked for id=\(notFirst), it answered with"))
            }
        }
    }

    @Test("capacities of nan, 1e300 and beyond Int do not trap: the cell says what it can")
    func capacityNumbers() {
        func row(_ pairs: [(String, JSONValue)]) -> JSONObject { JSONObject(pairs.map { ($0.0, $0.1) }) }
        let field = ListField("capacity", "Capacity", format: .capacity)
        let nan = FieldFormatter.text(field, row: row([("disksizeused", "nan"), ("disksizetotal", 1000)]))
        #expect(nan == "used nan")
        let huge = FieldFormatter.text(field, row: row([("disksizeused", 1e300), ("disksizetotal", 1)]))
        #expect(huge.contains(">9999%"))
        #expect(FieldFormatter.text(field, row: row([("disksizeused", 5), ("disksizetotal", .double(.infinity))])) == "total inf")
        #expect(FieldFormatter.text(ListField("size", "Size", format: .bytes), row: row([("size", "nan")])) == "nan")
        #expect(FieldFormatter.text(ListField("size", "Size", format: .bytes), row: row([("size", 1e300)])).hasSuffix("PiB"))
        #expect(ListPane.fmt(Int.min) == "-9,223,372,036,854,775,808")
    }

    @Test("a Dashboard with 1e300 capacity and counts at Int.max draws")
    func dashboardNumbers() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        var d = DashboardData()
        d.zones = [.init(zone: "z", gauges: [("CPU", 1e300, 1e300), ("Memory", .nan, 1), ("Primary", 1e300, .infinity)])]
        d.vmStates = [("Running", Int.max), ("Stopped", Int.max), ("Error", -5)]
        d.loadedAt = Date()
        s.dashboard = d
        _ = Update.open(Sections.dashboard, &s)
        let text = Renderer.render(s).renderedText
        #expect(text.contains("9,223,372,036,854,775,807"))
        #expect(text.contains("GHz"))
    }

    @Test("a list count of Int.max or below zero neither traps nor stops the rows that came")
    func hugeCounts() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "a", "Running")], into: &s, total: Int.max)
        #expect(s.lists[InstancesSection.id]?.rows.count == 1)
        var t = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "a", "Running")], into: &t, total: -1)
        #expect(t.lists[InstancesSection.id]?.total == 1)
        t.lists[InstancesSection.id]?.remove(id: "vm-1")
        #expect(t.lists[InstancesSection.id]?.total == 0)
    }

    @Test("escape sequences, C1 and bidi controls in names never reach the screen: not in lists, dialogs or pre-filled inputs")
    func namesAreSanitised() throws {
        let evil = "pool\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}gnp.exe\u{200B}"
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        _ = Update.open(StorageSections.primaryID, &s)
        let row = Row(id: "p1", fields: JSONObject([("id", "p1"), ("name", .string(evil)), ("state", "Up"), ("disksizetotal", 1024)]))
        let generation = s.lists[StorageSections.primaryID]?.generation ?? 0
        _ = Update.apply(.pageLoaded(view: StorageSections.primaryID, generation: generation, page: 1, DataPage(rows: [row], total: 1)), to: &s)
        let list = Renderer.render(s)
        #expect(!list.cells.contains { Self.control($0.character) })
        #expect(list.renderedText.contains("pool?]0;"))
        // Update pre-fills the name field with it; the text input draws cell by cell.
        _ = ConsoleFixtures.key(.char("U"), &s)
        guard case .form? = s.overlay else { Issue.record("expected the Update form"); return }
        let form = Renderer.render(s)
        #expect(!form.cells.contains { Self.control($0.character) })
        #expect(form.renderedText.contains("pool?]0;pwned??[2J?31m?gnp.exe?"))
        var screen = Screen(width: 10, height: 1)
        screen.set(x: 0, y: 0, Cell("\u{1B}"))
        screen.set(x: 1, y: 0, Cell("a\u{200D}"))
        #expect(screen[0, 0].character == "?" && screen[1, 0].character == "?")
    }

    @Test("a PowerFlex password travels encodeURIComponent-encoded (Pa%24%24-w0rd) and is masked in that spelling too")
    func powerFlexMasking() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        var d = StorageDialog(id: 4, kind: .primary, availableAPIs: [])
        d.options[OptionRequest(source: .providers, parent: nil, kind: .primary).key] = [FieldOption(value: "PowerFlex", label: "PowerFlex")]
        d.values = ["scope": "zone", "hypervisor": "KVM", "provider": "PowerFlex", "powerflexGatewayPassword": "Pa$$-w0rd",
                    "powerflexGatewayUsername": "admin", "powerflexGateway": "gw.example.com", "powerflexStoragePool": "pool 1"]
        _ = d.rebuild(s.storageForms)
        #expect(d.specs.contains { $0.key == "powerflexGatewayPassword" && $0.kind == .secret })
        s.overlay = .storage(d)
        _ = Update.apply(.storage(.submitFailed(dialog: 4, step: 0,
            "Failed to add: powerflex://admin:Pa%24%24-w0rd@gw.example.com/pool%201 (sent as Pa%2524%2524-w0rd)")), to: &s)
        guard case .storage(let after)? = s.overlay else { Issue.record("the dialog stays open"); return }
        let text = try #require(after.message?.text)
        #expect(!text.contains("w0rd"))
        #expect(text.contains("powerflex://admin:••••@gw.example.com"))
    }
}
