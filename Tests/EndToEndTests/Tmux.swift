import Foundation

/// A tmux server of its own (its own socket) running a shell, driven like a user at a terminal.
final class Tmux {
    let socket = "cstui-test-\(UUID().uuidString.prefix(8))"
    let session = "t"

    init(width: Int = 80, height: Int = 24) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-tmux-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // The first command starts the tmux server, which keeps the descriptors it inherits: give it none of ours.
        try run(detached: true, ["-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)",
                 "env", "-i", "HOME=\(home)", "TERM=xterm-256color", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "PS1=$ ", "bash", "--norc", "--noprofile"])
        try run(["set-option", "-g", "window-size", "manual"])
    }

    deinit {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    func run(detached: Bool = false, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/tmux")
        p.arguments = ["-L", socket] + args
        p.standardInput = FileHandle.nullDevice
        if detached {
            // The tmux server keeps what it inherits. Foundation watches a child through a descriptor the child
            // inherits (a daemon keeping it would make us wait for the server), so everything above 2 is closed before
            // exec. And a test thread blocks most signals: a server inheriting that mask never sees the SIGHUP that
            // kill-server's shutdown relies on, and it and its shell outlive the test. So it starts with an empty mask
            // and default dispositions, through posix_spawn.
            let command = (["/usr/bin/tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let script = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; exec \(command) >/dev/null 2>&1 </dev/null"
            let status = try Self.spawnWithCleanSignals("/bin/bash", ["bash", "-c", script])
            if status != 0 { throw TmuxError(text: "tmux \(args.joined(separator: " ")) failed (\(status))") }
            return ""
        }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        if p.terminationStatus != 0 { throw TmuxError(text: "tmux \(args.joined(separator: " ")): \(text)") }
        return text
    }

    /// Types text literally, then presses each of `keys` (tmux key names such as Enter, Escape, C-c).
    func type(_ text: String, then keys: String...) throws {
        if !text.isEmpty { try run(["send-keys", "-t", session, "-l", text]) }
        for k in keys { try run(["send-keys", "-t", session, k]) }
    }

    func press(_ keys: String...) throws {
        for k in keys { try run(["send-keys", "-t", session, k]) }
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// The screen with its colours and attributes as SGR escape sequences (`capture-pane -e`).
    func screenWithEscapes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", session])
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text`; the screen at the time is in the error otherwise.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 20) throws -> String {
        try waitFor(all: [text], timeout: timeout)
    }

    /// Waits until one capture of the screen contains every one of `texts`.
    @discardableResult
    func waitFor(all texts: [String], timeout: Double = 20) throws -> String {
        try waitUntil("“\(texts.joined(separator: "”, “"))”", timeout: timeout) { screen in texts.allSatisfy(screen.contains) }
    }

    /// Waits until a capture of the screen satisfies `condition`.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw TmuxError(text: "waited \(Int(timeout)) s for \(what); the screen was:\n\(last)")
    }
}

extension Tmux {
    /// Runs `path` with `argv` to its end, with no signal blocked and every signal at its default action.
    static func spawnWithCleanSignals(_ path: String, _ argv: [String]) throws -> Int32 {
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &empty)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for a in cArgs { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, nil, &attr, &cArgs, environ)
        guard rc == 0 else { throw TmuxError(text: "cannot start \(path): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
