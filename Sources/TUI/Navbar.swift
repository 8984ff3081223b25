/// An entry of the navbar: a section, possibly with indented sub-items.
public struct NavItem: Hashable, Sendable {
    /// Stable identifier the application switches on ("instances", "storage.primary").
    public var id: String
    public var title: String
    public var children: [NavItem]

    public init(id: String, title: String, children: [NavItem] = []) {
        self.id = id
        self.title = title
        self.children = children
    }
}

/// The left-hand section list, like CloudStack's web UI: sections, sub-items indented below them, one selected.
public struct Navbar: Sendable {
    public var items: [NavItem]
    /// Id of the selected entry.
    public var selectedID: String?
    /// Drawn with the selection style when true, merely marked when another pane has the focus.
    public var isFocused: Bool

    /// One drawn row: the entry and how deep it is nested.
    public struct Row: Hashable, Sendable {
        public var item: NavItem
        public var depth: Int
    }

    public init(items: [NavItem], selectedID: String? = nil, isFocused: Bool = true) {
        self.items = items
        self.selectedID = selectedID ?? items.first?.id
        self.isFocused = isFocused
    }

    /// All entries in display order.
    public var rows: [Row] {
        var result: [Row] = []
        func walk(_ list: [NavItem], depth: Int) {
            for item in list {
                result.append(Row(item: item, depth: depth))
                walk(item.children, depth: depth + 1)
            }
        }
        walk(items, depth: 0)
        return result
    }

    /// Index of the selected entry among `rows`.
    public var selectedIndex: Int? { rows.firstIndex { $0.item.id == selectedID } }

    /// Moves the selection up or down by `delta` entries (clamped).
    public mutating func moveSelection(by delta: Int) {
        let all = rows
        guard !all.isEmpty else { return }
        let current = selectedIndex ?? 0
        selectedID = all[min(max(0, current + delta), all.count - 1)].item.id
    }

    /// ↑/↓, k/j, Home/End move the selection. Returns whether the key was used.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): moveSelection(by: -1)
        case .down, .char("j"): moveSelection(by: 1)
        case .home, .char("g"): moveSelection(by: -rows.count)
        case .end, .char("G"): moveSelection(by: rows.count)
        default: return false
        }
        return true
    }

    /// The entry drawn at screen row `y` (for mouse clicks).
    public func itemID(atY y: Int, in rect: Rect) -> String? {
        guard rect.contains(x: rect.x, y: y) else { return nil }
        let all = rows
        let index = scrollOffset(rowCount: all.count, height: rect.height) + (y - rect.y)
        return index < all.count ? all[index].item.id : nil
    }

    private func scrollOffset(rowCount: Int, height: Int) -> Int {
        TableState.offset(for: selectedIndex ?? 0, current: 0, rowCount: rowCount, visibleRows: height)
    }

    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme[.navbar])
        let all = rows
        let offset = scrollOffset(rowCount: all.count, height: rect.height)
        for (line, index) in (offset..<min(all.count, offset + rect.height)).enumerated() {
            let row = all[index]
            let y = rect.y + line
            let selected = row.item.id == selectedID
            var style = row.depth == 0 ? (row.item.children.isEmpty ? theme[.navbar] : theme[.navbarSection]) : theme[.navbar]
            if selected {
                style = isFocused ? theme[.navbarSelected] : theme[.navbar].with(.reverse)
                screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style)
            }
            let indent = String(repeating: "  ", count: row.depth)
            screen.put(" " + indent + row.item.title, x: rect.x, y: y, style: style, maxWidth: rect.width)
        }
    }
}
