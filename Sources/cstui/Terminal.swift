import CloudStack
import Foundation

/// Writing to the user's terminal streams: the one place cstui's text leaves for stdout and stderr, so the one
/// place it is made terminal-safe. Server text (names, errortext, job ids) arrives here inside messages and
/// rendered output; whatever control characters it carries are shown as visible escapes, never sent raw.
enum Terminal {
    /// A message on stderr, one or more lines.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data((TerminalSafe.visible(text, keep: [.newline, .tab]) + "\n").utf8))
    }

    /// Rewrites the current stderr line (job progress on a terminal); `done` ends the line.
    static func progress(_ text: String, done: Bool = false) {
        // The erase sequence is cstui's own; the text after it is not allowed a single control, not even a newline.
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + TerminalSafe.visible(text) + (done ? "\n" : "")).utf8))
    }

    /// Output on stdout. Renderers escape per format already; this pass keeps any path that forgot from reaching
    /// the terminal raw, and costs one scan of clean text.
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalSafe.visible(text, keep: [.newline, .tab]).utf8))
    }
}
