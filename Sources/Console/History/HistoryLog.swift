import Foundation
import CloudStack

/// The history file, `${XDG_STATE_HOME:-~/.local/state}/cstui/history.jsonl`: one JSON line per call that changes
/// something (`HistoryEntry`). Folders are made 0700, the file 0600. Writing never throws and never traps: a folder
/// that cannot be written leaves the first problem in `problem` and the call goes on as if nothing happened.
public final class HistoryLog: @unchecked Sendable {
    public let path: String
    private let lock = NSLock()
    private var firstProblem: String?
    /// The newest part of the file read for the view (older lines beyond it are not shown).
    static let readLimit = 4 << 20

    public init(path: String) {
        self.path = path
    }

    /// The file under `XDG_STATE_HOME` (an absolute path; anything else is ignored, as the XDG spec says), else under
    /// `~/.local/state`; nil when there is no home either.
    public static func defaultPath(environment: [String: String]) -> String? {
        XDGDirectory.state.cstuiFolder(environment: environment).map { $0 + "/history.jsonl" }
    }

    /// Why the last write failed (the first one that did), for a one-line status; nil while writing works.
    public var problem: String? { lock.withLock { firstProblem } }

    /// Appends `entry` as one line (one write, so lines from concurrent calls never interleave).
    public func append(_ entry: HistoryEntry) {
        let bytes = Array((entry.line + "\n").utf8)
        lock.withLock {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                note("cannot create \(folder): \(Self.reason(error))")
                return
            }
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                note("cannot open \(path): \(String(cString: strerror(errno)))")
                return
            }
            defer { close(fd) }
            // A file made before (or by hand) with wider permissions is narrowed: it names what was changed where.
            _ = fchmod(fd, 0o600)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written != bytes.count { note("cannot write \(path): \(String(cString: strerror(errno)))") }
        }
    }

    /// Every call in the file, newest first, each as its latest line says (a finished job's outcome over `pending`).
    /// Lines that are not entries are skipped.
    public func entries() -> [HistoryEntry] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > UInt64(Self.readLimit) ? size - UInt64(Self.readLimit) : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        var text = String(decoding: data, as: UTF8.self)
        if start > 0, let newline = text.firstIndex(of: "\n") { text = String(text[text.index(after: newline)...]) }
        var order: [String] = []
        var latest: [String: HistoryEntry] = [:]
        for line in text.split(separator: "\n") {
            guard let entry = HistoryEntry(line: line) else { continue }
            if let first = latest[entry.id] {
                var updated = entry
                updated.time = first.time
                latest[entry.id] = updated
            } else {
                order.append(entry.id)
                latest[entry.id] = entry
            }
        }
        return order.reversed().compactMap { latest[$0] }
    }

    private func note(_ text: String) {
        if firstProblem == nil { firstProblem = "history not written: " + text }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
