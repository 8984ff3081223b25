/// Rows for a `Table`, read cell by cell so only the visible rows are ever touched.
public protocol TableDataSource {
    var rowCount: Int { get }
    func value(row: Int, column: Int) -> String
    /// The text of a cell given its column's width, for values that shorten themselves; defaults to `value`.
    func value(row: Int, column: Int, width: Int) -> String
    /// The style of one cell of an unselected row, given the row's style (e.g. a state coloured by meaning).
    func style(row: Int, column: Int, rowStyle: Style) -> Style
}

extension TableDataSource {
    public func value(row: Int, column: Int, width: Int) -> String { value(row: row, column: column) }
    public func style(row: Int, column: Int, rowStyle: Style) -> Style { rowStyle }
}

/// A data source from a row count and a closure, for lists that already live elsewhere.
public struct ClosureTableDataSource: TableDataSource {
    public let rowCount: Int
    private let cell: (Int, Int, Int) -> String
    private let cellStyle: ((Int, Int, Style) -> Style)?

    public init(rowCount: Int, cell: @escaping (_ row: Int, _ column: Int) -> String) {
        self.rowCount = max(0, rowCount)
        self.cell = { row, column, _ in cell(row, column) }
        cellStyle = nil
    }

    /// Cells that know their column's width, and optionally a style per cell.
    public init(rowCount: Int, cell: @escaping (_ row: Int, _ column: Int, _ width: Int) -> String,
                style: ((_ row: Int, _ column: Int, _ rowStyle: Style) -> Style)? = nil) {
        self.rowCount = max(0, rowCount)
        self.cell = cell
        cellStyle = style
    }

    public func value(row: Int, column: Int) -> String { cell(row, column, .max) }
    public func value(row: Int, column: Int, width: Int) -> String { cell(row, column, width) }
    public func style(row: Int, column: Int, rowStyle: Style) -> Style { cellStyle?(row, column, rowStyle) ?? rowStyle }
}

/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// Columns never get narrower than this; when even the minimums do not fit, low-priority columns are hidden.
    public var minWidth: Int
    /// Columns never get wider than this (nil: no limit).
    public var maxWidth: Int?
    /// Share of the spare width relative to the other columns.
    public var weight: Int
    public var alignment: Alignment
    /// Higher stays visible longer when the table is narrow.
    public var priority: Int

    public init(_ title: String, minWidth: Int? = nil, maxWidth: Int? = nil, weight: Int = 1,
                alignment: Alignment = .left, priority: Int = 0) {
        self.title = title
        self.minWidth = max(1, minWidth ?? min(max(DisplayWidth.of(title) + 2, 4), 12))
        self.maxWidth = maxWidth
        self.weight = max(0, weight)
        self.alignment = alignment
        self.priority = priority
    }
}

/// Cursor, scroll position and sort of a table; kept by the view, changed by keys.
public struct TableState: Hashable, Sendable {
    public var selectedRow: Int
    /// The first row shown.
    public var scrollOffset: Int
    /// Column the rows are sorted by (the data source does the sorting; the table shows ▲/▼).
    public var sortColumn: Int?
    public var sortAscending: Bool

    public init(selectedRow: Int = 0, scrollOffset: Int = 0, sortColumn: Int? = nil, sortAscending: Bool = true) {
        self.selectedRow = selectedRow
        self.scrollOffset = scrollOffset
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
    }

