import CloudStack
import Foundation
import PluginKit
import Simulator
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// Issue: a plugin could destroy VMs on a keypress, even under --read-only. What changes the cloud is decided by the
/// command, refused in one place under --read-only, confirmed with the command and its parameters in view.
@Suite("Action safety: read-only gate, confirmation of every call, plugin keys")
struct ActionSafetyTests {
    /// The plugin from the report: binds a key in Instances to an expunging destroy, calls itself harmless, asks nothing.
    static func expungePlugin(key: String) -> String {
        #"{"title": "Cleanup", "desc": "d", "scopedActions": [{"scopes": ["instances"], "id": "wipe", "label": "Wipe", "key": "\#(key)", "command": "destroyVirtualMachine", "parameters": {"expunge": "true"}, "dangerous": false, "notification": "Wiped"}]}"#
    }

    static func folder(_ files: [String: String]) throws -> String {
        try PluginLoaderTests.folder(files)
    }

    @Test("a plugin key that is the console's own (j, x, Tab) is refused by the loader and by validate, naming the file and key path")
    func reservedKeys() throws {
        let dir = try Self.folder(["plugins.json": #"["wipe", "tab", "taken"]"#, "wipe/config.json": Self.expungePlugin(key: "j"),
                                   "tab/config.json": Self.expungePlugin(key: "\\t"), "taken/config.json": Self.expungePlugin(key: "D")])
        let (plugins, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        func why(_ i: Int) -> String { if case .failed(let w) = plugins[i].status { return w } else { return "loaded" } }
        #expect(why(0) == "\(dir)/wipe/config.json: key 'scopedActions[0].key': 'j' is the console's own key (moving); choose another, e.g. an upper-case letter")
        #expect(why(1).contains("tab/config.json: key 'scopedActions[0].key': is a control character"))
        #expect(why(2).contains("taken/config.json: key 'scopedActions[0].key': 'D' runs Destroy in Instances"))
        #expect(PluginLoader.validate(directory: dir, swiftPlugins: [:]) == [why(0), why(1), why(2)])
    }

    @Test("a Swift plugin binding a console key fails to load with the reason")
    func reservedKeysInSwift() throws {
        let dir = try Self.folder(["plugins.json": #"["swifty"]"#, "swifty/config.json": #"{"title": "S", "desc": "d"}"#])
        let (plugins, _) = PluginLoader.load(directory: dir, swiftPlugins: ["swifty": SwiftPlugin(key: "x", call: "stopVirtualMachine")])
        guard case .failed(let why) = plugins.first?.status else { Issue.record("must fail"); return }
        #expect(why == "\(dir)/swifty/swifty.swift: key 'listView.actions[0].key': action 'poke': 'x' is the console's own key (action menu); choose another, e.g. an upper-case letter")
    }

    @Test("\"dangerous\": false cannot make destroyVirtualMachine harmless; the confirmation names every parameter, Cancel focused")
    func confirmationNamesTheCall() async throws {
        try await SimConsole.with { c in
            let dir = try Self.folder(["plugins.json": #"["wipe"]"#, "wipe/config.json": Self.expungePlugin(key: "W")])
            let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
            PluginIntegration.apply(loaded, listError: nil, &c.s)
            try await c.open(InstancesSection.id)
            let vm = try c.select(in: InstancesSection.id) { $0["state"] == "Running" }
            let action = try #require(c.s.lists[InstancesSection.id]?.definition.actions.first { $0.id == "wipe" })
            #expect(action.isMutating && action.isDestructive)
            c.key(.char("W"))
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("a mutating action must ask first"); return }
            #expect(dialog.message == "Wipe \(vm["name"] ?? "")?\n\nSends destroyVirtualMachine\n  id = \(vm.id)\n  expunge = true")
            #expect(dialog.isDangerous)
            #expect(dialog.buttons[dialog.focusedButton] == "Cancel")
            let text = c.screen.renderedText
            #expect(text.contains("Sends destroyVirtualMachine"))
            #expect(text.contains("expunge = true"))
            c.key(.enter)
            #expect(c.s.overlay == nil)
            #expect(c.s.jobs.jobs.isEmpty)
            #expect(c.api.last("destroyVirtualMachine") == nil)
            let still = try await c.client.call("listVirtualMachines", [("id", vm.id)]).list.items
            #expect(still.first?["state"]?.text == "Running")
        }
    }

    @Test("--read-only: the plugin's action is refused, and the client itself refuses the command whoever asks")
    func readOnlyGate() async throws {
        try await SimConsole.with { c in
            c.s.readOnly = true
            await c.client.enforceReadOnly()
            let dir = try Self.folder(["plugins.json": #"["wipe"]"#, "wipe/config.json": Self.expungePlugin(key: "W")])
            let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: [:])
            PluginIntegration.apply(loaded, listError: nil, &c.s)
            try await c.open(InstancesSection.id)
            let vm = try c.select(in: InstancesSection.id) { $0["state"] == "Running" }
            c.key(.char("W"))
            #expect(c.s.overlay == nil)
            #expect(c.s.flash?.text == "Read-only mode: Wipe is not allowed")
            // Reads still pass; anything else is refused before it leaves, with a message that says so.
            #expect(try await c.client.call("listZones").list.items.isEmpty == false)
            await #expect(throws: CloudStackError.configuration("read-only mode: destroyVirtualMachine changes something, so it was not sent")) {
                _ = try await c.client.call("destroyVirtualMachine", [("id", vm.id), ("expunge", "true")])
            }
            await #expect(throws: CloudStackError.self) { _ = try await c.client.call("issueCertificate", []) }
            #expect(try await c.client.call("listVirtualMachines", [("id", vm.id)]).list.items.first?["state"]?.text == "Running")
        }
    }

    @Test("Swift code that calls a mutating command unasked: the user sees the call and can refuse; nothing is sent until yes")
    func customCodeIsConfirmedAtTheCall() async throws {
        try await SimConsole.with { c in
            let dir = try Self.folder(["plugins.json": #"["swifty"]"#, "swifty/config.json": #"{"title": "Sneaky", "desc": "d"}"#])
            let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: ["swifty": SwiftPlugin(key: "P", call: "stopVirtualMachine")])
            PluginIntegration.apply(loaded, listError: nil, &c.s)
            try await c.open("swiftyList")
            let vm = try c.select(in: "swiftyList") { $0["state"] == "Running" }
            c.key(.char("P"))
            try await c.settle { !$0.approvals.isEmpty }
            let dialog = try #require(c.s.approvals.first?.dialog)
            #expect(dialog.message == "Poke \(vm["name"] ?? "")?\n\nSends stopVirtualMachine\n  id = \(vm.id)")
            #expect(c.screen.renderedText.contains("Sends stopVirtualMachine"))
            c.key(.char("n"))
            try await c.settle { $0.jobs.pendingCount == 0 }
            #expect(c.s.jobs.jobs.first?.status == .failed("cancelled: stopVirtualMachine was not sent"))
            #expect(c.api.last("stopVirtualMachine") == nil)
            #expect(try await c.client.call("listVirtualMachines", [("id", vm.id)]).list.items.first?["state"]?.text == "Running")
            // Asked again and confirmed: sent.
            c.key(.char("P"))
            try await c.settle { !$0.approvals.isEmpty }
            c.key(.char("y"))
            try await c.settle { $0.jobs.pendingCount == 0 }
            #expect(c.api.last("stopVirtualMachine") == ["id=\(vm.id)"])
        }
    }

    @Test("a data provider that calls a mutating command is refused: the list fails with the reason, nothing is sent")
    func dataProvidersOnlyRead() async throws {
        try await SimConsole.with { c in
            let dir = try Self.folder(["plugins.json": #"["swifty"]"#, "swifty/config.json": #"{"title": "Sneaky", "desc": "d"}"#])
            let plugin = SwiftPlugin(key: "P", call: "stopVirtualMachine", providerCalls: "stopVirtualMachine")
            let (loaded, _) = PluginLoader.load(directory: dir, swiftPlugins: ["swifty": plugin])
            PluginIntegration.apply(loaded, listError: nil, &c.s)
            c.s.focus = .main
            c.perform(Update.open("swiftyList", &c.s))
            try await c.settle { if case .failed = $0.lists["swiftyList"]?.loading { return true } else { return false } }
            guard case .failed(let why)? = c.s.lists["swiftyList"]?.loading else { return }
            #expect(why == "a list view's data tried to call stopVirtualMachine, which changes something; only an action the user confirms may. It was not sent")
            #expect(c.api.last("stopVirtualMachine") == nil)
        }
    }

    @Test("what mutates is decided by the command's name: list/get/query/is and login/logout read, all else changes")
    func commandKinds() {
        for read in ["listVirtualMachines", "queryAsyncJobResult", "getVMPassword", "isAccountAllowedToCreateOfferingsWithTags", "login", "logout"] {
            #expect(CommandKind.isReadOnly(read), "\(read)")
        }
        for write in ["destroyVirtualMachine", "issueCertificate", "deployVirtualMachine", "isolate", "updateStoragePool", "is"] {
            #expect(!CommandKind.isReadOnly(write), "\(write)")
        }
        #expect(CommandKind.isDestructive("expungeVirtualMachine") && CommandKind.isDestructive("revertToVMSnapshot"))
        #expect(!CommandKind.isDestructive("startVirtualMachine"))
    }
}

/// A Swift plugin whose action's code calls `call` for the selected row, and whose data provider lists VMs (after
/// calling `providerCalls`, when given): the careless (or hostile) author of the report.
struct SwiftPlugin: ConsolePlugin {
    let id = "swifty"
    var key: Character
    var call: String
    var providerCalls: String?

    func preFilter(_ context: PluginContext) -> Bool { true }

    var content: PluginContent {
        let command = call
        let sneaky = providerCalls
        return .listView(ListViewDefinition(
            id: "swiftyList", title: "Sneaky", fields: [ListField("name", "Name"), ListField("state", "State")],
            dataProvider: DataProvider { request, ctx in
                if let sneaky { _ = try await ctx.api.call(sneaky, []) }
                let r = try await ctx.api.listPage("listVirtualMachines", [("listall", "true")], page: request.page, pageSize: request.pageSize)
                return DataPage(rows: r.items.compactMap(\.objectValue).enumerated().map { Row($1, position: $0) }, total: r.count)
            },
            actions: [RowAction(id: "poke", label: "Poke", key: key, isMutating: false, confirm: nil, notification: { _ in "Poked" }) { ctx in
                guard let row = ctx.row("swiftyList") else { return .completed(message: nil) }
                let r = try await ctx.api.call(command, [("id", row.id)])
                return r.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: nil)
            }]))
    }
}
