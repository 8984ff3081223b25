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
        var spec = action
        spec.idParameter = nil
        return Actions.trigger(RowAction(spec), view: list.id, row: Row(id: "", fields: JSONObject()), &s)
    }
}
