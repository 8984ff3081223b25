import TUI

/// "Throw away what you typed?" — asked when Esc would close a form holding typed input. Keep editing is focused.
enum DiscardQuestion {
    static func dialog(_ what: String) -> Dialog {
        Dialog(title: "Discard input?", message: "Throw away what you typed \(what)?", buttons: ["Keep editing", "Discard"],
               focusedButton: 0, isDangerous: true)
    }

    /// true: discard; false: back to the form; nil: still asking (`dialog` updated).
    static func answer(_ key: Key, _ dialog: inout Dialog) -> Bool? {
        let outcome: Dialog.Outcome = key == .char("y") ? .pressed(1) : (key == .char("n") ? .cancelled : dialog.handle(key))
        switch outcome {
        case .pressed(1): return true
        case .pressed, .cancelled: return false
        case .none: return nil
        }
    }
}
