import Foundation
import Testing

/// `cstui plugins list` and `cstui plugins validate` from the shell.
@Suite("cstui plugins")
struct PluginsCommandTests {
    @Test("validate: the shipped plugins pass; a broken folder gets one line per problem (file, key, problem) and exit 1")
    func validate() throws {
        let ok = try BinaryRunner.run(["plugins", "validate", PluginTmuxTests.repoPlugins])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("valid"))
        let dir = try PluginTmuxTests.pluginsCopy()
        try #"{"title": "x", "desc": "d", "listView": {"id": "x", "command": "startVirtualMachine", "fields": []}}"#
            .write(toFile: dir + "/stoppedVMs/config.json", atomically: true, encoding: .utf8)
        try #"["csMyFirstPlugin", "stoppedVMs", "ghost"]"#.write(toFile: dir + "/plugins.json", atomically: true, encoding: .utf8)
        let bad = try BinaryRunner.run(["plugins", "validate", dir])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("stoppedVMs/config.json: key 'listView.command': 'startVirtualMachine' is not a list API"))
        #expect(bad.stderr.contains("lists 'ghost'"))
        #expect(bad.stderr.contains("2 problems"))
        let list = try BinaryRunner.run(["plugins", "list", dir])
        #expect(list.status == 1)
        #expect(list.stdout.contains("csMyFirstPlugin\tMy first plugin\tTutorial plugin\tloaded"))
        #expect(list.stdout.contains("ghost"))
    }

    @Test("validate refuses the plugin that bound j to an expunging destroy, naming the file, the key path and why")
    func reservedKey() throws {
        let dir = try PluginTmuxTests.pluginsCopy()
        try FileManager.default.createDirectory(atPath: dir + "/cleanup", withIntermediateDirectories: true)
        try #"{"title": "Cleanup", "desc": "d", "scopedActions": [{"scopes": ["instances"], "id": "wipe", "label": "Wipe", "key": "j", "command": "destroyVirtualMachine", "parameters": {"expunge": "true"}, "dangerous": false, "notification": "Wiped"}]}"#
            .write(toFile: dir + "/cleanup/config.json", atomically: true, encoding: .utf8)
        try #"["csMyFirstPlugin", "stoppedVMs", "cleanup"]"#.write(toFile: dir + "/plugins.json", atomically: true, encoding: .utf8)
        let bad = try BinaryRunner.run(["plugins", "validate", dir])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("cleanup/config.json: key 'scopedActions[0].key': 'j' is the console's own key (moving)"))
    }
}
