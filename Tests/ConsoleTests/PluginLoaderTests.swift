import CloudStack
import Foundation
import PluginKit
import Testing
import TUI
@testable import Console
@testable import TestSupport

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
        let api = try ConsoleFixtures.api()
        var s = ConsoleFixtures.signedIn(api: api, profileName: "t")
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        PluginIntegration.apply(loaded, listError: nil, &s)
        #expect(s.navbar.rows.contains { $0.item.id == "frob" })
        // listApis, held by the state alone, offers these three.
        _ = Update.apply(.apisLoaded(["listVirtualMachines", "startVirtualMachine", "listApis"].map { APIInfo(name: $0, isAsync: false, responseFields: []) }), to: &s)
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
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api(), profileName: "t")
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
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        PluginIntegration.apply(loaded, listError: nil, &s)
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleFixtures.key(.char("N"), &s)
        guard case .form? = s.overlay else { Issue.record("expected the inputs form"); return }
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .form(let blockedForm)? = s.overlay, case let blocked = blockedForm.form else { Issue.record("an empty required field must keep the form open"); return }
        #expect(blocked.fields.first?.error != nil)
        for c in "before-upgrade" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .confirm(let dialog, _)? = s.overlay else { Issue.record("expected the confirmation"); return }
        #expect(dialog.message == "Take it?\n\nSends createVMSnapshot\n  virtualmachineid = vm-1\n  name = before-upgrade")
        let effects = ConsoleFixtures.key(.char("y"), &s)
        guard case .runAction(_, let pending)? = effects.first else { Issue.record("expected the action to run"); return }
        #expect(pending.context.inputs["name"] == "before-upgrade")
        #expect(pending.call == APICall("createVMSnapshot", [("virtualmachineid", "vm-1"), ("name", "before-upgrade")]))
    }

    @Test("<id>.theme.json styles the plugin's pane; a broken one fails that plugin naming the file and key")
    func pluginTheme() throws {
        let dir = try Self.folder([
            "plugins.json": #"["stopped", "ugly"]"#,
            "stopped/config.json": Self.good, "stopped/stopped.theme.json": #"{"selectedRow": {"fg": "black", "bg": "yellow"}}"#,
            "ugly/config.json": Self.good.replacingOccurrences(of: "\"stopped\"", with: "\"ugly\""),
            "ugly/ugly.theme.json": #"{"selectedRow": {"fg": "purpel"}}"#,
        ])
        let (plugins, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        #expect(plugins[0].status == .loaded)
        #expect(plugins[0].theme?[.selectedRow].background == Color(parsing: "yellow"))
        guard case .failed(let why) = plugins[1].status else { Issue.record("a broken theme must fail its plugin"); return }
        #expect(why.contains("ugly.theme.json"))
        #expect(why.contains("selectedRow.fg"))
    }

    /// The schemas in plugins/ and the loader must agree: every example is judged the same by both.
    @Test("plugins/config.schema.json and the loader agree on good and broken config files")
    func schemaAgreement() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let schema = repo.appendingPathComponent("plugins/config.schema.json").path
        let examples: [String] = try [
            Self.good,
            try String(contentsOfFile: repo.appendingPathComponent("plugins/stoppedVMs/config.json").path, encoding: .utf8),
            try String(contentsOfFile: repo.appendingPathComponent("plugins/csMyFirstPlugin/config.json").path, encoding: .utf8),
            #"{"desc": "no title"}"#,
            #"{"title": "t", "desc": "d", "colour": "red"}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "startVirtualMachine", "fields": [{"key": "a", "label": "A"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": []}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A", "format": "size"}]}}"#,
            #"{"title": "t", "desc": "d", "preFilter": {"roles": ["Root"]}}"#,
            #"{"title": "t", "desc": "d", "scopedActions": [{"scopes": ["nowhere"], "id": "a", "label": "A", "command": "x", "notification": "n"}]}"#,
            #"{"title": "t", "desc": "d", "scopedActions": [{"scopes": ["hosts"], "id": "a", "label": "A", "command": "x"}]}"#,
            #"{"title": "t", "desc": "d", "scopedActions": [{"scopes": ["hosts"], "id": "a", "label": "A", "command": "x", "notification": "n", "key": "AB"}]}"#,
            try String(contentsOfFile: repo.appendingPathComponent("plugins/sampleStorage/config.json").path, encoding: .utf8),
            #"{"title": "t", "desc": "d", "storageProviders": [{"kind": "primary", "name": "X", "fields": [{"key": "a", "label": "A", "kind": "strng"}]}]}"#,
            #"{"title": "t", "desc": "d", "storageProviders": [{"kind": "image", "name": "X", "colour": "red"}]}"#,
            #"{"title": "t", "desc": "d", "storageProviders": [{"kind": "tape", "name": "X"}]}"#,
            // The one model: keys, components, providers, inputs in the forms vocabulary.
            #"{"title": "t", "desc": "d", "scopedActions": [{"scopes": ["hosts"], "id": "a", "label": "A", "command": "x", "notification": "n", "key": "j"}]}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "provider": "secondaryStores", "fields": [{"key": "a", "label": "A", "minWidth": 9}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "provider": "elsewhere", "fields": [{"key": "a", "label": "A"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A"}], "headerActions": [{"id": "add", "label": "Add", "component": "addPrimaryStorage", "notification": "n"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A"}], "headerActions": [{"id": "add", "label": "Add", "key": "Y", "component": "addPrimaryStorage", "notification": "n"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A"}], "actions": [{"id": "a", "label": "A", "component": "deployWizard", "notification": "n"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "navbar": {"group": "infrastructure", "order": 34}, "fields": [{"key": "a", "label": "A"}], "actions": [{"id": "m", "label": "Maintain", "key": "M", "command": "prepareHostForMaintenance", "idParameter": null, "rowParameters": {"id": "id"}, "hiddenStates": ["Maintenance"], "show": {"type": ["Routing"]}, "inputs": [{"key": "size", "label": "Size", "kind": "bytes", "rowField": "disksize", "send": "changed"}, {"key": "offering", "label": "Offering", "kind": "select", "options": {"command": "listServiceOfferings", "value": "id", "label": "name"}}], "notification": "n"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A"}], "actions": [{"id": "m", "label": "M", "command": "x", "inputs": [{"key": "f", "label": "F", "kind": "text", "send": "sometimes"}], "notification": "n"}]}}"#,
            #"{"title": "t", "desc": "d", "listView": {"id": "x", "command": "listHosts", "fields": [{"key": "a", "label": "A"}], "actions": [{"id": "m", "label": "M", "command": "x", "inputs": [{"key": "f", "label": "F", "kind": "select", "options": {"command": "deleteHost"}}], "notification": "n"}]}}"#,
        ] + (try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("Sources/Console/Sections").path)).sorted()
            .map { try String(contentsOfFile: repo.appendingPathComponent("Sources/Console/Sections/" + $0).path, encoding: .utf8) }
        let dir = try Self.folder(Dictionary(uniqueKeysWithValues: examples.enumerated().map { ("e\($0.offset).json", $0.element) }))
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        for path in sys.argv[2:]:
            try:
                jsonschema.validate(json.load(open(path)), schema)
                print("valid")
            except jsonschema.ValidationError:
                print("invalid")
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, schema] + examples.indices.map { "\(dir)/e\($0).json" }
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let verdicts = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "python3 with jsonschema (installed by .ci/run) must run")
        for (i, text) in examples.enumerated() {
            let loader = (try? PluginManifest.parse(text, file: "e\(i).json")) != nil ? "valid" : "invalid"
            #expect(i < verdicts.count && verdicts[i] == loader, "example \(i): schema says \(i < verdicts.count ? verdicts[i] : "?"), loader says \(loader)")
        }
    }

    @Test("every built-in section file reads, and together they make the navbar as users know it")
    func builtInSections() {
        #expect(BuiltInSections.problems == [])
        #expect(BuiltInSections.views.prefix(22).map(\.id) == ["instances", "ssh-keypairs", "affinity-groups", "instance-groups", "templates",
                                                               "isos", "primary-storage", "secondary-storage", "vm-snapshots", "volumes",
                                                               "volume-snapshots", "zones", "pods", "clusters", "hosts", "system-vms", "routers",
                                                               "management-servers", "alerts", "events", "networks", "vpcs"])
        let nav = Sections.navItems()
        #expect(nav.map(\.title) == ["Dashboard", "Instances", "Compute", "Images", "Storage", "Infrastructure", "Events", "Network", "Accounts",
                                     "Offerings", "Global Settings", "Plugins"])
        #expect(nav[2].children.map(\.title) == ["SSH Key Pairs", "Affinity Groups", "Instance Groups"])
        #expect(nav[3].children.map(\.title) == ["Templates", "ISOs"])
        #expect(nav[4].children.map(\.title) == ["Primary Storage", "Secondary Storage", "VM Snapshots", "Volumes", "Volume Snapshots"])
        #expect(nav[5].children.map(\.title).prefix(4) == ["Zones", "Pods", "Clusters", "Hosts"])
        #expect(Sections.aliases["pools"] == "primary-storage" && Sections.aliases["infra"] == "zones" && Sections.aliases["vms"] == "instances")
    }

    struct Custom: ConsolePlugin {
        let id: String
        let fails: Bool
        var content: PluginContent {
            let fails = self.fails
            return .custom { ctx in
                if fails { throw PluginFileError(file: "remote", key: nil, problem: "backend down") }
                return ["Hello \(ctx.user.username)"]
            }
        }
    }

    @Test("custom content (show) is a section of its own; one that throws is marked failed with the reason, the rest go on")
    func customContent() throws {
        let dir = try Self.folder(["plugins.json": #"["hello", "broken", "stopped"]"#, "stopped/config.json": Self.good,
                                   "hello/config.json": #"{"title": "Hello", "desc": "d"}"#, "broken/config.json": #"{"title": "Broken", "desc": "d"}"#])
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: ["hello": Custom(id: "hello", fails: false), "broken": Custom(id: "broken", fails: true)])
        PluginIntegration.apply(loaded, listError: nil, &s)
        #expect(s.navbar.rows.contains { $0.item.id == "plugin:hello" })
        let effects = Update.open("plugin:hello", &s)
        guard case .plugins(.loadCustom(let id, _))? = effects.first else { Issue.record("expected the content to load"); return }
        #expect(id == "hello")
        _ = Update.apply(.plugins(.customLoaded(pluginID: "hello", ["Hello admin"])), to: &s)
        #expect(Renderer.render(s).renderedText.contains("Hello admin"))
        _ = Update.open("plugin:broken", &s)
        _ = Update.apply(.plugins(.failed(pluginID: "broken", "its content failed: backend down")), to: &s)
        #expect(Renderer.render(s).renderedText.contains("backend down"))
        let broken = try #require(s.plugins.loaded.first { $0.id == "broken" })
        #expect(s.plugins.status(broken) == .failed("its content failed: backend down"))
        #expect(s.navbar.rows.contains { $0.item.id == "stopped" })
    }

    struct Stub: ConsolePlugin {
        let id = "csMyFirstPlugin"
        var content: PluginContent { .custom { _ in [] } }
    }

    static func context(readOnly: Bool = false) throws -> PluginContext {
        PluginContext(user: UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin"),
                      api: try ConsoleFixtures.api(), readOnly: readOnly)
    }

    @Test("a config.json input of kind bytes sends the byte count, as the guide promises (500G → 536870912000)")
    func bytesInputSendsBytes() throws {
        let config = #"{"title": "Resize", "desc": "d", "scopedActions": [{"scopes": ["primary-storage"], "id": "resize", "label": "Resize", "key": "Z", "command": "updateStoragePool", "inputs": [{"key": "capacitybytes", "label": "Capacity", "kind": "bytes", "required": true}, {"key": "capacityiops", "label": "IOPS", "kind": "number", "transform": "commas"}, {"key": "enabled", "label": "Enabled", "kind": "bool"}], "notification": "Resized"}]}"#
        let dir = try Self.folder(["plugins.json": #"["resize"]"#, "resize/config.json": config])
        let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        let action = try #require(loaded.first?.plugin?.scopedActions.first?.action)
        let row = Row(id: "p1", fields: JSONObject([("id", "p1"), ("name", "pool")]))
        let call = try action.plannedCall(row: row, inputs: ["capacitybytes": "500G", "capacityiops": "1,000", "enabled": "true"])
        #expect(call == APICall("updateStoragePool", [("id", "p1"), ("capacitybytes", "536870912000"), ("capacityiops", "1000"), ("enabled", "true")]))
    }
}
