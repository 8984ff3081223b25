/// A centred modal box with a title, a message and buttons, e.g. "Destroy VM web-01?" [Cancel] [Destroy].
public struct Dialog: Hashable, Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var focusedButton: Int
    /// Draws the border in the error style for destructive confirmations.
    public var isDangerous: Bool

    /// What a key did to the dialog.
    public enum Outcome: Hashable, Sendable {
        case none
        case pressed(Int)
        case cancelled
    }

    public init(title: String, message: String, buttons: [String] = ["OK"], focusedButton: Int = 0, isDangerous: Bool = false) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = min(max(0, focusedButton), max(0, buttons.count - 1))
        self.isDangerous = isDangerous
    }

    /// ←/→ and Tab move between buttons, Enter presses the focused one, Esc cancels; a button's first letter
    /// (case-insensitive) presses it.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .left, .backTab: focusedButton = max(0, focusedButton - 1)
        case .right, .tab: focusedButton = min(buttons.count - 1, focusedButton + 1)
        case .enter: return buttons.isEmpty ? .cancelled : .pressed(focusedButton)
        case .escape: return .cancelled
        case .char(let c):
            let lower = String(c).lowercased()
            if let index = buttons.firstIndex(where: { $0.lowercased().hasPrefix(lower) }) { return .pressed(index) }
        default: break
        }
        return .none
    }

    /// Wide enough for `  serviceofferingid = <uuid>  (label)` at 80 columns.
    static let maxWidth = 76
    static let minWidth = 24

    private func buttonLabel(_ title: String) -> String { "[ " + title + " ]" }

    /// The rectangle the dialog occupies in `area`: sized to its content, centred, never bigger than `area`.
    public func frame(in area: Rect) -> Rect {
        let buttonsWidth = buttons.map { DisplayWidth.of(buttonLabel($0)) }.reduce(0, +) + max(0, buttons.count - 1) * 2
        let longestLine = message.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0
        let content = max(DisplayWidth.of(title) + 2, longestLine, buttonsWidth)
        let width = min(max(content + 4, Dialog.minWidth), Dialog.maxWidth, area.width)
        let lines = TextWrap.lines(message, width: max(1, width - 4)).count
        let height = min(lines + 4 + (buttons.isEmpty ? -1 : 0), area.height)
        return area.centered(width: width, height: height)
    }

    /// The screen rectangle of each button, for mouse clicks.
    public func buttonFrames(in area: Rect) -> [Rect] {
        let box = frame(in: area)
        guard box.height >= 3 else { return [] }
        let labels = buttons.map(buttonLabel)
        let total = labels.map { DisplayWidth.of($0) }.reduce(0, +) + max(0, labels.count - 1) * 2
        var x = box.x + max(1, (box.width - total) / 2)
        let y = box.maxY - 2
        return labels.map { label in
            let w = min(DisplayWidth.of(label), max(0, box.maxX - 1 - x))
            defer { x += DisplayWidth.of(label) + 2 }
            return Rect(x: x, y: y, width: w, height: 1)
        }
    }

    /// Draws the dialog centred in `area` (usually the whole screen); at small sizes the message is cut with "…"
    /// while the buttons stay visible.
    public func draw(into screen: inout Screen, in area: Rect, theme: Theme) {
        let box = frame(in: area)
        guard !box.isEmpty else { return }
        let inner = Frame(title: title, borderRole: isDangerous ? .error : .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
            .draw(into: &screen, in: box, theme: theme)
        guard !inner.isEmpty else { return }
        let textArea = inner.inset(left: 1, right: 1)
        let buttonRows = buttons.isEmpty ? 0 : 2
        let messageRows = max(0, inner.height - buttonRows)
        var lines = TextWrap.lines(message, width: max(1, textArea.width))
        if lines.count > messageRows {
            lines = Array(lines.prefix(messageRows))
            if let last = lines.last {
                lines[lines.count - 1] = DisplayWidth.truncate(last + " …", to: textArea.width)
                if DisplayWidth.of(last) + 2 <= textArea.width { lines[lines.count - 1] = last + " …" }
            }
        }
        for (i, line) in lines.enumerated() {
            screen.put(line, x: textArea.x, y: textArea.y + i, style: theme[.dialog], maxWidth: textArea.width)
        }
        guard !buttons.isEmpty, inner.height >= 1 else { return }
        for (i, (label, rect)) in zip(buttons, buttonFrames(in: area)).enumerated() where rect.width > 0 {
            let style = i == focusedButton ? theme[.buttonFocused] : theme[.button]
            screen.put(buttonLabel(label), x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        }
    }
}
