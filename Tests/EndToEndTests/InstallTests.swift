import Foundation
import Testing

/// `make install` and where the installed binary finds its plugins: the shipped ones under share/cstui, the user's
/// in XDG_CONFIG_HOME adding to and replacing them, never a plugins folder in the working directory.
@Suite("make install and the plugin lookup order", .serialized)
struct InstallTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Installs the already-built binary (BIN=, so no release build) under a fresh prefix; returns the prefix.
    static func install() throws -> String {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-prefix-\(UUID().uuidString)").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["make", "-s", "-C", repo, "install", "PREFIX=\(prefix)", "BIN=\(BinaryRunner.binary)"]
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "make install failed")
        return prefix
    }

    /// `cstui plugins list` of the installed binary, run from `cwd` with HOME and XDG_CONFIG_HOME in a temp dir.
    static func list(_ prefix: String, home: String, cwd: String = "/") throws -> BinaryRunner.Result {
        let old = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(cwd)
        defer { FileManager.default.changeCurrentDirectoryPath(old) }
        return try BinaryRunner.run(["plugins", "list"], environment: ["HOME": home, "XDG_CONFIG_HOME": home + "/config"],
                                    executable: prefix + "/bin/cstui")
    }

    static func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("installed and run from /, the shipped plugins load from <prefix>/share/cstui/plugins")
    func shipped() throws {
        let prefix = try Self.install()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-h-\(UUID().uuidString)").path
        let r = try Self.list(prefix, home: home)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("csMyFirstPlugin\tMy first plugin\tTutorial plugin\tloaded\t\(prefix)/share/cstui/plugins/csMyFirstPlugin (shipped)"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/cstui/plugins/csMyFirstPlugin/csMyFirstPlugin.swift"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/cstui/themes/dark.json"))
    }

    @Test("the user's plugins.json adds a plugin, a user folder with a shipped id replaces it, ./plugins is not read")
    func userAndWorkingDirectory() throws {
        let prefix = try Self.install()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-h-\(UUID().uuidString)").path
        let user = home + "/config/cstui/plugins"
        try Self.write(#"["mine"]"#, user + "/plugins.json")
        try Self.write(#"{"title": "Mine", "desc": "a user plugin", "listView": {"id": "mine", "command": "listVolumes", "fields": [{"key": "name", "label": "Name"}]}}"#,
                       user + "/mine/config.json")
        try Self.write(#"{"title": "My stopped VMs", "desc": "replaced", "listView": {"id": "stoppedvms", "command": "listVirtualMachines", "fields": [{"key": "name", "label": "Name"}]}}"#,
                       user + "/stoppedVMs/config.json")
        // A checkout of someone else's plugins in the working directory.
        let cwd = home + "/elsewhere"
        try Self.write(#"["evil"]"#, cwd + "/plugins/plugins.json")
        try Self.write(#"{"title": "Evil", "desc": "must not load", "listView": {"id": "evil", "command": "listVolumes", "fields": []}}"#,
                       cwd + "/plugins/evil/config.json")
        let r = try Self.list(prefix, home: home, cwd: cwd)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("csMyFirstPlugin\tMy first plugin"))
        #expect(r.stdout.contains("mine\tMine\ta user plugin\tloaded\t\(user)/mine (user)"))
        #expect(r.stdout.contains("stoppedVMs\tMy stopped VMs\treplaced\tloaded\t\(user)/stoppedVMs (user)"))
        #expect(!r.stdout.contains("evil"))
        #expect(!r.stdout.contains("Evil"))
    }
}

@Suite("Theme lookup in tmux", .serialized)
struct ThemeLookupTmuxTests {
    @Test("--theme NAME finds the user's theme in XDG_CONFIG_HOME/cstui/themes (its file's problem is named, so it was read)")
    func userThemeByName() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-xdg-\(UUID().uuidString)").path
        try InstallTests.write(#"{"name": "mytheme", "selectedRow": {"fg": "purpel"}}"#, config + "/cstui/themes/mytheme.json")
        let t = try Tmux()
        try t.type("XDG_CONFIG_HOME=\(config) \(BinaryRunner.binary) --demo --demo-vms 20 --theme mytheme; echo EXIT=$?", then: "Enter")
        let screen = try t.waitFor("purpel")
        #expect(screen.contains("mytheme.json"))
        #expect(!screen.contains("not found"))
        try t.waitFor("admin (Admin)")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }
}
