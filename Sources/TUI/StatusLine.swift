/// The one-row status bar: segments on the left (profile, endpoint, user and role), a note on the right (pending jobs).
public struct StatusLine: Sendable {
    public var segments: [String]
    public var right: String
    /// The right note in the accent style (e.g. while jobs are pending).
    public var highlightsRight: Bool

    public init(segments: [String], right: String = "", highlightsRight: Bool = false) {
        self.segments = segments
        self.right = right
        self.highlightsRight = highlightsRight
    }

    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        let style = theme[.status]
        screen.fill(row, style: style)
        let rightWidth = DisplayWidth.of(right)
        // The right note keeps its room as long as the left still gets a dozen columns.
        let showsRight = !right.isEmpty && rightWidth + 2 + 12 <= row.width
        let leftWidth = showsRight ? row.width - rightWidth - 2 : row.width
        let left = " " + segments.filter { !$0.isEmpty }.joined(separator: " │ ")
        screen.put(left, x: row.x, y: row.y, style: style, maxWidth: leftWidth)
        if showsRight {
            screen.put(right, x: row.maxX - rightWidth - 1, y: row.y, style: highlightsRight ? theme[.statusAccent] : style)
        }
    }
}
