import CloudStack
import PluginKit

/// `:history`: the calls that changed something, newest first (time, command, its parameters, outcome), read from
/// the history file each time the view loads; `R` (or the x menu) sends a row's call again after the usual
/// confirmation. A call that carried a secret cannot be repeated from the history, which never holds one: the user
/// is told to run it again from its `:` form.
enum HistoryView {
    static let id = "history"

    static func open(_ s: inout AppState) -> [Effect] {
        guard let log = s.history else {
            Update.flash(&s, "No history is kept: neither XDG_STATE_HOME nor HOME names a folder", error: true)
            return []
        }
        DrillDown.clear(&s)
        s.lists[id] = ListModel(definition: definition(log, profile: s.profileName))
        s.section = id
        s.focus = .main
        s.navbar.isFocused = false
        s.detail = nil
        if let problem = log.problem { Update.flash(&s, problem, error: true) }
        return Update.reload(id, &s)
    }

    static func definition(_ log: HistoryLog, profile: String) -> ListViewDefinition {
        let fields = [ListField("time", "Time", format: .date, minWidth: 16), ListField("command", "Command", minWidth: 12),
                      ListField("parameters", "Parameters", minWidth: 10), ListField("outcome", "Outcome", minWidth: 8),
                      ListField("profile", "Profile", minWidth: 6), ListField("user", "User", minWidth: 5)]
        let provider = DataProvider { request, _ in
            let all = log.entries()
            let size = max(1, request.pageSize)
            let from = min(all.count, max(0, request.page - 1) * size)
            let rows = all[from..<min(all.count, from + size)].map(row)
            return DataPage(rows: Array(rows), total: all.count)
        }
        var def = ListViewDefinition(id: id, title: "History of changes (\(log.path))", fields: fields, dataProvider: provider,
                                     actions: [rerun(profile: profile)])
        def.details = ["time", "command", "parameters", "removed", "outcome", "jobid", "profile", "user"]
        return def
    }

    /// An entry as a row: what the columns show, and the call itself (`sent`) for re-run.
    static func row(_ e: HistoryEntry) -> Row {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(e.id)), ("time", .string(e.time)), ("command", .string(e.command)),
            ("parameters", .string(e.parameters.map { "\($0.0)=\($0.1)" }.joined(separator: " "))),
            ("outcome", .string(e.outcome)), ("profile", .string(e.profile)),
            ("sent", .object(JSONObject(e.parameters.map { (key: $0.0, value: JSONValue.string($0.1)) }))),
        ]
        if let user = e.user { members.append(("user", .string(user))) }
        if let job = e.jobID { members.append(("jobid", .string(job))) }
        if !e.removed.isEmpty { members.append(("removed", .string(e.removed.joined(separator: ", ") + " (not kept)"))) }
        return Row(id: e.id, fields: JSONObject(members))
    }

    /// Sends the row's call again on `profile` (the console's), only if it was made there; it is confirmed like
    /// any call that changes something, and checked against listApis and read-only mode like any action.
    static func rerun(profile: String) -> RowAction {
        var action = RowAction(id: "history:rerun", label: "Re-run", key: "R", commands: ["rerun"], requiredAPIs: [],
                               confirm: { ctx in "Send \(ctx.selected[id]?.first?["command"] ?? "this call") again, as the history has it?" },
                               notification: { ctx in "Re-run \(ctx.selected[id]?.first?["command"] ?? "call")" },
                               isAvailable: { row, ctx in row["command"].map(ctx.api.isAllowed) ?? false },
                               call: { row, _ in try plan(row, profile: profile) })
        action.rowFields = ["sent", "removed", "command", "profile"]
        return action
    }

    static func plan(_ row: Row, profile: String) throws -> APICall? {
        guard let command = row["command"] else { return nil }
        if let made = row["profile"], made != profile {
            throw RerunRefused(description: "\(command) was sent on profile \(made), and the console is on \(profile); "
                + "switch with :profile \(made) first")
        }
        if let removed = row["removed"] {
            throw RerunRefused(description: "\(command) was sent with \(removed.replacingOccurrences(of: " (not kept)", with: "")), "
                + "which the history never keeps; run it again with :\(command) and type it")
        }
        let parameters = row.fields["sent"]?.objectValue?.members.compactMap { m in m.value.text.map { (m.key, $0) } } ?? []
        return APICall(command, parameters)
    }

    struct RerunRefused: Error, CustomStringConvertible {
        var description: String
    }
}
