/// A one-line editor: insert, Backspace, Delete, ←/→, Home/End (and Ctrl-A/Ctrl-E), Ctrl-U (delete to the start),
/// Ctrl-W (delete the word before the cursor), Ctrl-K (delete to the end). The cursor is a character index.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Position of the cursor, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    public mutating func insert(_ text: String) {
        for ch in text where !(ch.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } ?? true) {
            characters.insert(ch, at: cursor)
            cursor += 1
        }
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Ctrl-U: deletes everything before the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Ctrl-K: deletes everything from the cursor on.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor..<characters.count)
    }

    /// Ctrl-W: deletes the spaces before the cursor, then the word before them.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies an editing key; returns whether it was one.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .backspace, .ctrl("h"): backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// What is shown: the text, or one "•" per character when masked (the secret itself never reaches the screen).
    public func displayText(masked: Bool) -> [Character] {
        masked ? Array(repeating: "•", count: characters.count) : characters
    }

    /// Draws the text in one row of `rect`, scrolled so the cursor is visible; with `showsCursor` the cell under
    /// the cursor is drawn in reverse video.
    public func draw(into screen: inout Screen, in rect: Rect, style: Style, masked: Bool = false, showsCursor: Bool = true) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        screen.fill(row, style: style)
        let shown = displayText(masked: masked)
        // First character shown: scroll right until the cursor (plus one cell for it) fits.
        var first = 0
        func widthBetween(_ a: Int, _ b: Int) -> Int {
            var w = 0
            for i in a..<b { w += DisplayWidth.of(shown[i]) }
            return w
        }
        while first < cursor && widthBetween(first, cursor) + 1 > row.width { first += 1 }
        var x = row.x
        var i = first
        while i < shown.count {
            let w = max(1, DisplayWidth.of(shown[i]))
            if x + w > row.maxX { break }
            let cellStyle = showsCursor && i == cursor ? style.with(.reverse) : style
            screen.set(x: x, y: row.y, Cell(String(shown[i]), style: cellStyle))
            x += w
            i += 1
        }
        if showsCursor && cursor == shown.count && x < row.maxX {
            screen.set(x: x, y: row.y, Cell(" ", style: style.with(.reverse)))
        }
    }
}
