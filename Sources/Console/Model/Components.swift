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

/// A view's header actions (Add …, archive by date), run with A or +: a component's flow, or a declared call with no
/// row. One runs at once; several are offered in a menu, as a row's actions are with x.
enum HeaderActions {
    static func first(_ list: ListModel) -> ActionSpec? { list.definition.headerActions.first }

    /// Whether A is offered: a header action whose command the user may send (and not in read-only mode).
    static func offered(_ list: ListModel, _ s: AppState) -> Bool { !usable(list, s).isEmpty }

    /// The header actions whose command the user may send now.
    static func usable(_ list: ListModel, _ s: AppState) -> [ActionSpec] {
        guard !s.readOnly else { return [] }
        return list.definition.headerActions.filter { action in
            (action.command ?? action.component.flatMap(Components.command)).map(s.isAllowed) ?? false
        }
    }

    /// What the footer and help call A here: the one action's label, or "list actions" for a menu of several.
    static func label(_ list: ListModel) -> String? {
        let all = list.definition.headerActions
        guard let first = all.first else { return nil }
        if all.count > 1 { return "list actions" }
        return Components.storageKind(first.component) != nil ? "add storage" : first.label.lowercased()
    }

    static func run(_ list: ListModel, _ s: inout AppState) -> [Effect] {
        let all = list.definition.headerActions
        guard let action = all.first else { return [] }
        guard all.count > 1 else { return run(action, list, &s) }
        let usable = usable(list, s)
        guard !usable.isEmpty else {
            Update.flash(&s, s.readOnly ? "Read-only mode: no list actions" : "No list actions you may run here", error: s.readOnly)
            return []
        }
        // The menu's row stands for the list itself: it names the list and carries no id to send.
        s.overlay = .actionMenu(ActionMenu(listView: list.id, row: listRow(list), actions: usable.map(rowAction)))
        return []
    }

    static func run(_ action: ActionSpec, _ list: ListModel, _ s: inout AppState) -> [Effect] {
        if let kind = Components.storageKind(action.component) { return StorageDialogs.open(kind, &s) }
        return Actions.trigger(rowAction(action), view: list.id, row: Row(id: "", fields: JSONObject()), &s)
    }

    /// A header action as an action on no row: no id parameter is sent.
    static func rowAction(_ action: ActionSpec) -> RowAction {
        var spec = action
        spec.idParameter = nil
        return RowAction(spec)
    }

    static func listRow(_ list: ListModel) -> Row {
        Row(id: "", fields: JSONObject([("name", JSONValue.string(list.definition.title))]))
    }
}
