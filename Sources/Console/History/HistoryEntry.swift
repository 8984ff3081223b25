import CloudStack
import Foundation

/// One line of the history file: a call that changes something, as it was sent (secrets removed), and how it ended.
/// A call whose job was still running is written twice under the same `id`: `pending` first, the outcome when the
/// job ends; the latest line of an id is the one that counts.
public struct HistoryEntry: Sendable, Equatable {
    public var id: String
    /// When the call was sent, ISO 8601 in UTC (`2026-12-01T22:30:00Z`).
    public var time: String
    public var profile: String
    /// The profile's user, when known (a session's username, the API key's owner once the console asked).
    public var user: String?
    public var command: String
    /// The parameters as sent, without the ones that carry secrets.
    public var parameters: [(String, String)]
    /// Names of the parameters left out because they carry secrets (their values are written nowhere).
    public var removed: [String]
    public var jobID: String?
    /// `success`, `pending`, or `failed: message`.
    public var outcome: String

    public init(id: String, time: String, profile: String, user: String?, command: String, parameters: [(String, String)],
                removed: [String], jobID: String?, outcome: String) {
        self.id = id
        self.time = time
        self.profile = profile
        self.user = user
        self.command = command
        self.parameters = parameters
        self.removed = removed
        self.jobID = jobID
        self.outcome = outcome
    }

    public static func == (a: HistoryEntry, b: HistoryEntry) -> Bool {
        a.id == b.id && a.time == b.time && a.profile == b.profile && a.user == b.user && a.command == b.command
            && a.parameters.map(\.0) == b.parameters.map(\.0) && a.parameters.map(\.1) == b.parameters.map(\.1)
            && a.removed == b.removed && a.jobID == b.jobID && a.outcome == b.outcome
    }

    /// The entry as one JSON line (no newline).
    public var line: String {
        var members: [(key: String, value: JSONValue)] = [("id", .string(id)), ("time", .string(time)), ("profile", .string(profile))]
        if let user { members.append(("user", .string(user))) }
        members.append(("command", .string(command)))
        members.append(("parameters", .object(JSONObject(parameters.map { (key: $0.0, value: JSONValue.string($0.1)) }))))
        if !removed.isEmpty { members.append(("removed", .array(removed.map { .string($0) }))) }
        if let jobID { members.append(("jobid", .string(jobID))) }
        members.append(("outcome", .string(outcome)))
        return JSONSerializer.string(.object(JSONObject(members)))
    }

    /// An entry from one line of the file; nil for a line that is not one (a torn write, a hand edit).
    public init?(line: Substring) {
        guard let value = try? JSONParser.parse(Array(line.utf8)), let o = value.objectValue,
              let id = o["id"]?.text, let time = o["time"]?.text, let command = o["command"]?.text, let outcome = o["outcome"]?.text
        else { return nil }
        let parameters = o["parameters"]?.objectValue?.members.compactMap { m in m.value.text.map { (m.key, $0) } } ?? []
        let removed = o["removed"]?.arrayValue?.compactMap(\.text) ?? []
        self.init(id: id, time: time, profile: o["profile"]?.text ?? "", user: o["user"]?.text, command: command,
                  parameters: parameters, removed: removed, jobID: o["jobid"]?.text, outcome: outcome)
    }

    /// `2026-12-01T22:30:00Z`.
    public static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}
