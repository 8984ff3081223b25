import PluginKit
import TUI

/// Mouse clicks on navbar items and rows, and the wheel.
enum Mouse {
    static func handle(_ m: MouseEvent, _ s: inout AppState) -> [Effect] {
        guard s.overlay == nil else { return [] }
        let layout = ScreenLayout(s)
        switch m.action {
        case .scrollUp, .scrollDown:
            guard var list = s.currentList else { return [] }
            list.table.move(by: m.action == .scrollUp ? -3 : 3, rowCount: list.visible.count, visibleRows: max(1, layout.table.height - 1))
            s.lists[list.id] = list
            return []
        case .click:
            if layout.navbar.contains(x: m.x, y: m.y), let id = s.navbar.itemID(atY: m.y, in: layout.navbar) {
                s.navbar.selectedID = id
                s.focus = .main
                s.navbar.isFocused = false
                return Update.open(id, &s)
            }
            if layout.table.contains(x: m.x, y: m.y), var list = s.currentList {
                let table = Table(columns: [], state: list.table)
                if let row = table.row(atY: m.y, in: layout.table, rowCount: list.visible.count) {
                    list.table.select(row, rowCount: list.visible.count, visibleRows: max(1, layout.table.height - 1))
                    s.lists[list.id] = list
                    s.focus = .main
                    s.navbar.isFocused = false
                }
            }
            return []
        }
    }
}
