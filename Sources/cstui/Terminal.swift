import CloudStack
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing to the user's terminal streams: the one place cstui's text leaves for stdout and stderr, so the one
/// place it is made terminal-safe. Server text (names, errortext, job ids) arrives here inside messages and
/// rendered output; whatever control characters it carries are shown as visible escapes, never sent raw.
enum Terminal {
    /// A message on stderr, one or more lines.
    static func warn(_ text: String) {
        write(TerminalSafe.visible(text, keep: [.newline, .tab]) + "\n", to: STDERR_FILENO)
    }

    /// Rewrites the current stderr line (job progress on a terminal); `done` ends the line.
    static func progress(_ text: String, done: Bool = false) {
        // The erase sequence is cstui's own; the text after it is not allowed a single control, not even a newline.
        write("\r\u{1B}[2K" + TerminalSafe.visible(text) + (done ? "\n" : ""), to: STDERR_FILENO)
    }

    /// Output on stdout. Renderers escape per format already; this pass keeps any path that forgot from reaching
    /// the terminal raw, and costs one scan of clean text.
    static func out(_ text: String) {
        write(TerminalSafe.visible(text, keep: [.newline, .tab]), to: STDOUT_FILENO)
    }

    /// Output on stdout as bytes (streamed list pages), with the same safety pass as `out(_:)`.
    static func out(bytes: [UInt8]) {
        if TerminalSafe.isClean(bytes: bytes, keep: [.newline, .tab]) { write(bytes, to: STDOUT_FILENO) } else { out(String(decoding: bytes, as: UTF8.self)) }
    }

    /// write(2) until done; errors are dropped. FileHandle.write traps on EIO, which is exactly what a closed SSH
    /// terminal returns, and a simulator stopping on SIGHUP must still get to save its state.
    private static func write(_ text: String, to fd: Int32) {
        write(Array(text.utf8), to: fd)
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        var bytes = bytes
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { raw in
                systemWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }
}
