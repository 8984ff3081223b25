import CloudStack
import TUI

/// One result field shown once: its name and value.
struct Revealed: Sendable, Equatable {
    var name: String
    var value: String
}

/// Results that are shown to the user once and kept nowhere (generated API keys, a reset password, a private
/// key): a dialog draws them; the tray, the flash and the history only say the action succeeded.
enum Reveal {
    /// The `fields` found in `content`, at its top level or one object down (`userkeys.secretkey`), in order.
    static func values(_ fields: [String], in content: JSONObject) -> [Revealed] {
        fields.compactMap { name in
            if let v = content[name]?.text { return Revealed(name: name, value: v) }
            for (_, value) in content {
                if let inner = value.objectValue, let v = inner[name]?.text { return Revealed(name: name, value: v) }
            }
            return nil
        }
    }

    static func show(_ values: [Revealed], title: String, _ s: inout AppState) {
        let lines = values.isEmpty
            ? ["The server's answer did not include what this action shows; nothing to show."]
            : ["Shown once: copy it now. cstui does not keep it.", ""] + values.map { "\($0.name): \($0.value)" }
        s.overlay = .message(Dialog(title: title, message: lines.joined(separator: "\n"), buttons: ["Close"]))
    }
}
