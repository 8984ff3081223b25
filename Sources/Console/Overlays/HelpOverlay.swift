import TUI

/// The `?` overlay's keys: Esc, q, ? or Enter close it; the rest scroll.
enum HelpOverlay {
    /// Whether it stays open.
    static func update(_ help: inout HelpView, _ key: Key) -> Bool {
        if [.escape, .char("q"), .char("?"), .enter].contains(key) { return false }
        _ = help.handle(key)
        return true
    }
}
