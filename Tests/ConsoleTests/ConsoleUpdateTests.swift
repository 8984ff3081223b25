import CloudStack
import Foundation
import PluginKit
import Simulator
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// The console's behaviour through `Update` and `Renderer`: events in, state and screen out.
@Suite("Console update and rendering")
struct ConsoleUpdateTests {
    static func vm(_ id: Int, _ name: String, _ state: String) -> Row {
        Row(id: "vm-\(id)", fields: JSONObject([("id", .string("vm-\(id)")), ("name", .string(name)), ("state", .string(state)),
                                                 ("zonename", "zone-a"), ("hostname", "kvm-1"), ("account", "admin")]))
    }

    @Test("opening Instances asks for page 1; once count is known, later pages load in parallel and are kept in order")
    func paging() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        #expect(s.lists[InstancesSection.id]?.loading == .loading(page: 1, pages: nil))
        s.pageSize = 2
        let gen = s.lists[InstancesSection.id]?.generation ?? -1
        func pages(_ effects: [Effect]) -> [Int] {
            effects.compactMap { if case .loadPage(_, _, let p, _) = $0 { return p } else { return nil } }
        }
        let first = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen, page: 1,
                                             DataPage(rows: [Self.vm(1, "a", "Running"), Self.vm(2, "b", "Stopped")], total: 11)), to: &s)
        #expect(pages(first) == [2, 3, 4, 5])
        // An answer to an older load is ignored.
        _ = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen - 1, page: 2, DataPage(rows: [Self.vm(9, "stale", "Running")], total: 11)), to: &s)
        #expect(s.lists[InstancesSection.id]?.rows.count == 2)
        // Page 3 arrives before page 2: it waits, and the rows stay in the server's order.
        let after3 = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen, page: 3, DataPage(rows: [Self.vm(5, "e", "Running"), Self.vm(6, "f", "Running")], total: 11)), to: &s)
        #expect(pages(after3).isEmpty)
        #expect(s.lists[InstancesSection.id]?.rows.count == 2)
        let after2 = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen, page: 2, DataPage(rows: [Self.vm(3, "c", "Running"), Self.vm(4, "d", "Running")], total: 11)), to: &s)
        #expect(pages(after2) == [6])
        #expect(s.lists[InstancesSection.id]?.rows.map(\.id) == (1...6).map { "vm-\($0)" })
        for p in 4...5 {
            _ = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen, page: p,
                                         DataPage(rows: [Self.vm(p * 2 - 1, "x", "Running"), Self.vm(p * 2, "y", "Running")], total: 11)), to: &s)
        }
        #expect(s.lists[InstancesSection.id]?.loading == .loading(page: 6, pages: 6))
        let last = Update.apply(.pageLoaded(view: InstancesSection.id, generation: gen, page: 6, DataPage(rows: [Self.vm(11, "k", "Running")], total: 11)), to: &s)
        #expect(pages(last).isEmpty)
        #expect(s.lists[InstancesSection.id]?.rows.map(\.id) == (1...11).map { "vm-\($0)" })
        #expect(s.lists[InstancesSection.id]?.loading == .idle)
    }

    @Test("the table at 80x24: column labels, rows, and the selected row highlighted")
    func rendering() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load((1...30).map { Self.vm($0, "web-\($0)", $0 % 3 == 0 ? "Stopped" : "Running") }, into: &s)
        _ = ConsoleFixtures.key(.down, &s)
        let screen = Renderer.render(s)
        let header = screen.text(at: 2)
        for label in ["Name", "State", "Zone", "Host"] { #expect(header.contains(label)) }
        #expect(screen.text(at: 1).contains("30 rows"))
        let (x, y) = try #require(screen.position(of: "web-2 "))
        #expect(y == 4)
        #expect(screen.style(x: x, y: y) == s.theme[.selectedRow])
        #expect(screen.style(x: x, y: 3) != s.theme[.selectedRow])
        #expect(screen.text(at: 23).contains("help"))
    }

    @Test("/ filters as you type, matching all words; Esc clears and the cursor stays on its row")
    func filtering() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([Self.vm(1, "web-1", "Running"), Self.vm(2, "db-1", "Running"), Self.vm(3, "web-2", "Stopped")], into: &s)
        _ = ConsoleFixtures.key(.char("/"), &s)
        for c in "web stop" { _ = ConsoleFixtures.key(.char(c), &s) }
        #expect(s.lists[InstancesSection.id]?.visible.count == 1)
        #expect(s.lists[InstancesSection.id]?.selectedRow?.id == "vm-3")
        #expect(Renderer.render(s).text(at: 1).contains("1 of 3 match"))
        _ = ConsoleFixtures.key(.escape, &s)
        #expect(s.lists[InstancesSection.id]?.visible.count == 3)
        #expect(s.lists[InstancesSection.id]?.selectedRow?.id == "vm-3")
    }

    @Test("sorting by a column and reversing it")
    func sorting() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([Self.vm(1, "b", "Running"), Self.vm(2, "c", "Stopped"), Self.vm(3, "a", "Running")], into: &s)
        _ = ConsoleFixtures.key(.char("o"), &s)
        #expect(s.lists[InstancesSection.id].map { l in l.visible.map { l.rows[$0]["name"] ?? "" } } == ["a", "b", "c"])
        _ = ConsoleFixtures.key(.char("O"), &s)
        #expect(s.lists[InstancesSection.id].map { l in l.visible.map { l.rows[$0]["name"] ?? "" } } == ["c", "b", "a"])
    }

    @Test("actions follow the VM's state: Restart asks first and then runs; Start is refused for a running VM")
    func actionsByState() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([Self.vm(1, "web-1", "Running"), Self.vm(2, "web-2", "Stopped")], into: &s)
        #expect(ConsoleFixtures.key(.char("S"), &s).isEmpty)
        #expect(s.flash?.text.contains("not available") == true)
        _ = ConsoleFixtures.key(.char("x"), &s)
        guard case .actionMenu(let menu)? = s.overlay else { Issue.record("expected the action menu"); return }
        // An admin's menu for a running VM without an ISO: Destroy with expunge, Migrate to host, Attach ISO.
        #expect(Set(menu.actions.map(\.id)) == ["stop", "restart", "destroy-admin", "snapshot", "volume-snapshot", "reinstall", "migrate",
                                                "attach-iso"])
        _ = ConsoleFixtures.key(.escape, &s)
        #expect(ConsoleFixtures.key(.char("R"), &s).isEmpty)
        guard case .confirm(let dialog, _)? = s.overlay else { Issue.record("expected a confirmation"); return }
        // The question, then the command and every parameter that will be sent.
        #expect(dialog.message == "Restart VM web-1?\n\nSends rebootVirtualMachine\n  id = vm-1")
        #expect(dialog.focusedButton == 0 && !dialog.isDangerous)
        let effects = ConsoleFixtures.key(.enter, &s)
        guard case .runAction(let track, let pending)? = effects.first else { Issue.record("expected the action to run"); return }
        #expect(pending.action.id == "restart")
        #expect(pending.row.id == "vm-1")
        #expect(pending.call == APICall("rebootVirtualMachine", [("id", "vm-1")]))
        #expect(s.jobs.pendingCount == 1)
        // The job ends: the row takes the entity the job returned, the tray shows success.
        var entity = Self.vm(1, "web-1", "Running").fields
        entity["hostname"] = "kvm-9"
        let job = try #require(AsyncJob(JSONObject([("jobid", "j1"), ("jobstatus", 1), ("jobresult", .object(JSONObject([("virtualmachine", .object(entity))])))])))
        _ = Update.apply(.actionQueued(track: track, jobID: "j1"), to: &s)
        _ = Update.apply(.jobFinished(track: track, job), to: &s)
        #expect(s.jobs.pendingCount == 0)
        #expect(s.jobs.jobs.first?.status == .succeeded)
        #expect(s.lists[InstancesSection.id]?.rows.first?["hostname"] == "kvm-9")
    }

    @Test("a failed job shows the server's error text in the tray")
    func failedJob() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([Self.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleFixtures.key(.char("T"), &s)
        // Stop asks first whether to force it; Enter leaves it unticked.
        _ = ConsoleFixtures.key(.enter, &s)
        let effects = ConsoleFixtures.key(.char("y"), &s)
        guard case .runAction(let track, _)? = effects.first else { Issue.record("expected the action to run"); return }
        _ = Update.apply(.jobFailed(track: track, "Unable to stop VM: host is in maintenance (530)"), to: &s)
        #expect(s.jobs.jobs.first?.status == .failed("Unable to stop VM: host is in maintenance (530)"))
        _ = ConsoleFixtures.key(.char("n"), &s)
        let screen = Renderer.render(s)
        #expect(screen.renderedText.contains("host is in maintenance"))
    }

    @Test("read-only mode refuses mutating actions and offers none")
    func readOnly() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api(), readOnly: true)
        ConsoleFixtures.load([Self.vm(1, "web-1", "Running")], into: &s)
        #expect(ConsoleFixtures.key(.char("R"), &s).isEmpty)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("Read-only") == true)
        _ = ConsoleFixtures.key(.char("x"), &s)
        #expect(s.overlay == nil)
        s.flash = nil
        let footer = Renderer.render(s).text(at: 23)
        #expect(footer.contains("help"))
        #expect(!footer.contains("Restart"))
    }

    @Test("listApis decides: a user without stopVirtualMachine is not offered Stop")
    func listApisRestricts() async throws {
        var options = SimulatorOptions()
        options.vms = 20
        try await TestSimulator.with(options) { server in
            let user = server.credentials.user
            let client = try TestSupport.client(server, .apiKey(key: user.apiKey, secret: user.secretKey))
            let api = ConsoleAPI(client: client)
            let apis = try await api.loadAPIs()
            #expect(apis.contains { $0.name == "listVirtualMachines" })
            #expect(!apis.contains { $0.name == "listHosts" })
            // The console's state is the one holder of what listApis offers.
            var s = ConsoleFixtures.state(api: api)
            _ = Update.apply(.apisLoaded(apis), to: &s)
            #expect(s.isAllowed("stopVirtualMachine"))
            #expect(!s.isAllowed("enableStorageMaintenance"))
            #expect(s.context().api.isAllowed("stopVirtualMachine") && !s.context().api.isAllowed("enableStorageMaintenance"))
            let me = try await api.whoAmI()
            #expect(me.username == user.username)
            #expect(me.roleType == "User")
        }
    }

    @Test("the palette: :listHosts opens a generic list with columns from listApis; unknown words are explained")
    func palette() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        s.apis = [APIInfo(name: "listHosts", isAsync: false, responseFields: ["id", "name", "state", "ipaddress", "zonename", "clusterid"])]
        _ = ConsoleFixtures.key(.char(":"), &s)
        for c in "listhosts" { _ = ConsoleFixtures.key(.char(c), &s) }
        let effects = ConsoleFixtures.key(.enter, &s)
        #expect(s.section == "api:listHosts")
        #expect(s.lists["api:listHosts"]?.definition.fields.map(\.key) == ["name", "state", "zonename", "ipaddress"])
        guard case .loadPage(let def, _, 1, _)? = effects.first else { Issue.record("expected a load"); return }
        #expect(def.id == "api:listHosts")
        _ = ConsoleFixtures.key(.char(":"), &s)
        for c in "frobnicate" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        #expect(s.flash?.text.contains("Unknown command 'frobnicate'") == true)
        _ = ConsoleFixtures.key(.char(":"), &s)
        for c in "storage" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        #expect(s.section == "primary-storage")
    }

    @Test("100,000 rows: filtering and moving stay on row indices, the screen shows the right rows")
    func largeList() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load((1...100_000).map { Self.vm($0, "vm-\($0)", $0 % 2 == 0 ? "Running" : "Stopped") }, into: &s)
        _ = ConsoleFixtures.key(.char("G"), &s)
        #expect(s.lists[InstancesSection.id]?.selectedRow?.id == "vm-100000")
        #expect(Renderer.render(s).renderedText.contains("vm-100000"))
        _ = ConsoleFixtures.key(.char("/"), &s)
        for c in "vm-9999" { _ = ConsoleFixtures.key(.char(c), &s) }
        #expect(s.lists[InstancesSection.id]?.visible.count == 11)
    }

    @Test("resizing re-lays the screen; a dialog stays centred and inside at 40x12")
    func resize() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api(), width: 120, height: 40)
        ConsoleFixtures.load([Self.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleFixtures.key(.char("R"), &s)
        _ = Update.apply(.input(.resize(width: 40, height: 12)), to: &s)
        let screen = Renderer.render(s)
        #expect(screen.width == 40 && screen.height == 12)
        #expect(screen.renderedText.contains("Restart"))
        if case .confirm? = s.overlay {} else { Issue.record("the dialog must stay open across a resize") }
    }
}

