import Foundation
import PluginKit
import TUI

/// A list view: a title line with counts, filter and loading state, the table, and the detail pane.
enum ListPane {
    static func draw(_ list: ListModel, _ s: AppState, layout: ScreenLayout, into screen: inout Screen) {
        let theme = s.theme
        titleLine(list, s, into: &screen, in: layout.title)
        let columns = list.definition.fields.enumerated().map { i, f in
            // A capacity cell grows first, up to its full text (bar, percentages, total); narrower, it shortens itself.
            f.format == .capacity
                ? TableColumn(f.label, minWidth: max(f.minWidth, min(f.label.count, 12)), maxWidth: capacityWidth, weight: 6,
                              priority: list.definition.fields.count - i)
                : TableColumn(f.label, minWidth: max(f.minWidth, min(f.label.count, 12)), weight: f.key == "name" || f.key == "description" ? 3 : 2,
                              priority: list.definition.fields.count - i)
        }
        var empty = "No items"
        switch list.loading {
        case .loading: empty = "Loading…"
        case .failed(let text): empty = "Could not load: \(text)"
        case .idle: if !list.filter.isEmpty { empty = "No rows match “\(list.filter.text)”" }
        }
        let table = Table(columns: columns, state: list.table, emptyMessage: empty, isFocused: s.focus == .main && s.overlay == nil)
        let data = ClosureTableDataSource(rowCount: list.visible.count, cell: { row, col, width in list.cell(row: row, column: col, width: width) },
                                          style: { row, col, rowStyle in
                                              if let state = list.stateValue(row: row, column: col) {
                                                  return StateStyle.style(for: state, theme: theme, over: rowStyle)
                                              }
                                              // A row in trouble or out of service reads so across: red, yellow or dimmed.
                                              guard let state = list.rowState(row: row) else { return rowStyle }
                                              return StateStyle.rowStyle(for: state, theme: theme, over: rowStyle)
                                          })
        table.draw(into: &screen, in: layout.table, theme: theme, data: data)
        if let rect = layout.detail, let detail = s.detail, let row = list.selectedRow, row.id == detail.rowID {
            DetailPane.draw(row, detail, list.definition, related: DrillDown.offered(list, s).map(\.label), theme: theme, into: &screen, in: rect)
        }
    }

    /// The widest capacity cell: `██▒▒░░░░ 100%/100% 1023G`.
    static let capacityWidth = 24

    static func titleLine(_ list: ListModel, _ s: AppState, into screen: inout Screen, in rect: Rect) {
        let theme = s.theme
        screen.fill(rect, style: theme[.background])
        var x = rect.x + 1
        var crumbs = list.id == s.section ? DrillDown.breadcrumb(s) : []
        // With the navbar folded away, the title says where in it the list is: "Infrastructure › Hosts".
        if crumbs.isEmpty, s.navbarCollapsed, let group = s.navbar.items.first(where: { $0.children.contains { $0.id == list.id } }) {
            crumbs = [group.title, list.definition.title]
        }
        let title = crumbs.isEmpty ? list.definition.title : breadcrumb(crumbs, width: max(12, rect.width * 2 / 3))
        x += screen.put(title, x: x, y: rect.y, style: theme[.title], maxWidth: rect.maxX - x)
        let loaded = list.rows.count
        var counts: String
        if list.filter.isEmpty {
            counts = list.total.map { $0 > loaded ? "  \(fmt(loaded)) of \(fmt($0))" : "  \(fmt($0)) row\($0 == 1 ? "" : "s")" } ?? "  \(fmt(loaded)) row\(loaded == 1 ? "" : "s")"
        } else {
            counts = "  \(fmt(list.visible.count)) of \(fmt(loaded)) match"
        }
        if loaded == 0, list.total == nil { counts = "" }
        x += screen.put(counts, x: x, y: rect.y, style: theme[.dim], maxWidth: max(0, rect.maxX - x))
        if !list.marked.isEmpty {
            x += screen.put("  ● \(fmt(list.marked.count)) marked", x: x, y: rect.y, style: theme[.pending], maxWidth: max(0, rect.maxX - x))
        }
        let server = ServerFilter.active(list.definition)
        if !server.isEmpty {
            x += screen.put("  [" + server + "]", x: x, y: rect.y, style: theme[.filter], maxWidth: max(0, rect.maxX - x))
        }
        if list.isEditingFilter || !list.filter.isEmpty {
            let text = "  /" + list.filter.text + (list.isEditingFilter ? "▏" : "")
            x += screen.put(text, x: x, y: rect.y, style: theme[.filter], maxWidth: max(0, rect.maxX - x))
        }
        var right = ""
        var role = ThemeRole.pending
        switch list.loading {
        case .loading(let page, let pages): right = pages.map { "⟳ page \(page)/\($0)" } ?? "⟳ loading"
        case .failed(let text):
            right = "✗ \(text)"
            role = .error
        case .idle:
            if let sort = list.table.sortColumn, sort < list.definition.fields.count {
                right = "sorted by \(list.definition.fields[sort].label) \(list.table.sortAscending ? "↑" : "↓")"
                role = .dim
            }
        }
        if !right.isEmpty {
            let avail = rect.maxX - x - 2
            if avail > 8 {
                let w = min(DisplayWidth.of(right), avail)
                screen.put(right, x: rect.maxX - w - 1, y: rect.y, style: theme[role], maxWidth: w)
            }
        }
    }

