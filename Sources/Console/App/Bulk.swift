import CloudStack
import PluginKit
import TUI

/// Actions on several rows: the marked rows that offer the action get it, after one form and one confirmation
/// that says how many and names the first few. Each row is its own tray entry, under a summary entry that ends
/// with the failures listed; a bounded number run at once (`EffectRunner.bulkSlots`).
enum Bulk {
    /// Rows named in the confirmation before "and N more".
    static let named = 3

    /// Starts `action` for the marked rows of `view`: its form (once, for all), then the confirmation.
    static func trigger(_ action: RowAction, view: String, _ s: inout AppState) -> [Effect] {
        guard let list = s.lists[view] else { return [] }
        guard case .call = action.body else {
            Update.flash(&s, "\(action.label) runs on one row at a time; Esc clears the marks", error: true)
            return []
        }
        let base = s.context(selectedIn: view)
        let marked = list.markedRows
        let rows = marked.filter { action.isOffered(for: $0, in: base) }
        guard let first = rows.first else {
            Update.flash(&s, "\(action.label) is not offered for any of the \(marked.count) marked rows in their state", error: true)
            return []
        }
        func pending(_ row: Row) -> PendingAction {
            var ctx = base
            ctx.selected = [view: [row]]
            var p = PendingAction(action: action, listView: view, row: row, context: ctx)
            p.narrowing = list.definition.narrowing
            return p
        }
        var p = pending(first)
        p.others = rows.dropFirst().map(pending)
        p.skipped = marked.count - rows.count
        if !action.inputs.isEmpty {
            s.nextDialogID += 1
            var form = ActionForm(id: s.nextDialogID, pending: p)
            let effects = form.takeOptionLoads()
            s.overlay = .form(form)
            return effects
        }
        return Actions.confirmOrRun(p, &s)
    }

    /// "Stop 20 rows: web-1, web-2, web-3 and 17 more?", the first row's call, and what the others get.
    static func dialog(_ p: PendingAction, calls: [APICall]) -> Dialog {
        let rows = [p.row] + p.others.map(\.row)
        let names = rows.prefix(named).map(DrillDown.label).joined(separator: ", ")
        let more = rows.count > named ? " and \(rows.count - named) more" : ""
        var lines = ["\(p.action.label) \(rows.count) row\(rows.count == 1 ? "" : "s"): \(names)\(more)?"]
        if p.skipped > 0 { lines.append("\(p.skipped) marked row\(p.skipped == 1 ? " is" : "s are") left out: not in a state for \(p.action.label).") }
        if let call = calls.first {
            lines += ["", "Sends \(call.command) for each row, the first:"]
            lines += ActionConfirmation.parameterLines(call, labels: p.choiceLabels)
        }
        let destructive = p.action.isDestructive || calls.contains { CommandKind.isDestructive($0.command) }
        let label = "\(p.action.label) \(rows.count)"
        return Dialog(title: p.action.label, message: lines.joined(separator: "\n"), buttons: [label, "Cancel"],
                      focusedButton: destructive ? 1 : 0, isDangerous: destructive)
    }

    /// After the confirmation: a summary entry, one entry per row, the marks cleared.
    static func run(_ p: PendingAction, _ s: inout AppState) -> [Effect] {
        let rows = [p] + p.others
        var effects: [Effect] = []
        var children: [String] = []
        for var row in rows {
            row.others = []
            row.isBulkRow = true
            let track = s.jobs.start(title: row.action.notification(row.context), listView: p.listView, rowID: row.row.id, now: s.now)
            children.append(track)
            effects.append(.runAction(track: track, row))
        }
        // The summary is started last, so the tray (newest first) shows it above its rows.
        let summary = s.jobs.start(title: "\(p.action.label): \(rows.count) rows", listView: p.listView, rowID: nil, now: s.now)
        for track in children { s.jobs.update(track) { $0.parent = summary } }
        s.jobs.update(summary) { $0.children = children; $0.progress = "0 of \(rows.count) done" }
        s.lists[p.listView]?.marked = []
        Update.flash(&s, "\(p.action.label): \(rows.count) rows… (n: notifications)", error: false)
        return effects
    }

    /// A row's entry ended: the summary counts it; when every row has ended, the summary ends, naming the failures,
    /// and the list reloads once.
    static func rowEnded(_ track: String, _ s: inout AppState) -> [Effect] {
        guard let parent = s.jobs.job(track)?.parent, let summary = s.jobs.job(parent) else { return [] }
        let children = summary.children.compactMap { s.jobs.job($0) }
        let ended = children.filter { $0.status != .running }
        let failures = children.compactMap { job -> String? in
            if case .failed(let why) = job.status { return "\(job.title): \(why)" }
            return nil
        }
        guard ended.count == children.count else {
            s.jobs.update(parent) { $0.progress = "\(ended.count) of \(children.count) done\(failures.isEmpty ? "" : ", \(failures.count) failed")" }
            return []
        }
        let now = s.now
        s.jobs.update(parent) { job in
            job.ended = now
            job.progress = "\(children.count - failures.count) of \(children.count) succeeded"
            job.status = failures.isEmpty ? .succeeded : .failed("\(failures.count) of \(children.count) failed: " + failures.joined(separator: "; "))
        }
        Update.flash(&s, failures.isEmpty ? "✓ \(summary.title), every row succeeded" : "✗ \(summary.title): \(failures.count) failed (n: notifications)",
                     error: !failures.isEmpty)
        return summary.listView.map { Update.reload($0, &s) } ?? []
    }
}
