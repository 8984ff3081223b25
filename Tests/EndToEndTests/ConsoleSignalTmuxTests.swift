import Foundation
import Simulator
import Testing
import TestSupport

/// Stop signals and crashes while the console owns the terminal: the session ends on the server and the shell
/// gets its terminal back.
@Suite("Console signals in tmux", .serialized)
struct ConsoleSignalTmuxTests {
    /// A simulator and a config file with a username/password profile for it (a session login, not API keys).
    struct SessionSetup {
        let server: SimulatorServer
        let dir: URL
        let config: String
        let pidFile: String

        /// Runs `body` with a fresh setup; its simulator stops when `body` ends, pass or fail.
        static func with(_ body: (SessionSetup) async throws -> Void) async throws {
            var options = SimulatorOptions()
            options.vms = 30
            try await TestSimulator.with(options) { server in try await body(SessionSetup(server: server)) }
        }

        private init(server: SimulatorServer) throws {
            self.server = server
            let admin = server.credentials.admin
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-sig-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            config = dir.appendingPathComponent("config").path
            pidFile = dir.appendingPathComponent("pid").path
            try """
            [ops]
            url = \(server.endpoint)
            username = \(admin.username)
            password = \(admin.password)
            """.write(toFile: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        }

        /// Types the command that runs the console with this config, its pid recorded (exec keeps the pid).
        /// `environment` goes before the binary, e.g. to make Swift's crash report skip its interactive prompt.
        func startConsole(in t: Tmux, environment: String = "") throws {
            try t.type("sh -c 'echo $$ > \(pidFile); exec \(environment) \(BinaryRunner.binary) -c \(config)'; echo EXIT=$?", then: "Enter")
            try t.waitFor("admin (Admin)")
        }

        /// Appends `text` to the console's stderr from outside, as a library or Swift's runtime writing there would.
        func writeToConsoleStderr(_ pid: pid_t, _ text: String) throws {
            let fd = open("/proc/\(pid)/fd/2", O_WRONLY | O_APPEND)
            guard fd >= 0 else { throw TmuxError(text: "cannot open /proc/\(pid)/fd/2") }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            #expect(write(fd, bytes, bytes.count) == bytes.count)
        }

        func consolePID() throws -> pid_t {
            let text = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            return try #require(pid_t(text))
        }
    }

    /// Sends `signal` to the console once it is signed in; checks the exit, the session and the terminal.
    func stopsCleanly(on signal: Int32) async throws {
        try await SessionSetup.with { setup in
            let t = try Tmux()
            try setup.startConsole(in: t)
            #expect(setup.server.activeSessions == 1)
            let pid = try setup.consolePID()
            // Written to stderr while the console draws: shown once it has left the alternate screen, not lost on it.
            try setup.writeToConsoleStderr(pid, "stray-stderr-line\n")
            #expect(kill(pid, signal) == 0)
            // The process exits with 128+signal, as a shell reports a process that died of it.
            let after = try t.waitFor("EXIT=\(128 + signal)", timeout: 10)
            #expect(after.contains("stray-stderr-line"))
            #expect(kill(pid, 0) != 0, "the console process is gone")
            // The session was logged out, not left valid on the server.
            #expect(setup.server.activeSessions == 0)
            // The terminal is the shell's again: the console's screen is gone and a typed command echoes and runs.
            #expect(!after.contains("admin (Admin)"))
            try t.type("echo shell-$((40+2))", then: "Enter")
            try t.waitFor("shell-42")
        }
    }

    @Test("SIGTERM: the console logs out, restores the terminal and exits 143")
    func sigterm() async throws {
        try await stopsCleanly(on: SIGTERM)
    }

    @Test("SIGHUP (an SSH drop): the console logs out, restores the terminal and exits 129")
    func sighup() async throws {
        try await stopsCleanly(on: SIGHUP)
    }

    @Test("the terminal itself goes away (tmux kills the pane, as sshd does on a drop): the console logs out and exits")
    func terminalClosed() async throws {
        try await SessionSetup.with { setup in
            let t = try Tmux()
            try setup.startConsole(in: t)
            #expect(setup.server.activeSessions == 1)
            let pid = try setup.consolePID()
            try t.run(["kill-pane", "-t", t.session])
            let deadline = Date().addingTimeInterval(10)
            while Self.isAlive(pid) && Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
            #expect(!Self.isAlive(pid), "the console exited")
            #expect(setup.server.activeSessions == 0, "and logged out on its way")
        }
    }

    /// Running or stopped, not gone and not a zombie waiting for a parent (the shell that started it is gone too).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state != "Z" && state != "X"
    }

    @Test("SIGTERM while the server is not answering: the console still exits promptly (the logout is given 2 s)")
    func sigtermWithDeadServer() async throws {
        try await SessionSetup.with { setup in
            let t = try Tmux()
            try setup.startConsole(in: t)
            let pid = try setup.consolePID()
            // From now on every answer, the logout's included, comes after 60 s.
            setup.server.setFaults(FaultOptions(latency: 60))
            let sent = Date()
            #expect(kill(pid, SIGTERM) == 0)
            try t.waitFor("EXIT=143", timeout: 20)
            #expect(Date().timeIntervalSince(sent) < 15, "bounded by the logout deadline, not by the server's 60 s")
            try t.type("echo shell-$((40+2))", then: "Enter")
            try t.waitFor("shell-42")
            setup.server.setFaults(FaultOptions())
        }
    }

    @Test("a crash signal: the terminal is restored first, then Swift's crash report is printed on the shell's screen")
    func crash() async throws {
        try await SessionSetup.with { setup in
            let t = try Tmux(width: 120, height: 40)
            // Swift's backtracer asks for a key when stdin is a tty; the test only reads the report.
            try setup.startConsole(in: t, environment: "env SWIFT_BACKTRACE=interactive=no,color=no")
            let pid = try setup.consolePID()
            // Stands for Swift's "Fatal error: ..." line, which the runtime writes to stderr before it traps.
            try setup.writeToConsoleStderr(pid, "Fatal error: stand-in message\n")
            #expect(kill(pid, SIGSEGV) == 0)
            // bash reports a process killed by SIGSEGV as 139: the signal still ends the process as before.
            try t.waitFor("EXIT=139", timeout: 60)
            // The report is longer than the window: read the pane's history too. The console's screen is not in it
            // (the alternate screen was left), the report is (after the restore, on the shell's screen).
            let history = try t.run(["capture-pane", "-p", "-S", "-", "-t", t.session])
            #expect(!history.contains("admin (Admin)"))
            #expect(history.contains("Program crashed"), "Swift's crash report is on the shell's screen")
            // The report ran to its end: the process was not killed half-way through it.
            #expect(history.contains("Backtrace took"))
            let message = try #require(history.range(of: "Fatal error: stand-in message"), "stderr written during the console is shown")
            let report = try #require(history.range(of: "Program crashed"))
            #expect(message.lowerBound < report.lowerBound, "the message first, then the report")
            try t.type("echo shell-$((40+2))", then: "Enter")
            try t.waitFor("shell-42")
        }
    }
}
