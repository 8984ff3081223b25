import PluginKit
import TUI

/// The Plugins section: the listing (icon, title, desc, status) and the selected plugin's details.
enum PluginsPane {
    static func draw(_ s: AppState, into screen: inout Screen, in rect: Rect) {
        let theme = s.theme
        let p = s.plugins
        screen.put("Plugins", x: rect.x + 1, y: rect.y, style: theme[.title], maxWidth: rect.width - 2)
        let count = "  \(p.loaded.count) enabled in plugins.json   R reload"
        screen.put(count, x: rect.x + 8, y: rect.y, style: theme[.dim], maxWidth: max(0, rect.width - 9))
        // A plugins.json that cannot be read is named above the plugins the other roots still gave.
        var top = rect.y + 1
        if let error = p.listError {
            screen.put("✗ " + error, x: rect.x + 1, y: top, style: theme[.error], maxWidth: rect.width - 2)
            top += 1
        }
        guard !p.loaded.isEmpty else {
            let user = (p.roots.first { $0.origin == .user } ?? p.roots.last)?.path ?? "~/.config/cstui/plugins"
            screen.put("No plugins are enabled: list plugin ids in \(user)/plugins.json, then press R.",
                       x: rect.x + 1, y: top + 1, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        let detailOpen = p.detail != nil
        let below = rect.maxY - top
        let tableHeight = detailOpen ? min(p.loaded.count + 1, max(3, below / 3)) : below
        let tableRect = Rect(x: rect.x, y: top, width: rect.width, height: tableHeight)
        let columns = [TableColumn("", minWidth: 2, maxWidth: 3, weight: 0, priority: 9), TableColumn("Title", minWidth: 14, weight: 2, priority: 8),
                       TableColumn("Description", minWidth: 12, weight: 3, priority: 5), TableColumn("Status", minWidth: 8, weight: 2, priority: 7)]
        let rows = p.loaded.map { lp -> [String] in
            let status: String
            switch p.status(lp) {
            case .loaded: status = p.sections.values.contains(lp.id) || hasScoped(lp) ? "loaded" : "hidden"
            case .failed(let why): status = "✗ failed: " + why
            }
            return [lp.manifest?.icon ?? "?", lp.title, lp.manifest?.desc ?? "", status]
        }
        Table(columns: columns, state: p.table, isFocused: s.focus == .main && s.overlay == nil)
            .draw(into: &screen, in: tableRect, theme: theme, data: ClosureTableDataSource(rowCount: rows.count) { r, c in rows[r][c] })
        guard let id = p.detail, let lp = p.loaded.first(where: { $0.id == id }) else { return }
        let detailRect = Rect(x: rect.x, y: tableRect.maxY, width: rect.width, height: rect.maxY - tableRect.maxY)
        let inner = Frame(title: " \(lp.title) ").draw(into: &screen, in: detailRect, theme: theme)
        var lines: [(String, String, ThemeRole)] = [
            ("id", lp.id, .text), ("desc", lp.manifest?.desc ?? "", .text), ("externalLink", lp.manifest?.externalLink ?? "", .accent),
            ("authorName", lp.manifest?.authorName ?? "", .text), ("authorEmail", lp.manifest?.authorEmail ?? "", .text),
            ("kind", lp.plugin is DeclarativePlugin ? "declarative (config.json)" : (lp.plugin != nil ? "Swift, compiled in"
                : (lp.manifest?.storageProviders != nil ? "storage provider forms (config.json)" : "—")), .text),
            ("folder", lp.directory + (lp.root.map { " (\($0.origin.rawValue))" } ?? ""), .text), ("files", lp.files.joined(separator: ", "), .text),
        ]
        if let forms = lp.manifest?.storageProviders?.arrayValue {
            let names = forms.map { "\($0["name"]?.text ?? "?") (\($0["kind"]?.text ?? "?"))" }
            lines.append(("storage forms", names.joined(separator: ", ") + " — in Storage › A", .text))
        }
        switch p.status(lp) {
        case .loaded:
            let shown = p.sections.values.contains(lp.id) || hasScoped(lp) || lp.manifest?.storageProviders != nil
            lines.append(("status", shown ? "loaded" : "loaded; not shown to this user (its preFilter)", .success))
        case .failed(let why): lines.append(("status", "failed: " + why, .error))
        }
        for (i, line) in lines.enumerated() where i < inner.height {
            screen.put(line.0, x: inner.x + 1, y: inner.y + i, style: theme[.label], maxWidth: 13)
            screen.put(line.1, x: inner.x + 15, y: inner.y + i, style: theme[line.2], maxWidth: max(0, inner.width - 16))
        }
    }

    /// A plugin's own content (`show`): its lines, or why it failed.
    static func drawCustom(_ pluginID: String, _ s: AppState, into screen: inout Screen, in rect: Rect) {
        let lp = s.plugins.loaded.first { $0.id == pluginID }
        let theme = lp?.theme?.adapted(to: s.colorDepth) ?? s.theme
        screen.fill(rect, style: theme[.background])
        screen.put(lp?.title ?? pluginID, x: rect.x + 1, y: rect.y, style: theme[.title], maxWidth: rect.width - 2)
        if let problem = s.plugins.runtimeProblems[pluginID] {
            screen.put("✗ " + problem, x: rect.x + 1, y: rect.y + 2, style: theme[.error], maxWidth: rect.width - 2)
            return
        }
        guard let lines = s.plugins.customLines[pluginID] else {
            screen.put("⟳ loading", x: rect.x + 1, y: rect.y + 2, style: theme[.pending], maxWidth: rect.width - 2)
            return
        }
        for (i, line) in lines.prefix(max(0, rect.height - 2)).enumerated() {
            screen.put(line, x: rect.x + 1, y: rect.y + 2 + i, style: theme[.text], maxWidth: rect.width - 2)
        }
    }

    static func hasScoped(_ lp: LoadedPlugin) -> Bool { !(lp.plugin?.scopedActions.isEmpty ?? true) }
}
