/// A key the user pressed, decoded from the terminal by the backend.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (letters, digits, punctuation, space, any Unicode grapheme).
    case char(Character)
    /// Ctrl with a letter, lower-cased: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case insert, delete
    case enter, escape, backspace, tab, backTab
    /// Function key F1...F24.
    case function(Int)

    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "Ctrl-" + String(c).uppercased()
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .insert: "Ins"
        case .delete: "Del"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .function(let n): "F\(n)"
        }
    }

    /// Decodes a control code (0-31, 127) the way terminals send them: 9 is Tab, 13 and 10 Enter,
    /// 27 Esc, 8 and 127 Backspace, the rest Ctrl with a letter. Nil for anything else.
    public init?(controlCode code: UInt32) {
        switch code {
        case 9: self = .tab
        case 10, 13: self = .enter
        case 27: self = .escape
        case 8, 127: self = .backspace
        case 0: self = .ctrl(" ")
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 96) else { return nil }
            self = .ctrl(Character(scalar))
        case 28...31:
            guard let scalar = Unicode.Scalar(code + 64) else { return nil }
            self = .ctrl(Character(scalar))
        default: return nil
        }
    }
}
