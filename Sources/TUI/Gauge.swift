/// A labelled percentage bar, e.g. "CPU      [██████░░░░]  63%", coloured low/mid/high by how full it is.
public struct Gauge: Hashable, Sendable {
    public var label: String
    /// 0...1 (clamped when drawn).
    public var fraction: Double
    /// Optional text after the percentage ("12.5 / 20 GHz").
    public var detail: String?
    /// At or above this the bar uses gaugeMid.
    public var midThreshold: Double
    /// At or above this the bar uses gaugeHigh.
    public var highThreshold: Double

    public init(label: String, fraction: Double, detail: String? = nil, midThreshold: Double = 0.6, highThreshold: Double = 0.85) {
        self.label = label
        self.fraction = fraction
        self.detail = detail
        self.midThreshold = midThreshold
        self.highThreshold = highThreshold
    }

    var clamped: Double { fraction.isNaN ? 0 : min(1, max(0, fraction)) }

    /// The whole-number percentage shown.
    public var percent: Int { Int((clamped * 100).rounded()) }

    /// The role the filled part is drawn in.
    public var role: ThemeRole {
        clamped >= highThreshold ? .gaugeHigh : clamped >= midThreshold ? .gaugeMid : .gaugeLow
    }

    /// Draws into the first row of `rect`; the label takes `labelWidth` columns.
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme, labelWidth: Int = 10) {
        guard !rect.isEmpty else { return }
        let row = rect.row(0)
        screen.fill(row, style: theme[.background])
        let lw = min(labelWidth, row.width)
        screen.put(label, x: row.x, y: row.y, style: theme[.text], width: lw, alignment: .left)
        let pct = String(repeating: " ", count: max(0, 4 - String(percent).count - 1)) + "\(percent)%"
        let tail = " " + pct + (detail.map { " " + $0 } ?? "")
        let barWidth = max(0, min(row.width - lw - DisplayWidth.of(tail) - 3, 60))
        var x = row.x + lw + 1
        if barWidth >= 4 {
            let filled = Int((clamped * Double(barWidth)).rounded())
            screen.put("[", x: x, y: row.y, style: theme[.dim])
            for i in 0..<barWidth {
                let on = i < filled
                screen.set(x: x + 1 + i, y: row.y, Cell(on ? "█" : "░", style: on ? theme[role] : theme[.gaugeEmpty]))
            }
            screen.put("]", x: x + 1 + barWidth, y: row.y, style: theme[.dim])
            x += barWidth + 2
        }
        screen.put(tail, x: x, y: row.y, style: theme[role], maxWidth: row.maxX - x)
    }
}
