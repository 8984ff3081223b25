/// Something the terminal reported: a key, a mouse action, or a new size.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}

/// A mouse action at a cell (0-based column and row).
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable {
        case click
        case scrollUp
        case scrollDown
    }

    public var x: Int
    public var y: Int
    public var action: Action

    public init(x: Int, y: Int, action: Action = .click) {
        self.x = x
        self.y = y
        self.action = action
    }
}