    /// Moves the cursor by `delta` rows, clamped to the rows there are, and scrolls so it stays visible.
    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        select(selectedRow + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Puts the cursor on `row` (clamped) and scrolls so it stays visible.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        selectedRow = rowCount == 0 ? 0 : min(max(0, row), rowCount - 1)
        keepSelectionVisible(rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Adjusts the scroll offset so the cursor is on screen and no space is wasted past the last row.
    public mutating func keepSelectionVisible(rowCount: Int, visibleRows: Int) {
        scrollOffset = TableState.offset(for: selectedRow, current: scrollOffset, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Sorts by `column`, or flips the direction when it is already the sort column.
    public mutating func toggleSort(column: Int) {
        if sortColumn == column { sortAscending.toggle() } else { sortColumn = column; sortAscending = true }
    }

    /// Handles the list keys: ↑/↓ and k/j, PgUp/PgDn, Home/End and g/G. Returns whether the key was used.
    public mutating func handle(_ key: Key, rowCount: Int, visibleRows: Int) -> Bool {
        let page = max(1, visibleRows)
        switch key {
        case .up, .char("k"): move(by: -1, rowCount: rowCount, visibleRows: visibleRows)
        case .down, .char("j"): move(by: 1, rowCount: rowCount, visibleRows: visibleRows)
        case .pageUp, .ctrl("b"): move(by: -page, rowCount: rowCount, visibleRows: visibleRows)
        case .pageDown, .ctrl("f"): move(by: page, rowCount: rowCount, visibleRows: visibleRows)
        case .home, .char("g"): select(0, rowCount: rowCount, visibleRows: visibleRows)
        case .end, .char("G"): select(rowCount - 1, rowCount: rowCount, visibleRows: visibleRows)
        default: return false
        }
        return true
    }

    static func offset(for selected: Int, current: Int, rowCount: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0, rowCount > 0 else { return 0 }
        var offset = current
        if selected < offset { offset = selected }
        if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        offset = min(offset, max(0, rowCount - visibleRows))
        return max(0, offset)
    }
}

/// A table with a header, adaptive column widths, the selected row highlighted and a scroll position that
/// keeps the cursor visible. Drawing costs the same for 10 rows or 100,000: only visible rows are read.
public struct Table {
    public var columns: [TableColumn]
    public var state: TableState
    public var showsHeader: Bool
    /// Shown in the first row when there are no rows.
    public var emptyMessage: String
    /// Highlights the selected row (off when another pane has the focus, so the row is merely marked).
    public var isFocused: Bool

    public init(columns: [TableColumn], state: TableState = TableState(), showsHeader: Bool = true,
                emptyMessage: String = "No items", isFocused: Bool = true) {
        self.columns = columns
        self.state = state
        self.showsHeader = showsHeader
        self.emptyMessage = emptyMessage
        self.isFocused = isFocused
    }

    /// Rows of data that fit in `rect`.
    public func visibleRowCount(in rect: Rect) -> Int { max(0, rect.height - (showsHeader ? 1 : 0)) }

    /// Widths for each column in `totalWidth` columns (one space between columns); hidden columns get 0.
    public static func columnWidths(_ columns: [TableColumn], totalWidth: Int) -> [Int] {
        guard !columns.isEmpty, totalWidth > 0 else { return columns.map { _ in 0 } }
        var shown = Array(columns.indices)
        func needed(_ idx: [Int]) -> Int { idx.reduce(0) { $0 + columns[$1].minWidth } + max(0, idx.count - 1) }
        while shown.count > 1 && needed(shown) > totalWidth {
            // Hide the least important column; among equals, the right-most.
            let victim = shown.enumerated().min { a, b in
                let pa = columns[a.element].priority, pb = columns[b.element].priority
                return pa != pb ? pa < pb : a.offset > b.offset
            }
            guard let victim else { break }
            shown.remove(at: victim.offset)
        }
        var widths = columns.map { _ in 0 }
        for i in shown { widths[i] = min(columns[i].minWidth, totalWidth) }
        var spare = totalWidth - needed(shown)
        // Hand out the spare columns by weight, a round at a time, honouring maxWidth.
        while spare > 0 {
            let growable = shown.filter { columns[$0].weight > 0 && widths[$0] < (columns[$0].maxWidth ?? Int.max) }
            guard !growable.isEmpty else { break }
            let totalWeight = growable.reduce(0) { $0 + columns[$1].weight }
            var handed = 0
            for i in growable {
                let cap = (columns[i].maxWidth ?? Int.max) - widths[i]
                let share = min(cap, max(1, spare * columns[i].weight / totalWeight), spare - handed)
                if share <= 0 { continue }
                widths[i] += share
                handed += share
            }
            if handed == 0 { break }
            spare -= handed
        }
        return widths
    }

    /// The data row drawn at screen row `y`, for mouse clicks; nil on the header or past the last row.
    public func row(atY y: Int, in rect: Rect, rowCount: Int) -> Int? {
        let first = rect.y + (showsHeader ? 1 : 0)
        guard y >= first, y < rect.maxY else { return nil }
        let offset = TableState.offset(for: state.selectedRow, current: state.scrollOffset, rowCount: rowCount,
                                       visibleRows: visibleRowCount(in: rect))
        let row = offset + (y - first)
        return row < rowCount ? row : nil
    }

    /// Draws header and visible rows. The scroll offset used is adjusted (not stored) so the cursor is visible
    /// even if the state was not updated for this size.
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme, data: some TableDataSource) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme[.background])
        let widths = Table.columnWidths(columns, totalWidth: rect.width)
        var y = rect.y
        if showsHeader {
            let header = theme[.header]
            screen.fill(rect.row(0), style: header)
            var x = rect.x
            for (i, column) in columns.enumerated() where widths[i] > 0 {
                var title = column.title
                if state.sortColumn == i { title += state.sortAscending ? " ▲" : " ▼" }
                screen.put(title, x: x, y: y, style: header, width: widths[i], alignment: column.alignment)
                x += widths[i] + 1
            }
            y += 1
        }
        let rowCount = data.rowCount
        let visible = visibleRowCount(in: rect)
        guard rowCount > 0 else {
            if visible > 0 { screen.put(emptyMessage, x: rect.x + 1, y: y, style: theme[.dim], maxWidth: rect.width - 1) }
            return
        }
        let offset = TableState.offset(for: state.selectedRow, current: state.scrollOffset, rowCount: rowCount, visibleRows: visible)
        let last = min(rowCount, offset + visible)
        guard offset < last else { return }
        for row in offset..<last {
            let selected = row == state.selectedRow
            let style: Style
            if selected {
                style = isFocused ? theme[.selectedRow] : theme[.dim].with(.reverse)
            } else {
                style = theme[(row - offset) % 2 == 1 ? .rowAlternate : .row]
            }
            // The gaps between cells take the first cell's style (a dimmed Stopped row is dimmed across), so the
            // terminal gets one style change per row rather than two per cell when the cursor re-highlights it.
            let fill = selected ? style : data.style(row: row, column: 0, rowStyle: style)
            if selected || fill != theme[.background] { screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: fill) }
            var x = rect.x
            for (i, column) in columns.enumerated() where widths[i] > 0 {
                let cellStyle = selected ? style : data.style(row: row, column: i, rowStyle: style)
                screen.put(data.value(row: row, column: i, width: widths[i]), x: x, y: y, style: cellStyle, width: widths[i], alignment: column.alignment)
                x += widths[i] + 1
            }
            y += 1
        }
    }
}
