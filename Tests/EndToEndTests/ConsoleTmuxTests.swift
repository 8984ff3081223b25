import Foundation
import Simulator
import Testing
import TestSupport

/// The console in a real terminal: the built binary inside tmux, keys sent, the screen read back.
@Suite("Console in tmux", .serialized)
struct ConsoleTmuxTests {
    static var cstui: String { BinaryRunner.binary }

    @Test("demo: Instances, filter, restart a VM, confirm, notification reaches succeeded; quit leaves a usable shell")
    func restartFlow() throws {
        let t = try Tmux()
        try t.type("\(Self.cstui) --demo --demo-vms 800; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.waitFor("Latest events")
        try t.type(":instances", then: "Enter")
        try t.waitFor("800 rows")
        // Filter to running web VMs: the count line and every row change.
        try t.type("/web running")
        let filtered = try t.waitFor("match")
        #expect(filtered.contains("/web running"))
        // With the focus in the list, the navbar is folded away at 80 columns: rows start at the left edge.
        let rows = filtered.split(separator: "\n").filter { $0.hasPrefix("web-") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("Running") })
        try t.press("Enter")
        let name = try #require(rows.first.flatMap { $0.split(separator: " ").first }.map(String.init))
        try t.press("R")
        let dialog = try t.waitFor("[ Restart ]")
        #expect(dialog.contains("Restart VM \(name)?"))
        #expect(dialog.contains("[ Cancel ]"))
        try t.press("Enter")
        try t.press("n")
        try t.waitFor("Notifications")
        let done = try t.waitFor("✓ Restart VM \(name)", timeout: 30)
        #expect(done.contains("job "))
        try t.press("Escape")
        try t.type(":q", then: "Enter")
        try t.waitFor("EXIT=0")
        // The terminal is back in cooked mode with echo: a typed command runs and its output shows.
        try t.type("echo shell-$((40+2))", then: "Enter")
        try t.waitFor("shell-42")
    }

    @Test("a dialog survives live resizes down to 60x20 and back, drawn inside the window")
    func resizeWithDialogOpen() throws {
        let t = try Tmux(width: 100, height: 30)
        try t.type("\(Self.cstui) --demo --demo-vms 300; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":instances", then: "Enter")
        try t.waitFor("300 rows")
        try t.type("/running", then: "Enter")
        try t.waitFor("match")
        try t.press("T")
        try t.waitFor("Force stop")
        try t.press("Enter")
        try t.waitFor("Stop VM")
        try t.resize(width: 60, height: 20)
        Thread.sleep(forTimeInterval: 0.5)
        let small = try t.waitFor(all: ["[ Stop ]", "match"])
        let lines = small.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 20)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(small.contains("Stop VM"))
        try t.resize(width: 120, height: 40)
        // Redrawn at the new size: rows wider than the old window, the dialog still open.
        try t.waitUntil("a 120-column redraw with the dialog") { screen in
            screen.contains("[ Stop ]") && screen.contains("match") && screen.split(separator: "\n").contains { $0.count > 60 }
        }
        // Esc cancels: no job is started.
        try t.press("Escape")
        try t.press("n")
        try t.waitFor("No notifications")
        try t.press("Escape")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }

    @Test("--read-only hides and refuses actions")
    func readOnly() throws {
        let t = try Tmux()
        try t.type("\(Self.cstui) --demo --demo-vms 200 --read-only; echo EXIT=$?", then: "Enter")
        try t.waitFor("READ-ONLY")
        try t.type(":instances", then: "Enter")
        try t.waitFor("200 rows")
        try t.type("/running", then: "Enter")
        try t.waitFor("match")
        try t.press("R")
        try t.waitFor("Read-only mode")
        try t.press("x")
        try t.waitFor("no actions")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }

