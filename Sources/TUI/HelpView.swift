/// A centred overlay listing keys and what they do, grouped in sections (the `?` screen).
public struct HelpView: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var action: String
        public init(_ key: String, _ action: String) {
            self.key = key
            self.action = action
        }
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var entries: [Entry]
        public init(_ title: String, _ entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    public var title: String
    public var sections: [Section]
    /// First line shown, for long lists (↑/↓ scroll).
    public var scrollOffset: Int

    public init(title: String = "Keys", sections: [Section], scrollOffset: Int = 0) {
        self.title = title
        self.sections = sections
        self.scrollOffset = scrollOffset
    }

    enum Line: Hashable {
        case heading(String)
        case entry(Entry)
        case blank
    }

    var lines: [Line] {
        var result: [Line] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { result.append(.blank) }
            result.append(.heading(section.title))
            result += section.entries.map { Line.entry($0) }
        }
        return result
    }

    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): scrollOffset = max(0, scrollOffset - 1)
        case .down, .char("j"): scrollOffset = min(max(0, lines.count - 1), scrollOffset + 1)
        case .pageUp: scrollOffset = max(0, scrollOffset - 10)
        case .pageDown: scrollOffset = min(max(0, lines.count - 1), scrollOffset + 10)
        default: return false
        }
        return true
    }

    /// Draws the overlay centred in `area`.
    public func draw(into screen: inout Screen, in area: Rect, theme: Theme) {
        let all = lines
        let keyWidth = min(16, sections.flatMap(\.entries).map { DisplayWidth.of($0.key) }.max() ?? 0)
        let actionWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.action) }.max() ?? 0
        let box = area.centered(width: max(30, keyWidth + actionWidth + 7), height: all.count + 2)
        let inner = Frame(title: title, borderRole: .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
            .draw(into: &screen, in: box, theme: theme)
        guard !inner.isEmpty else { return }
        let content = inner.inset(left: 1, right: 1)
        let offset = min(scrollOffset, max(0, all.count - content.height))
        for (row, line) in all.dropFirst(offset).prefix(content.height).enumerated() {
            let y = content.y + row
            switch line {
            case .heading(let text):
                screen.put(text, x: content.x, y: y, style: theme[.title], maxWidth: content.width)
            case .entry(let entry):
                screen.put(entry.key, x: content.x, y: y, style: theme[.helpKey], width: min(keyWidth, content.width), alignment: .left)
                let ax = content.x + keyWidth + 2
                screen.put(entry.action, x: ax, y: y, style: theme[.helpText], maxWidth: content.maxX - ax)
            case .blank:
                break
            }
        }
        if offset + content.height < all.count {
            screen.put("↓ more", x: max(box.x, box.maxX - 9), y: box.maxY - 1, style: theme[.dim], maxWidth: 8)
        }
    }
}
