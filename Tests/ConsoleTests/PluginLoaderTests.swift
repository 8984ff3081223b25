import CloudStack
import Foundation
import PluginKit
import Testing
@testable import Console

/// plugins.json and config.json as the loader reads them: good plugins load, each broken one fails with a reason.
@Suite("Plugin loader")
struct PluginLoaderTests {
    static func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-pl-\(UUID().uuidString)").path
        for (path, text) in files {
            let full = dir + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let good = #"{"title": "Stopped", "desc": "d", "listView": {"id": "stopped", "command": "listVirtualMachines", "fields": [{"key": "name", "label": "Name"}], "actions": [{"id": "start", "label": "Start", "key": "S", "command": "startVirtualMachine", "notification": "Started", "states": ["Stopped"]}]}}"#

    @Test("each kind of problem marks only its plugin failed, naming file, key and problem")
    func failures() throws {
        let dir = try Self.folder([
            "plugins.json": #"["good", "badjson", "nokey", "missingFolder", "good", "swiftOnly", "badFormat"]"#,
            "good/config.json": Self.good,
            "badjson/config.json": #"{"title": "x", "desc": }"#,
            "nokey/config.json": #"{"desc": "no title"}"#,
            "swiftOnly/config.json": #"{"title": "S", "desc": "metadata only"}"#,
            "badFormat/config.json": #"{"title": "B", "desc": "d", "listView": {"id": "b", "command": "listHosts", "fields": [{"key": "name", "label": "N", "format": "size"}]}}"#,
        ])
        let (plugins, error) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        #expect(error == nil)
        let status = Dictionary(plugins.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
        #expect(status["good"] == .loaded)
        func failure(_ id: String) -> String { if case .failed(let why)? = status[id] { return why } else { return "" } }
        #expect(failure("badjson").contains("badjson/config.json: not valid JSON"))
        #expect(failure("nokey").contains("key 'title': required"))
        #expect(failure("missingFolder").contains("no folder"))
        #expect(failure("swiftOnly").contains("no Swift plugin 'swiftOnly' is compiled in"))
        #expect(failure("badFormat").contains("key 'listView.fields[0].format': 'size' is not one of"))
        #expect(plugins.filter { $0.id == "good" }.count == 2)
        if case .failed(let why) = plugins.filter({ $0.id == "good" })[1].status { #expect(why.contains("listed twice")) } else { Issue.record("duplicate must fail") }
        let problems = PluginLoader.validate(directory: dir, swiftPlugins: [:])
        #expect(problems.count == 6)
    }

    @Test("a declarative plugin becomes a list view whose action sends the selected row's id, offered by state")
    func declarative() throws {
        let dir = try Self.folder(["plugins.json": #"["stopped"]"#, "stopped/config.json": Self.good])
        let (plugins, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        let plugin = try #require(plugins.first?.plugin)
        guard case .listView(let def) = plugin.content else { Issue.record("expected a list view"); return }
        #expect(def.id == "stopped")
        #expect(def.fields.map(\.label) == ["Name"])
        let action = try #require(def.actions.first)
        #expect(action.key == "S")
        #expect(action.requiredAPIs == ["startVirtualMachine"])
        #expect(action.isMutating)
        #expect(action.notification(try Self.context()) == "Started")
        let stopped = Row(id: "v1", fields: JSONObject([("id", "v1"), ("state", "Stopped")]))
        let running = Row(id: "v2", fields: JSONObject([("id", "v2"), ("state", "Running")]))
        #expect(action.isOffered(for: stopped, in: try Self.context()))
        #expect(!action.isOffered(for: running, in: try Self.context()))
        #expect(!action.isOffered(for: stopped, in: try Self.context(readOnly: true)))
    }

    @Test("plugins.json that is not a list of ids: one clear error, nothing loaded")
    func badList() throws {
        let dir = try Self.folder(["plugins.json": #"{"plugins": ["a"]}"#])
        let (plugins, error) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        #expect(plugins.isEmpty)
        #expect(error?.contains("plugins.json: must be a list of plugin ids") == true)
    }

    @Test("the repository's shipped plugins all validate")
    func shipped() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let problems = PluginLoader.validate(directory: repo.appendingPathComponent("plugins").path, swiftPlugins: ["csMyFirstPlugin": Stub()])
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a declarative action naming an API listApis does not offer: that plugin fails, the others stay")
    func listApisCheck() throws {
        let bad = Self.good.replacingOccurrences(of: "startVirtualMachine", with: "frobnicateVirtualMachine").replacingOccurrences(of: "\"stopped\"", with: "\"frob\"")
        let dir = try Self.folder(["plugins.json": #"["stopped", "frob"]"#, "stopped/config.json": Self.good, "frob/config.json": bad])
        let api = try ConsoleUpdateTests.api()
        var s = AppState(width: 80, height: 24, profileName: "t", endpointHost: "h", readOnly: false, theme: .builtIn, api: api)
        s.user = UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin")
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        PluginIntegration.apply(loaded, listError: nil, &s)
        #expect(s.navbar.rows.contains { $0.item.id == "frob" })
        api.setAllowed(["listVirtualMachines", "startVirtualMachine", "listApis"])
        _ = Update.apply(.apisLoaded([APIInfo(name: "listVirtualMachines", isAsync: false, responseFields: [])]), to: &s)
        let frob = try #require(s.plugins.loaded.first { $0.id == "frob" })
        guard case .failed(let why) = s.plugins.status(frob) else { Issue.record("frob must fail"); return }
        #expect(why.contains("frobnicateVirtualMachine"))
        #expect(!s.navbar.rows.contains { $0.item.id == "frob" })
        #expect(s.navbar.rows.contains { $0.item.id == "stopped" })
    }

    @Test("scopedActions join built-in views, e.g. an extra action on Instances, and leave with the plugin")
    func scoped() throws {
        let config = #"{"title": "Extra", "desc": "d", "scopedActions": [{"scopes": ["instances"], "id": "forcestop", "label": "Force stop", "key": "F", "command": "stopVirtualMachine", "parameters": {"forced": "true"}, "notification": "Forced stop", "states": ["Running"]}]}"#
        let dir = try Self.folder(["plugins.json": #"["extra"]"#, "extra/config.json": config])
        var s = AppState(width: 80, height: 24, profileName: "t", endpointHost: "h", readOnly: false, theme: .builtIn, api: try ConsoleUpdateTests.api())
        s.user = UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin")
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        PluginIntegration.apply(loaded, listError: nil, &s)
        #expect(s.lists["instances"]?.definition.actions.map(\.id).last == "forcestop")
        #expect(s.lists["primary-storage"]?.definition.actions.contains { $0.id == "forcestop" } == false)
        PluginIntegration.apply([], listError: nil, &s)
        #expect(s.lists["instances"]?.definition.actions.contains { $0.id == "forcestop" } == false)
    }

    @Test("an action with inputs asks in a form first: required fields block, the typed values reach the call")
    func inputsForm() throws {
        let config = #"{"title": "Snap", "desc": "d", "scopedActions": [{"scopes": ["instances"], "id": "snap", "label": "Snapshot", "key": "N", "command": "createVMSnapshot", "idParameter": "virtualmachineid", "inputs": [{"key": "name", "label": "Name", "required": true}, {"key": "description", "label": "Description"}], "confirm": "Take it?", "notification": "Snapshot taken"}]}"#
        let dir = try Self.folder(["plugins.json": #"["snap"]"#, "snap/config.json": config])
        var s = ConsoleUpdateTests.state(api: try ConsoleUpdateTests.api())
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        PluginIntegration.apply(loaded, listError: nil, &s)
        ConsoleUpdateTests.load([ConsoleUpdateTests.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleUpdateTests.key(.char("N"), &s)
        guard case .form? = s.overlay else { Issue.record("expected the inputs form"); return }
        _ = ConsoleUpdateTests.key(.enter, &s)
        guard case .form(let blocked, _)? = s.overlay else { Issue.record("an empty required field must keep the form open"); return }
        #expect(blocked.fields.first?.error != nil)
        for c in "before-upgrade" { _ = ConsoleUpdateTests.key(.char(c), &s) }
        _ = ConsoleUpdateTests.key(.enter, &s)
        guard case .confirm(let dialog, _)? = s.overlay else { Issue.record("expected the confirmation"); return }
        #expect(dialog.message == "Take it?")
        let effects = ConsoleUpdateTests.key(.char("y"), &s)
        guard case .runAction(_, _, let ctx)? = effects.first else { Issue.record("expected the action to run"); return }
        #expect(ctx.inputs["name"] == "before-upgrade")
    }

    struct Stub: ConsolePlugin {
        let id = "csMyFirstPlugin"
        var content: PluginContent { .custom { _ in [] } }
    }

    static func context(readOnly: Bool = false) throws -> PluginContext {
        PluginContext(user: UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin"),
                      api: try ConsoleUpdateTests.api(), readOnly: readOnly)
    }
}
