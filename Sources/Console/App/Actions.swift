import CloudStack
import Foundation
import PluginKit
import TUI

/// Starting row actions: inputs first when it has any, then the confirmation of the call it will send, then the
/// runner. Nothing that changes the cloud is sent without the user seeing the command and its parameters.
enum Actions {
    static func trigger(_ action: RowAction, view: String, row: Row, _ s: inout AppState) -> [Effect] {
        let ctx = s.context(selectedIn: view)
        if action.isMutating && s.readOnly {
            Update.flash(&s, "Read-only mode: \(action.label) is not allowed", error: true)
            return []
        }
        guard action.isOffered(for: row, in: ctx) else {
            let state = row["state"].map { " in state \($0)" } ?? ""
            Update.flash(&s, "\(action.label) is not available for \(row["name"] ?? row.id)\(state)", error: true)
            return []
        }
        if action.multiple, s.lists[view]?.marked.isEmpty == false { return Bulk.trigger(action, view: view, &s) }
        var pending = PendingAction(action: action, listView: view, row: row, context: ctx)
        pending.narrowing = s.lists[view]?.definition.narrowing ?? [:]
        if !action.inputs.isEmpty {
            s.nextDialogID += 1
            var form = ActionForm(id: s.nextDialogID, pending: pending)
            let effects = form.takeOptionLoads()
            s.overlay = .form(form)
            return effects
        }
        return confirmOrRun(pending, &s)
    }

    /// After any inputs: plan the call and ask for confirmation when it changes something, else run it.
    static func confirmOrRun(_ pending: PendingAction, _ s: inout AppState) -> [Effect] {
        var pending = pending
        guard case .call = pending.action.body else {
            // Swift code: each call it makes that changes something is confirmed when it makes it.
            return run(pending, &s)
        }
        let call: APICall
        do {
            guard var planned = try pending.action.plannedCall(row: pending.row, inputs: pending.context.inputs) else {
                Update.flash(&s, "\(pending.action.notification(pending.context)): nothing changed; nothing was sent", error: false)
                return []
            }
            for name in pending.action.viewParameters where !planned.parameters.contains(where: { $0.0 == name }) {
                if let value = pending.narrowing[name] { planned.parameters.append((name, value)) }
            }
            call = planned
        } catch {
            Update.flash(&s, "\(pending.action.label): \(EffectRunner.describe(error)); nothing was sent", error: true)
            return []
        }
        pending.call = call
        if !pending.others.isEmpty {
            // The same inputs for every row; each row's call is planned from its own fields.
            var calls = [call]
            for i in pending.others.indices {
                pending.others[i].context.inputs = pending.context.inputs
                pending.others[i].narrowing = pending.narrowing
                guard var other = try? pending.action.plannedCall(row: pending.others[i].row, inputs: pending.context.inputs) else { continue }
                for name in pending.action.viewParameters where !other.parameters.contains(where: { $0.0 == name }) {
                    if let value = pending.narrowing[name] { other.parameters.append((name, value)) }
                }
                pending.others[i].call = other
                calls.append(other)
            }
            pending.others.removeAll { $0.call == nil }
            s.overlay = .confirm(Bulk.dialog(pending, calls: calls), pending)
            return []
        }
        if call.isMutating || pending.action.isMutating {
            s.overlay = .confirm(ActionConfirmation.dialog(pending, call: call), pending)
            return []
        }
        return run(pending, &s)
    }

    static func run(_ p: PendingAction, _ s: inout AppState) -> [Effect] {
        if !p.others.isEmpty { return Bulk.run(p, &s) }
        let title = p.action.notification(p.context)
        let track = s.jobs.start(title: title, listView: p.listView, rowID: p.row.id, now: s.now)
        s.jobs.update(track) { $0.reveal = p.action.reveal; $0.showsResult = p.showsResult }
        Update.flash(&s, "\(title)… (n: notifications)", error: false)
        return [.runAction(track: track, p)]
    }
}

/// The question asked before a call that changes something: the action's own words (or ones made from its label
/// and the row), then the command and every parameter that will be sent, secrets masked.
enum ActionConfirmation {
    static func dialog(_ p: PendingAction, call: APICall) -> Dialog {
        let action = p.action
        let subject = p.row["name"] ?? p.row["displayname"] ?? p.row.id
        let question = action.confirm?(p.context) ?? "\(action.label) \(subject)?"
        var lines = [question, "", "Sends \(call.command)"]
        lines += parameterLines(call, labels: p.choiceLabels)
        if p.reviewsWizard { lines += ["", "Esc: back to the last step"] }
        let destructive = action.isDestructive || CommandKind.isDestructive(call.command)
        return Dialog(title: action.label, message: lines.joined(separator: "\n"), buttons: [action.label, "Cancel"],
                      focusedButton: destructive ? 1 : 0, isDangerous: destructive)
    }

    /// `  name = value`, one a line, secrets masked; a value a picker chose is named after it (`(zone-ams1)`), on the
    /// same line when it fits 72 columns, else on the next, so the exact call stays readable at 80 columns.
    static func parameterLines(_ call: APICall, labels: [String: String]) -> [String] {
        var lines: [String] = []
        for (name, value) in call.shownParameters {
            let items = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let named = items.contains { labels[$0] != nil }
            let line = "  \(name) = \(value)"
            guard named else { lines.append(line); continue }
            let label = "(" + items.map { labels[$0] ?? "?" }.joined(separator: ", ") + ")"
            if DisplayWidth.of(line) + 2 + DisplayWidth.of(label) <= 72 {
                lines.append(line + "  " + label)
                continue
            }
            // A list of ids: one a line under each other, each with its name.
            let indent = String(repeating: " ", count: 5 + DisplayWidth.of(name))
            for (i, item) in items.enumerated() {
                let text = (i == 0 ? "  \(name) = " : indent) + item + (i < items.count - 1 ? "," : "")
                if let l = labels[item], DisplayWidth.of(text) + 3 + DisplayWidth.of(l) <= 72 {
                    lines.append(text + "  (" + l + ")")
                } else {
                    lines.append(text)
                    if let l = labels[item] { lines.append(indent + "(" + l + ")") }
                }
            }
        }
        return lines
    }
}
