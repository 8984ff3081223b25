/// A key and what it does, shown in the footer.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
    /// Higher stays longer when the footer is narrow.
    public var priority: Int

    public init(_ key: String, _ label: String, priority: Int = 0) {
        self.key = key
        self.label = label
        self.priority = priority
    }

    var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}

/// The bottom row of key hints for the current view; when narrow, the least important hints are dropped
/// (the others keep their order).
public struct Footer: Sendable {
    public var hints: [KeyHint]

    public init(hints: [KeyHint]) { self.hints = hints }

    static let gap = 2

    /// The hints that fit in `width` columns, in their original order.
    public func visibleHints(width: Int) -> [KeyHint] {
        var kept = Array(hints.indices)
        func total(_ idx: [Int]) -> Int {
            idx.reduce(0) { $0 + hints[$1].width } + max(0, idx.count - 1) * Footer.gap + 1
        }
        while !kept.isEmpty && total(kept) > width {
            let victim = kept.enumerated().min { a, b in
                let pa = hints[a.element].priority, pb = hints[b.element].priority
                return pa != pb ? pa < pb : a.offset > b.offset
            }
            guard let victim else { break }
            kept.remove(at: victim.offset)
        }
        return kept.map { hints[$0] }
    }

    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme[.footerText])
        var x = row.x + 1
        for (i, hint) in visibleHints(width: row.width).enumerated() {
            if i > 0 { x += Footer.gap }
            x += screen.put(hint.key, x: x, y: row.y, style: theme[.footerKey], maxWidth: row.maxX - x)
            x += 1
            x += screen.put(hint.label, x: x, y: row.y, style: theme[.footerText], maxWidth: row.maxX - x)
        }
    }
}
