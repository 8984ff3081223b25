import TUI

/// The notifications tray's keys: Esc, q or n close it; the rest scroll.
enum TrayOverlay {
    /// Whether it stays open.
    static func update(_ tray: inout Tray, _ key: Key) -> Bool {
        if [.escape, .char("q"), .char("n")].contains(key) { return false }
        _ = tray.handle(key)
        return true
    }
}
