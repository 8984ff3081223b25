import Foundation
import TUI

/// Capacity gauges per zone, VM counts by state, the latest alerts and events.
enum DashboardPane {
    /// A user's or domain admin's own resources: a gauge against each limit, or the count where there is none.
    static func drawOwn(_ d: DashboardData, theme: Theme, into screen: inout Screen, x: Int, y start: Int, width: Int) -> Int {
        var y = start
        screen.put("Your resources" + (d.ownAccount.map { " · account \($0)" } ?? ""), x: x, y: y, style: theme[.label], maxWidth: width)
        y += 1
        for r in d.own {
            let amount = r.limit.map { "\(ListPane.fmt(r.total)) of \(ListPane.fmt($0))" } ?? "\(ListPane.fmt(r.total)) (no limit)"
            let text = amount + (r.detail.map { "  " + $0 } ?? "")
            if let limit = r.limit, limit > 0 {
                let detail = String(repeating: " ", count: max(0, 21 - text.count)) + text
                Gauge(label: r.label, fraction: min(1, Double(r.total) / Double(limit)), detail: detail)
                    .draw(into: &screen, in: Rect(x: x, y: y, width: min(width, 76), height: 1), theme: theme)
            } else {
                screen.put(r.label, x: x, y: y, style: theme[.text], maxWidth: 11)
                screen.put(text, x: x + 11, y: y, style: theme[.text], maxWidth: max(0, width - 11))
            }
            y += 1
        }
        return y + 1
    }

    static func draw(_ s: AppState, into screen: inout Screen, in rect: Rect) {
        let theme = s.theme
        let d = s.dashboard
        var y = rect.y
        let x = rect.x + 1
        let width = rect.width - 2
        screen.put("Dashboard", x: x, y: y, style: theme[.title], maxWidth: width)
        if s.dashboardLoading {
            screen.put("⟳ loading", x: rect.maxX - 11, y: y, style: theme[.pending], maxWidth: 10)
        } else if let e = s.dashboardError {
            let text = "✗ " + e
            let w = min(DisplayWidth.of(text), max(0, width - 12))
            screen.put(text, x: rect.maxX - w - 1, y: y, style: theme[.error], maxWidth: w)
        }
        y += 1
        guard d.loadedAt != nil else {
            if !s.dashboardLoading, s.dashboardError == nil { screen.put("Press r to load.", x: x, y: y + 1, style: theme[.dim]) }
            return
        }
        // VM counts by state on one line.
        // Only states that have VMs, so the line fits at 80 columns.
        // Counts come from the server: summed without overflow, negative ones ignored.
        let total = d.vmStates.reduce(0) { sum, state in
            let (r, overflow) = sum.addingReportingOverflow(max(0, state.1))
            return overflow ? Int.max : r
        }
        let states = d.vmStates.filter { $0.1 > 0 }.map { "\(ListPane.fmt($0.1)) \($0.0.lowercased())" }.joined(separator: " · ")
        screen.put("Instances ", x: x, y: y, style: theme[.label], maxWidth: width)
        screen.put(total == 0 ? "none" : "\(ListPane.fmt(total)): " + states, x: x + 10, y: y, style: theme[.text], maxWidth: max(0, width - 10))
        y += 2
        if !d.own.isEmpty { y = drawOwn(d, theme: theme, into: &screen, x: x, y: y, width: width) }
        // Gauges: one line per resource per zone, two zones side by side when wide.
        let perRow = width >= 100 ? 2 : 1
        let colWidth = (width - (perRow - 1) * 2) / perRow
        var zoneIndex = 0
        let maxZoneRows = max(1, (rect.maxY - y - 6) / 4)
        while zoneIndex < d.zones.count, (zoneIndex / perRow) < maxZoneRows {
            let top = y
            for c in 0..<perRow where zoneIndex < d.zones.count {
                let zone = d.zones[zoneIndex]
                let zx = x + c * (colWidth + 2)
                screen.put(zone.zone, x: zx, y: top, style: theme[.label], maxWidth: colWidth)
                for (i, g) in zone.gauges.enumerated() {
                    let fraction = g.2 > 0 ? g.1 / g.2 : 0
                    let ghz = { (mhz: Double) in NumberText.int(mhz / 1000).map(ListPane.fmt) ?? String(mhz) }
                    let amount = g.0 == "CPU" ? "\(ghz(g.1)) / \(ghz(g.2)) GHz"
                                              : "\(FieldFormatter.bytes(g.1)) / \(FieldFormatter.bytes(g.2))"
                    // A fixed-width detail keeps the bars of one zone the same length.
                    let detail = String(repeating: " ", count: max(0, 21 - amount.count)) + amount
                    Gauge(label: g.0, fraction: fraction, detail: detail).draw(into: &screen, in: Rect(x: zx, y: top + 1 + i, width: colWidth, height: 1), theme: theme)
                }
                zoneIndex += 1
            }
            y = top + 1 + 3 + 1
        }
        if zoneIndex < d.zones.count {
            screen.put("… \(d.zones.count - zoneIndex) more zones (:zones)", x: x, y: y - 1, style: theme[.dim], maxWidth: width)
        }
        // Alerts and events share what is left.
        let remaining = rect.maxY - y
        guard remaining >= 2 else { return }
        let alertRows = min(d.alerts.count, max(1, (remaining - 2) / 2))
        screen.put("Latest alerts", x: x, y: y, style: theme[.label], maxWidth: width)
        y += 1
        if d.alerts.isEmpty {
            screen.put("none", x: x + 2, y: y, style: theme[.dim])
            y += 1
        }
        for a in d.alerts.prefix(alertRows) where y < rect.maxY {
            screen.put("! " + a, x: x, y: y, style: theme[.warning], maxWidth: width)
            y += 1
        }
        guard y + 1 < rect.maxY else { return }
        screen.put("Latest events", x: x, y: y, style: theme[.label], maxWidth: width)
        y += 1
        for e in d.events where y < rect.maxY {
            screen.put(e, x: x, y: y, style: theme[.text], maxWidth: width)
            y += 1
        }
    }
}

