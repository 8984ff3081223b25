import CloudStack
import PluginKit
import StorageForms

/// Flows that need Swift, named by an action's `component` (the web UI's `component:`): the add-storage dialogs.
enum Components {
    static let names: Set<String> = ["addPrimaryStorage", "addSecondaryStorage"]

    /// The storage dialog a component opens.
    static func storageKind(_ component: String?) -> StorageKind? {
        switch component {
        case "addPrimaryStorage": .primary
        case "addSecondaryStorage": .image
        default: nil
        }
    }

    /// The command a component's flow sends first (what read-only mode and listApis decide on).
    static func command(_ component: String) -> String? {
        storageKind(component).map(StorageDialogs.command)
    }
}

/// A view's header action (Add …), run with A or +: a component's flow, or a declared call with no row.
enum HeaderActions {
    static func first(_ list: ListModel) -> ActionSpec? { list.definition.headerActions.first }

    /// Whether A is offered: a header action whose command the user may send (and not in read-only mode).
    static func offered(_ list: ListModel, _ s: AppState) -> Bool {
        guard let action = first(list), let command = action.command ?? action.component.flatMap(Components.command) else { return false }
        return !s.readOnly && s.isAllowed(command)
    }

    static func run(_ list: ListModel, _ s: inout AppState) -> [Effect] {
        guard let action = first(list) else { return [] }
        if let kind = Components.storageKind(action.component) { return StorageDialogs.open(kind, &s) }
        let none = Row(id: "", fields: JSONObject())
        let declared = rowActions(list)
        if declared.count > 1 {
            // Several (Archive alerts…, Delete alerts…): a menu of those this user may run.
            let ctx = s.context(selectedIn: list.id)
            let offered = declared.filter { $0.isOffered(for: none, in: ctx) }
            guard !offered.isEmpty else {
                Update.flash(&s, "No actions on \(list.definition.title) for this account", error: false)
                return []
            }
            s.overlay = .actionMenu(ActionMenu(listView: list.id, row: none, actions: offered))
            return []
        }
        return Actions.trigger(declared[0], view: list.id, row: none, &s)
    }

    /// The view's declared header actions as row actions with no row (no id is sent).
    static func rowActions(_ list: ListModel) -> [RowAction] {
        list.definition.headerActions.filter { $0.component == nil }.map { spec in
            var spec = spec
            spec.idParameter = nil
            return RowAction(spec)
        }
    }
}
