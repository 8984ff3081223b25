import CloudStack
import Foundation
import Logging

/// `--debug FILE` / `CSTUI_DEBUG=FILE`: the API client's log (each request: method, command, parameters with secrets
/// masked, status, time, size) appended to a file of the user's own (0600), never to the screen or stderr.
enum DebugLog {
    /// The file named by the flag, else by `CSTUI_DEBUG`; nil when neither is set.
    static func path(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let env = environment["CSTUI_DEBUG"], !env.isEmpty { return env }
        return nil
    }

    /// A logger for the client: to `path` at debug level, or one that drops everything. A file that cannot be
    /// opened is an error naming it (the user asked for the log).
    static func logger(path: String?) throws -> Logger {
        guard let path else { return Logger(label: "cstui.api", factory: { _ in SwiftLogNoOpLogHandler() }) }
        let sink = try DebugLogFile(path: path)
        var logger = Logger(label: "cstui.api", factory: { label in DebugLogHandler(label: label, sink: sink) })
        logger.logLevel = .debug
        return logger
    }
}

/// Why the debug log could not be opened.
struct DebugLogError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write the debug log \(path): \(reason)" }
}

/// The open log file; lines from several tasks are written whole, one at a time.
final class DebugLogFile: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(path: String) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw DebugLogError(path: path, reason: "it cannot be created (does its folder exist and may you write there?)")
            }
        }
        // It holds which commands ran and when: the user's own, like the config file.
        try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw DebugLogError(path: path, reason: "it cannot be opened for writing")
        }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func write(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data((line + "\n").utf8))
    }
}

/// A swift-log handler writing "time level label: message" lines to a `DebugLogFile`.
struct DebugLogHandler: LogHandler {
    let label: String
    let sink: DebugLogFile
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
             function: String, line: UInt) {
        let time = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!,
                                               formatOptions: [.withInternetDateTime, .withFractionalSeconds])
        // One line per entry, whatever the message holds (a server's text may carry newlines or escapes).
        let text = "\(message)".unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : String($0) }.joined()
        sink.write("\(time) \(level) \(label): \(text)")
    }
}
