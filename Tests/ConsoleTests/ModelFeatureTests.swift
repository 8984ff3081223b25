import CloudStack
import Foundation
import PluginKit
import StorageForms
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// What the admin sections need from the one model, seen through `Update` and the screen: typed setting values,
/// the old and new value in the confirmation, scope parameters from a drill-down, role-gated actions, server-side
/// filters, tree and changed columns, results shown once.
@Suite("View and action model: settings, filters, roles, trees, results shown once")
struct ModelFeatureTests {
    static let settingsJSON = #"""
    {"title": "Settings", "desc": "d", "listView": {"id": "settings", "command": "listConfigurations",
      "fields": [{"key": "name", "label": "Name"}, {"key": "value", "label": "Value"},
                 {"key": "value", "label": "Default?", "format": "changed"}, {"key": "type", "label": "Type"}],
      "filters": [{"key": "category", "label": "Category"},
                  {"key": "level", "label": "Level", "kind": "select", "options": [{"value": "ERROR", "label": "ERROR"}, {"value": "WARN", "label": "WARN"}]}],
      "actions": [{"id": "edit", "label": "Edit", "key": "E", "command": "updateConfiguration", "idParameter": null,
                   "rowParameters": {"name": "name"}, "viewParameters": ["zoneid", "clusterid"],
                   "inputs": [{"key": "value", "label": "Value", "rowField": "value", "typeField": "type", "send": "changed"}],
                   "confirm": "Change {name} from {value} to {input.value}?", "notification": "Set {name}"},
                  {"id": "reset", "label": "Reset", "key": "X", "command": "resetConfiguration", "idParameter": null,
                   "rowParameters": {"name": "name"}, "roles": ["Admin"], "notification": "Reset {name}"}]}}
    """#

    static func setting(_ name: String, _ value: String, _ type: String, default d: String) -> Row {
        Row(id: name, fields: JSONObject([("name", .string(name)), ("value", .string(value)), ("type", .string(type)), ("defaultvalue", .string(d))]))
    }

    /// A signed-in admin in the settings view narrowed to zone z-1 (as a zone's Settings opens it), rows loaded.
    static func settingsState(role: String = "Admin") throws -> AppState {
        let manifest = try PluginManifest.parse(settingsJSON, file: "settings.json")
        var def = ListViewDefinition(try #require(manifest.view))
        def.narrowing = ["zoneid": "z-1"]
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api(), width: 100, height: 30)
        s.user?.roleType = role
        s.lists["settings"] = ListModel(definition: def)
        s.section = "settings"
        s.focus = .main
        _ = Update.reload("settings", &s)
        let rows = [setting("ha.enabled", "true", "Boolean", default: "false"), setting("vm.max", "5", "Integer", default: "5"),
                    setting("cpu.overprovisioning.factor", "1.0", "Float", default: "1.0")]
        let generation = s.lists["settings"]?.generation ?? 0
        _ = Update.apply(.pageLoaded(view: "settings", generation: generation, page: 1, DataPage(rows: rows, total: rows.count)), to: &s)
        return s
    }

    @Test("a Boolean setting is edited as a true/false choice; the confirmation shows old and new value and the zone it applies to")
    func booleanSettingConfirmsOldAndNew() throws {
        var s = try Self.settingsState()
        _ = ConsoleFixtures.key(.char("E"), &s)
        guard case .form(let form)? = s.overlay else { Issue.record("Edit opens a form"); return }
        #expect(form.specs.first?.kind == .select)
        #expect(form.specs.first?.options.map(\.value) == ["true", "false"])
        _ = ConsoleFixtures.key(.right, &s)
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .confirm(let dialog, _)? = s.overlay else { Issue.record("a change is confirmed; overlay: \(String(describing: s.overlay))"); return }
        #expect(dialog.message == "Change ha.enabled from true to false?\n\nSends updateConfiguration\n  name = ha.enabled\n  value = false\n  zoneid = z-1")
    }

    @Test("an Integer setting refuses 3.5 and a number past Java's int range in the form, keeping what was typed")
    func integerSettingIsChecked() throws {
        var s = try Self.settingsState()
        _ = ConsoleFixtures.key(.down, &s)
        _ = ConsoleFixtures.key(.char("E"), &s)
        for _ in 0..<3 { _ = ConsoleFixtures.key(.backspace, &s) }
        for c in "3.5" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .form(let form)? = s.overlay else { Issue.record("the form stays open"); return }
        #expect(form.values["value"] == "3.5")
        #expect(form.errors["value"] != nil)
        for _ in 0..<3 { _ = ConsoleFixtures.key(.backspace, &s) }
        for c in "3000000000" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .form(let again)? = s.overlay else { Issue.record("still open"); return }
        #expect(again.errors["value"] != nil)
        for _ in 0..<10 { _ = ConsoleFixtures.key(.backspace, &s) }
        for c in "7" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .confirm(let dialog, _)? = s.overlay else { Issue.record("a valid value is confirmed"); return }
        #expect(dialog.message.contains("from 5 to 7"))
    }

    @Test("the changed column marks only settings that differ from their default")
    func changedColumn() throws {
        let s = try Self.settingsState()
        let text = Renderer.render(s).renderedText
        let lines = text.split(separator: "\n")
        #expect(lines.first { $0.contains("ha.enabled") }?.contains("changed") == true)
        #expect(lines.first { $0.contains("vm.max") }?.contains("changed") == false)
    }

    @Test("an action for admins only is not offered to a user-role account, and its key does nothing")
    func rolesGateActions() throws {
        var admin = try Self.settingsState()
        _ = ConsoleFixtures.key(.char("X"), &admin)
        if case .confirm? = admin.overlay {} else { Issue.record("an admin is offered Reset") }
        var user = try Self.settingsState(role: "User")
        _ = ConsoleFixtures.key(.char("X"), &user)
        #expect(user.overlay == nil)
        #expect(user.flash?.text.contains("not available") == true)
    }

    @Test("f narrows the list on the server: the filter is sent with every page, shown in the title, and cleared by emptying it")
    func serverFilter() throws {
        var s = try Self.settingsState()
        _ = ConsoleFixtures.key(.char("f"), &s)
        guard case .form? = s.overlay else { Issue.record("f opens the filter form"); return }
        for c in "Network" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.tab, &s)
        _ = ConsoleFixtures.key(.right, &s)
        let effects = ConsoleFixtures.key(.enter, &s)
        #expect(s.overlay == nil)
        let narrowing = s.lists["settings"]?.definition.narrowing ?? [:]
        #expect(narrowing == ["zoneid": "z-1", "category": "Network", "level": "ERROR"], "the drill-down's zone stays")
        guard case .loadPage(let def, _, let page, _)? = effects.first else { Issue.record("the list reloads: \(effects)"); return }
        #expect(page == 1)
        #expect(def.narrowing["category"] == "Network")
        #expect(Renderer.render(s).text(at: 1).contains("[category=Network level=ERROR]"))
        _ = ConsoleFixtures.key(.char("f"), &s)
        guard case .form(let form)? = s.overlay else { Issue.record("f opens it again"); return }
        #expect(form.values["category"] == "Network", "the form starts from the filter in force")
        for _ in 0..<7 { _ = ConsoleFixtures.key(.backspace, &s) }
        _ = ConsoleFixtures.key(.tab, &s)
        _ = ConsoleFixtures.key(.left, &s)
        _ = ConsoleFixtures.key(.enter, &s)
        #expect(s.lists["settings"]?.definition.narrowing == ["zoneid": "z-1"])
    }

    @Test("domains read as a tree: ordered by path, names indented by level")
    func domainTree() throws {
        let json = #"{"title": "Domains", "desc": "d", "listView": {"id": "domains", "command": "listDomains", "orderBy": "path", "fields": [{"key": "name", "label": "Name", "format": "tree"}, {"key": "path", "label": "Path"}]}}"#
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        s.lists["domains"] = ListModel(definition: ListViewDefinition(try #require(try PluginManifest.parse(json, file: "d.json").view)))
        s.section = "domains"
        _ = Update.reload("domains", &s)
        func d(_ name: String, _ path: String, _ level: Int) -> Row {
            Row(id: path, fields: JSONObject([("name", .string(name)), ("path", .string(path)), ("level", .int(Int64(level)))]))
        }
        let rows = [d("acme", "ROOT/customers/acme", 2), d("ROOT", "ROOT", 0), d("internal", "ROOT/internal", 1), d("customers", "ROOT/customers", 1)]
        _ = Update.apply(.pageLoaded(view: "domains", generation: s.lists["domains"]?.generation ?? 0, page: 1, DataPage(rows: rows, total: 4)), to: &s)
        let list = try #require(s.lists["domains"])
        #expect((0..<4).map { list.cell(row: $0, column: 0) } == ["ROOT", "└ customers", "  └ acme", "└ internal"])
    }

    @Test("generated keys are shown once in a dialog; the tray and the status line do not hold them")
    func revealShownOnce() throws {
        var s = try Self.settingsState()
        let track = s.jobs.start(title: "Generate keys for ops", listView: "settings", rowID: "u1", now: s.now)
        let content = JSONObject([("userkeys", .object(JSONObject([("apikey", .string("AK-123")), ("secretkey", .string("SK-SECRET-456"))])))])
        _ = Update.apply(.actionRevealed(track: track, Reveal.values(["apikey", "secretkey"], in: content)), to: &s)
        let shown = Renderer.render(s).renderedText
        #expect(shown.contains("secretkey: SK-SECRET-456"))
        #expect(shown.contains("Shown once"))
        _ = ConsoleFixtures.key(.enter, &s)
        #expect(s.overlay == nil)
        _ = ConsoleFixtures.key(.char("n"), &s)
        let tray = Renderer.render(s).renderedText
        #expect(tray.contains("Generate keys for ops"))
        #expect(!tray.contains("SK-SECRET-456"))
        let flash = s.flash?.text ?? ""
        #expect(!flash.contains("SK-SECRET"))
    }

    @Test("a date filter takes 2026-11-30 or 2026-11-30 14:05:00 and names the form of anything else")
    func dateFormat() {
        var f = FieldSpec(key: "startdate", label: "From", kind: .text)
        f.format = .date
        #expect(f.problem("2026-11-30") == nil)
        #expect(f.problem("2026-11-30 14:05:00") == nil)
        for bad in ["30/11/2026", "2026-13-01", "2026-11-30T14:05", "2026-11-30 25:00:00", "yesterday"] {
            #expect(f.problem(bad) == "a date: 2026-11-30 or 2026-11-30 14:05:00", "\(bad)")
        }
    }
}