/// The one key table: dispatch, help and footer come from it, and plugins cannot take its keys.
@Suite("Key table")
struct KeyTableTests {
    @Test("help lists every binding of the table; the footer's hints are the table's; plugin-reserved keys cover the table's")
    func oneTable() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "web-1", "Running")], into: &s)
        let help = Help.view(for: s)
        let entries = help.sections.flatMap(\.entries).map { "\($0.key)|\($0.action)" }
        for b in KeyBindings.table { #expect(entries.contains("\(b.shown)|\(b.help)"), "help misses \(b.shown)") }
        let footer = Renderer.footer(s).hints.map(\.key)
        for hint in KeyBindings.hints(.list) { #expect(footer.contains(hint.key)) }
        for b in KeyBindings.table where b.contexts.contains(where: { [.everywhere, .list, .navbar].contains($0) }) {
            for case .char(let c) in b.keys { #expect(ReservedKeys.characters.contains(c), "'\(c)' runs \(b.help) but a plugin may take it") }
        }
        // Dispatch follows the table: ? opens help, : the palette, n the tray, / the filter.
        _ = ConsoleFixtures.key(.char("?"), &s)
        guard case .help? = s.overlay else { Issue.record("? must open the help"); return }
        s.overlay = nil
        _ = ConsoleFixtures.key(.char("/"), &s)
        #expect(s.lists[InstancesSection.id]?.isEditingFilter == true)
    }
}

@Suite("Detail pane")
struct DetailPaneTests {
    @Test("the detail pane shows the section's detail fields first, in its order, then the rest")
    func detailOrder() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api(), width: 160, height: 40)
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleFixtures.key(.enter, &s)
        let fields = JSONObject([("nic", "10.0.0.1"), ("created", "2026-01-01T10:00:00+0000"), ("id", "vm-1"), ("zonename", "zone-a"),
                                 ("name", "web-1"), ("state", "Running")])
        _ = Update.apply(.detailLoaded(view: InstancesSection.id, rowID: "vm-1", fields), to: &s)
        let lines = Renderer.render(s).renderedText.split(separator: "\n").map(String.init)
        func line(_ key: String) -> Int? { lines.firstIndex { $0.contains("│ \(key) ") } }
        let order = ["name", "state", "id", "zonename", "created", "nic"].map(line)
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}
