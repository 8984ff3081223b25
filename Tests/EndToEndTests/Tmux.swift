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
            // Foundation watches the child through a descriptor the child inherits; a daemon (the tmux server)
            // keeping it would make waitUntilExit wait for the server. Close everything above 2 before exec.
            let command = (["/usr/bin/tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            p.executableURL = URL(fileURLWithPath: "/bin/bash")
            p.arguments = ["-c", "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; exec \(command)"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            if p.terminationStatus != 0 { throw TmuxError(text: "tmux \(args.joined(separator: " ")) failed") }
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

struct TmuxError: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}
