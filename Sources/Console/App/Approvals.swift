import TUI

/// Keys while a running action waits for the user to confirm a call: y or the action's button sends it; n, q, Esc
/// or Cancel do not. It sits above every overlay, so no other dialog can answer it by accident.
enum Approvals {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard var request = s.approvals.first else { return [] }
        let outcome: Dialog.Outcome
        switch key {
        case .char("y"), .char("Y"): outcome = .pressed(0)
        case .char("n"), .char("N"), .char("q"): outcome = .cancelled
        default: outcome = request.dialog.handle(key)
        }
        switch outcome {
        case .pressed(let i):
            s.approvals.removeFirst()
            return [.answerApproval(request.approval, i == 0)]
        case .cancelled:
            s.approvals.removeFirst()
            return [.answerApproval(request.approval, false)]
        case .none:
            s.approvals[0] = request
            return []
        }
    }
}
