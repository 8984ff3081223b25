import PluginKit
import TUI

/// The list of row actions offered for the selected row (`x`): ↑↓ j k move, Enter or an action's key runs it.
struct ActionMenu {
    enum Outcome { case open, closed, run(RowAction) }

    var listView: String
    var row: Row
    var actions: [RowAction]
    var selected = 0

    mutating func update(_ key: Key) -> Outcome {
        switch key {
        case .escape, .char("q"), .char("x"): return .closed
        case .up, .char("k"): selected = max(0, selected - 1)
        case .down, .char("j"): selected = min(actions.count - 1, selected + 1)
        case .enter: return actions.indices.contains(selected) ? .run(actions[selected]) : .closed
        case .char(let c):
            if let action = actions.first(where: { $0.key == c }) { return .run(action) }
        default: break
        }
        return .open
    }
}
