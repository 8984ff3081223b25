import CloudStack
import Foundation
import PluginKit
import StorageForms
import TUI

/// Keys when no overlay is open: what the key table says they do, then the row actions' own keys.
enum Keys {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        let context = KeyBindings.context(s)
        switch KeyBindings.command(for: key, in: context) {
        case .help?:
            s.overlay = .help(Help.view(for: s))
            return []
        case .palette?:
            s.overlay = .palette(Palette())
            return []
        case .notifications?:
            s.overlay = .tray(Tray(items: s.jobs.jobs.map { $0.trayItem(now: s.now) }))
            return []
        case .switchFocus?:
            s.focus = s.focus == .main ? .navbar : .main
            s.navbar.isFocused = s.focus == .navbar
            return []
        case .back?:
            return back(key, &s)
        case .refresh?:
            Update.flash(&s, "Refreshing \(s.currentList?.definition.title ?? "dashboard")…", error: false)
            return Update.reload(s.section, &s)
        case .autoRefresh?:
            s.autoRefresh.toggle()
            Update.flash(&s, s.autoRefresh ? "Auto-refresh on, every \(Int(s.autoRefreshInterval)) s" : "Auto-refresh off", error: false)
            return []
        default:
            break
        }
        switch context {
        case .navbar: return navbarKey(key, &s)
        case .pluginsListing: return PluginsKeys.handle(key, &s)
        default: return mainKey(key, &s)
        }
    }

    /// q/Esc: close the detail pane, then clear the marks, then the filter, then go back up a drill-down, then go to
    /// the navbar;
    /// q in the navbar quits.
    static func back(_ key: Key, _ s: inout AppState) -> [Effect] {
        if s.section == Sections.plugins, s.plugins.detail != nil, s.focus == .main {
            s.plugins.detail = nil
            return []
        }
        if s.detail != nil {
            s.detail = nil
            return []
        }
        if var list = s.currentList, !list.marked.isEmpty, s.focus == .main {
            list.marked = []
            s.lists[s.section] = list
            return []
        }
        if var list = s.currentList, !list.filter.isEmpty, s.focus == .main {
            list.filter = TextInput()
            list.recompute(keepID: list.selectedRow?.id)
            s.lists[s.section] = list
            return []
        }
        if s.focus == .main, DrillDown.back(&s) { return [] }
        if s.focus == .main {
            s.focus = .navbar
            s.navbar.isFocused = true
            return []
        }
        if key == .char("q") {
            s.quitting = true
            return [.quit]
        }
        return []
    }

    /// j/k/g/G as the arrows and Home/End they stand for.
    static func movement(_ key: Key) -> Key {
        switch key {
        case .char("j"): .down
        case .char("k"): .up
        case .char("g"): .home
        case .char("G"): .end
        default: key
        }
    }

    static func navbarKey(_ key: Key, _ s: inout AppState) -> [Effect] {
        switch KeyBindings.command(for: key, in: .navbar) {
        case .openSection?:
            s.focus = .main
            s.navbar.isFocused = false
            return Update.open(s.navbar.selectedID ?? Sections.dashboard, &s)
        case .moveInNavbar?:
            _ = s.navbar.handle(movement(key))
            // Moving through the navbar shows each section at once, as the web UI does on click; a group only opens.
            if let id = s.navbar.selectedID, s.navbar.items.first(where: { $0.id == id })?.children.isEmpty ?? true {
                return Update.open(id, &s)
            }
            return []
        default:
            return []
        }
    }

    static func mainKey(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard var list = s.currentList else { return [] }
        let layout = ScreenLayout(s)
        let visibleRows = max(1, layout.table.height - 1)
        let command = KeyBindings.command(for: key, in: .list)
        if s.detail != nil, command == .move, [.up, .down, .char("j"), .char("k")].contains(key) {
            // With the detail pane open the arrows scroll it; the row stays.
            let delta = (key == .up || key == .char("k")) ? -1 : 1
            let scroll = max(0, (s.detail?.scroll ?? 0) + delta)
            s.detail?.scroll = scroll
            return []
        }
        switch command {
        case .toNavbar?:
            s.focus = .navbar
            s.navbar.isFocused = true
            return []
        case .filter?:
            list.isEditingFilter = true
        case .mark?:
            list.toggleMark()
            _ = list.table.handle(.down, rowCount: list.visible.count, visibleRows: visibleRows)
        case .markAll?:
            list.markAllShown()
        case .serverFilter?:
            s.lists[list.id] = list
            return ServerFilter.open(&s)
        case .sortNext?:
            let next = ((list.table.sortColumn ?? -1) + 1)
            list.table.sortColumn = next < list.definition.fields.count ? next : nil
            list.table.sortAscending = true
            list.recompute(keepID: list.selectedRow?.id)
        case .sortReverse?:
            if list.table.sortColumn == nil { list.table.sortColumn = 0 }
            list.table.sortAscending.toggle()
            list.recompute(keepID: list.selectedRow?.id)
        case .details?:
            if let row = list.selectedRow {
                s.lists[list.id] = list
                return Update.showDetail(list, row, &s)
            }
        case .actionMenu?:
            guard let row = list.selectedRow else { return [] }
            let ctx = s.context(selectedIn: list.id)
            let offered = list.definition.actions.filter { $0.isOffered(for: row, in: ctx) }
            if offered.isEmpty {
                Update.flash(&s, s.readOnly ? "Read-only mode: no actions" : "No actions for this row in its state", error: false)
            } else {
                s.overlay = .actionMenu(ActionMenu(listView: list.id, row: row, actions: offered))
            }
            return []
        case .related?:
            guard case .char(let c) = key, let n = c.wholeNumberValue, n >= 1 else { return [] }
            s.lists[list.id] = list
            return DrillDown.open(n - 1, &s)
        case .headerAction? where HeaderActions.first(list) != nil:
            s.lists[list.id] = list
            return HeaderActions.run(list, &s)
        case .move?:
            if !list.table.handle(movement(key), rowCount: list.visible.count, visibleRows: visibleRows) { return [] }
            if s.detail != nil, let row = list.selectedRow {
                s.lists[list.id] = list
                return Update.showDetail(list, row, &s)
            }
        default:
            // The row actions' own keys. Several actions may share a key for rows of different kinds (Delete of an
            // image or a staging store): the one this row offers runs.
            guard case .char(let c) = key, list.definition.actions.contains(where: { $0.key == c }), let row = list.selectedRow else { return [] }
            let ctx = s.context(selectedIn: list.id)
            let candidates = list.definition.actions.filter { $0.key == c }
            guard let action = candidates.first(where: { $0.isOffered(for: row, in: ctx) }) ?? candidates.first else { return [] }
            s.lists[list.id] = list
            return Actions.trigger(action, view: list.id, row: row, &s)
        }
        s.lists[list.id] = list
        return []
    }
}

/// Keys in the Plugins listing: move, Enter for details, R to reload plugins.json and every config.json.
enum PluginsKeys {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        let count = s.plugins.loaded.count
        switch KeyBindings.command(for: key, in: .pluginsListing) {
        case .reloadPlugins?:
            guard !s.plugins.roots.isEmpty else {
                Update.flash(&s, "No plugins folder", error: true)
                return []
            }
            return [.plugins(.reload(roots: s.plugins.roots, swiftPlugins: s.plugins.swiftPlugins))]
        case .pluginDetails?:
            guard s.plugins.table.selectedRow < count else { return [] }
            let id = s.plugins.loaded[s.plugins.table.selectedRow].id
            s.plugins.detail = s.plugins.detail == id ? nil : id
        case .toNavbar?:
            s.focus = .navbar
            s.navbar.isFocused = true
        case .move?:
            _ = s.plugins.table.handle(Keys.movement(key), rowCount: count, visibleRows: max(1, s.height - 4))
            if s.plugins.detail != nil, s.plugins.table.selectedRow < count { s.plugins.detail = s.plugins.loaded[s.plugins.table.selectedRow].id }
        default:
            break
        }
        return []
    }
}
