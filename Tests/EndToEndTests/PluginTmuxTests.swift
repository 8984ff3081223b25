import Foundation
import Simulator
import Testing
import TestSupport

/// The plugin framework as a user meets it: the shipped plugins in the console, and a new one added without a rebuild.
@Suite("Plugins in the console (tmux)", .serialized)
struct PluginTmuxTests {
    static let repoPlugins = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("plugins").path

    /// A copy of the repository's plugins folder to change freely.
    static func pluginsCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-plugins-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: repoPlugins, toPath: dir)
        return dir
    }

    @Test("demo: the listing shows My first plugin; its list has the four columns; Restart VM asks and reaches Rebooted VM")
    func myFirstPlugin() throws {
        let t = try Tmux()
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 100 --plugins \(Self.repoPlugins); echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":plugins", then: "Enter")
        let listing = try t.waitFor(all: ["My first plugin", "Tutorial plugin"])
        #expect(listing.contains("loaded"))
        try t.press("Enter")
        try t.waitFor("Swift, compiled in")
        try t.press("Escape")
        try t.press("Tab")
        try t.type("G")
        try t.press("k", "Enter")
        // As the tutorial says, listVirtualMachines with no parameters: the admin's own VMs, not all 100 of the demo.
        let list = try t.waitFor(all: ["My Plugin", " rows"])
        #expect(!list.contains("100 rows"))
        for column in ["Name", "Instance name", "Display name", "Zone name"] { #expect(list.contains(column)) }
        // Restart is offered for running VMs only: step down until a row offers it.
        var asked = false
        for _ in 0..<15 where !asked {
            try t.press("R")
            Thread.sleep(forTimeInterval: 0.3)
            asked = try t.screen().contains("Are you sure you want to restart this VM?")
            if !asked { try t.press("j") }
        }
        #expect(asked)
        try t.press("Enter")
        try t.press("n")
        try t.waitFor(all: ["✓", "Rebooted VM"], timeout: 30)
        try t.press("Escape")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }

    @Test("signed in as the simulator's normal user, csMyFirstPlugin (admins only) is not shown")
    func hiddenForUsers() async throws {
        var options = SimulatorOptions()
        options.vms = 30
        try await TestSimulator.with(options) { server in
            let user = server.credentials.user
            let t = try Tmux()
            try t.type("CLOUDSTACK_ENDPOINT=\(server.endpoint) CLOUDSTACK_KEY=\(user.apiKey) CLOUDSTACK_SECRET=\(user.secretKey) \(BinaryRunner.binary) --plugins \(Self.repoPlugins); echo EXIT=$?", then: "Enter")
            try t.waitFor("(User)")
            try t.type(":plugins", then: "Enter")
            let screen = try t.waitFor("Plugins  3 enabled")
            #expect(screen.contains("hidden"))
            #expect(!screen.contains("◆ My first plugin"))
            try t.press("C-c")
            try t.waitFor("EXIT=0")
        }
    }

    @Test("a new declarative plugin folder plus its id in plugins.json, then R: it appears and works, no restart")
    func reloadDeclarative() throws {
        let dir = try Self.pluginsCopy()
        let t = try Tmux()
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 100 --plugins \(dir); echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":plugins", then: "Enter")
        try t.waitFor("Plugins  3 enabled")
        // Written while the console runs.
        try FileManager.default.createDirectory(atPath: dir + "/errorVMs", withIntermediateDirectories: true)
        try #"""
        {"title": "Broken VMs", "desc": "VMs in Error", "icon": "!",
         "listView": {"id": "errorVMs", "command": "listVirtualMachines", "parameters": {"state": "Error", "listall": "true"},
                      "fields": [{"key": "name", "label": "Name"}, {"key": "state", "label": "State", "format": "state"}],
                      "actions": [{"id": "destroy", "label": "Destroy VM", "key": "X", "command": "destroyVirtualMachine",
                                   "confirm": "Destroy this VM?", "notification": "Destroyed VM"}]}}
        """#.write(toFile: dir + "/errorVMs/config.json", atomically: true, encoding: .utf8)
        try #"["csMyFirstPlugin", "stoppedVMs", "errorVMs", "nothingHere"]"#.write(toFile: dir + "/plugins.json", atomically: true, encoding: .utf8)
        try t.press("R")
        let listing = try t.waitFor(all: ["Broken VMs", "nothingHere"])
        #expect(listing.contains("failed"))
        #expect(listing.contains("My first plugin"))
        try t.type(":errorVMs", then: "Enter")
        try t.waitFor("Unknown command")
        try t.press("Tab")
        try t.type("G")
        try t.press("Enter")
        let rows = try t.waitFor(all: ["Broken VMs  ", " rows", "Error"])
        #expect(rows.contains("Name"))
        // The action key works once the list has the focus and a selected row; on a loaded machine give it a moment.
        var asked = false
        for _ in 0..<10 where !asked {
            try t.press("X")
            asked = (try? t.waitFor("Destroy this VM?", timeout: 2)) != nil
        }
        #expect(asked, "the confirmation never appeared")
        // Destructive: Cancel has the focus, so Enter would cancel; y confirms.
        try t.press("y")
        try t.press("n")
        try t.waitFor(all: ["✓", "Destroyed VM"], timeout: 30)
        try t.press("Escape")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }
}