    @Test("not a terminal, or an unknown TERM: a clear message and a non-zero exit, no hang")
    func noTerminal() throws {
        let r = try BinaryRunner.run(["--demo"], timeout: 20)
        #expect(r.status == 2)
        #expect(r.stderr.contains("needs a terminal"))
        let t = try Tmux()
        try t.type("TERM=no-such-terminal \(Self.cstui) --demo --demo-vms 10; echo EXIT=$?", then: "Enter")
        let screen = try t.waitFor("EXIT=")
        #expect(screen.contains("no-such-terminal"))
        #expect(!screen.contains("EXIT=0"))
        try t.type("echo still-$((1+1))", then: "Enter")
        try t.waitFor("still-2")
    }
}

@Suite("Console profiles in tmux", .serialized)
struct ConsoleProfileTmuxTests {
    @Test(":profile NAME switches to another profile of the config file; a bad one is explained and nothing is lost")
    func switchProfile() async throws {
        var options = SimulatorOptions()
        options.vms = 50
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin, user = server.credentials.user
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-prof-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let config = dir.appendingPathComponent("config").path
            try """
            profile = ops
            [ops]
            url = \(server.endpoint)
            apikey = \(admin.apiKey)
            secretkey = \(admin.secretKey)
            [tenant]
            url = \(server.endpoint)
            username = \(user.username)
            password = \(user.password)
            [broken]
            url = \(server.endpoint)
            apikey = \(admin.apiKey)
            secretkey = wrong
            """.write(toFile: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
            let t = try Tmux()
            try t.type("\(BinaryRunner.binary) -c \(config); echo EXIT=$?", then: "Enter")
            try t.waitFor("ops │")
            try t.waitFor("admin (Admin)")
            try t.type(":profile broken", then: "Enter")
            try t.waitFor("Cannot switch to profile broken")
            #expect(try t.screen().contains("ops │"))
            try t.type(":profile tenant", then: "Enter")
            try t.waitFor("tenant │")
            try t.waitFor("\(user.username) (User)")
            try t.type(":q", then: "Enter")
            try t.waitFor("EXIT=0")
        }
    }
}

@Suite("Console themes and mouse in tmux", .serialized)
struct ConsoleThemeMouseTmuxTests {
    @Test("a broken theme file: a message naming the file and the key, then the default theme")
    func brokenTheme() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("mine.json").path
        try #"{"name": "mine", "selectedRow": {"fg": "purpel"}}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let t = try Tmux()
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 20 --theme \(path); echo EXIT=$?", then: "Enter")
        let screen = try t.waitFor("purpel")
        #expect(screen.contains("mine.json"))
        #expect(screen.contains("selectedRow.fg"))
        try t.waitFor("admin (Admin)")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
        let err = try t.screen()
        #expect(err.contains("mine.json"))
    }

    @Test("a mouse click on a navbar item opens that section")
    func mouseClick() throws {
        let t = try Tmux()
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 20; echo EXIT=$?", then: "Enter")
        try t.waitFor("Latest events")
        let screen = try t.screen()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains(" Hosts ") })
        // An xterm SGR mouse report (what tmux passes on for a click): button 0 pressed and released at column 3, row N.
        try t.run(["send-keys", "-t", t.session, "-l", "\u{1B}[<0;3;\(row + 1)M\u{1B}[<0;3;\(row + 1)m"])
        try t.waitFor("Hosts  ")
        try t.press("C-c")
        try t.waitFor("EXIT=0")
    }

    @Test("a tmux server a test starts is gone, with its shell, when the test ends")
    func tmuxServersDoNotOutliveTests() throws {
        var pids: [String] = []
        do {
            let t = try Tmux()
            pids = [try t.run(["display-message", "-p", "#{pid}"]), try t.run(["display-message", "-p", "-t", t.session, "#{pane_pid}"])]
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        #expect(pids.count == 2 && pids.allSatisfy { !$0.isEmpty })
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, pids.contains(where: { FileManager.default.fileExists(atPath: "/proc/\($0)") }) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        for pid in pids { #expect(!FileManager.default.fileExists(atPath: "/proc/\(pid)"), "process \(pid) outlived its test") }
    }
}