    /// "Hosts › kvm-ams1-4 › Instances", its oldest steps left out ("… › ") when it is wider than `width`: the
    /// newest steps say where the user is.
    static func breadcrumb(_ parts: [String], width: Int) -> String {
        let sep = " › "
        var shown = parts
        while shown.count > 1, DisplayWidth.of(((shown.count < parts.count ? ["…"] : []) + shown).joined(separator: sep)) > width {
            shown.removeFirst()
        }
        return ((shown.count < parts.count ? ["…"] : []) + shown).joined(separator: sep)
    }

    /// 100000 → "100,000".
    static func fmt(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }
}

/// Every field of one row, `key  value`, scrollable; long values wrap.
enum DetailPane {
    static func draw(_ row: Row, _ detail: DetailState, _ def: ListViewDefinition, related: [String] = [], theme: Theme,
                     into screen: inout Screen, in rect: Rect) {
        let scroll = detail.scroll
        let inner = Frame(title: " \(row["name"] ?? row["displayname"] ?? row.id) ").draw(into: &screen, in: rect, theme: theme)
        guard !inner.isEmpty else { return }
        let fields = detail.fields ?? row.fields
        let keyWidth = min(22, max(8, fields.keys.map(\.count).max() ?? 8))
        var lines: [(String, String)] = []
        if !related.isEmpty {
            // The related views, one digit each: a host's instances are one key away from its details.
            let text = related.enumerated().map { "\($0.offset + 1) \($0.element)" }.joined(separator: "  ")
            for (i, part) in wrap(text, width: max(8, inner.width - keyWidth - 2)).enumerated() { lines.append((i == 0 ? "related" : "", part)) }
        }
        if detail.fields == nil, def.dataProvider.fetchOne != nil {
            lines.append(("", detail.error.map { "✗ could not load every field: \($0)" } ?? "⟳ loading every field…"))
        }
        // The view's own detail fields first, in its order; then the rest as the server sent them.
        let first = def.details.compactMap { key in fields[key].map { (key: key, value: $0) } }
        let rest = fields.members.filter { m in !def.details.contains(m.key) }
        for (key, value) in first + rest {
            let text = FieldFormatter.plain(value)
            let valueWidth = max(8, inner.width - keyWidth - 2)
            let wrapped = wrap(text, width: valueWidth)
            for (i, part) in wrapped.enumerated() { lines.append((i == 0 ? key : "", part)) }
        }
        let start = min(scroll, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let y = inner.y + i
            screen.put(line.0, x: inner.x + 1, y: y, style: theme[.label], maxWidth: keyWidth)
            screen.put(line.1, x: inner.x + 2 + keyWidth, y: y, style: theme[.text], maxWidth: inner.maxX - inner.x - 2 - keyWidth)
        }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard DisplayWidth.of(text) > width, width > 0 else { return [text] }
        var out: [String] = []
        var current = ""
        var w = 0
        for ch in text {
            let cw = DisplayWidth.of(String(ch))
            if w + cw > width {
                out.append(current)
                current = ""
                w = 0
            }
            current.append(ch)
            w += cw
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}

/// How a state cell looks: problems in the error style, transitions and maintenance in the warning style,
/// healthy states in the success style, inactive ones dimmed. Only the colour and attributes change; the row
/// keeps its background.
enum StateStyle {
    enum Meaning: Equatable {
        case normal, good, inactive, pending, warning, attention, error
    }

    static func meaning(of state: String) -> Meaning {
        switch state.lowercased() {
        case "running", "up", "ready", "enabled", "implemented", "info": return .good
        case "stopped", "disabled", "destroyed", "expunged", "removed", "shutdown", "expunging": return .inactive
        case "starting", "stopping", "migrating", "creating", "allocated", "attaching", "initial", "initialized", "reverting", "restoring", "connecting":
            return .pending
        case "maintenance", "warn", "alert", "disconnected": return .warning
        case "prepareformaintenance", "cancelmaintenance": return .attention
        case "errorinmaintenance", "error", "down", "unknown": return .error
        default: return .normal
        }
    }

    /// The other cells of a row: tinted only for states an operator must notice (error, warning, maintenance) or can
    /// skip (stopped, destroyed, disabled); a running row stays plain, so a screen of them is calm.
    static func rowStyle(for state: String, theme: Theme, over base: Style) -> Style {
        switch meaning(of: state) {
        case .normal, .good, .pending: return base
        case .inactive, .warning, .attention, .error: return style(for: state, theme: theme, over: base)
        }
    }

    static func style(for state: String, theme: Theme, over base: Style) -> Style {
        let role: ThemeRole
        var extra: Style.Attributes = []
        switch meaning(of: state) {
        case .normal: return base
        case .good: role = .success
        case .inactive: role = .dim
        case .pending: role = .pending
        case .warning: role = .warning
        case .attention:
            // Pools on their way into or out of maintenance must stand out, in monochrome too.
            role = .warning
            extra = .bold
        case .error: role = .error
        }
        var s = base
        let r = theme[role]
        s.foreground = r.foreground
        s.attributes.formUnion(r.attributes.union(extra))
        return s
    }
}
