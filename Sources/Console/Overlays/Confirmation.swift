import TUI

/// A yes/no dialog's keys: y or its first button says yes; n, q, Esc or another button say no. Used by the action
/// confirmation, the calls a running action asks about, and messages (`shortcuts: false`: only its buttons).
enum Confirmation {
    enum Outcome: Equatable { case open, yes, no }

    static func update(_ dialog: inout Dialog, _ key: Key, shortcuts: Bool = true) -> Outcome {
        let outcome: Dialog.Outcome
        switch key {
        case .char("y") where shortcuts, .char("Y") where shortcuts: outcome = .pressed(0)
        case .char("n") where shortcuts, .char("N") where shortcuts, .char("q") where shortcuts: outcome = .cancelled
        default: outcome = dialog.handle(key)
        }
        switch outcome {
        case .pressed(0): return .yes
        case .pressed, .cancelled: return .no
        case .none: return .open
        }
    }
}
