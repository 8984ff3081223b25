import TUI

/// Keys while a running action waits for the user to confirm a call: y or the action's button sends it; n, q, Esc
/// or Cancel do not. It sits above every overlay, so no other dialog can answer it by accident.
enum Approvals {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard var request = s.approvals.first else { return [] }
        switch Confirmation.update(&request.dialog, key) {
        case .open:
            s.approvals[0] = request
            return []
        case .yes:
            s.approvals.removeFirst()
            return [.answerApproval(request.approval, true)]
        case .no:
            s.approvals.removeFirst()
            return [.answerApproval(request.approval, false)]
        }
    }
}
