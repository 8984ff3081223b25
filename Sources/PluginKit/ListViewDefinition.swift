import StorageForms

/// A list view (the web UI's `listView`): columns, where rows come from, and row actions.
/// Built-in sections and plugins are both made of these.
public struct ListViewDefinition: Sendable {
    public var id: String
    public var title: String
    public var fields: [ListField]
    public var dataProvider: DataProvider
    public var actions: [RowAction]
    /// The field whose value colours the row (e.g. `state`).
    public var stateField: String?
    /// Actions of the view itself (Add …), run with A or +.
    public var headerActions: [ActionSpec] = []
    /// Views reachable from a row.
    public var related: [RelatedView] = []
    /// Fields the detail pane shows first.
    public var details: [String] = []
    /// Parameters the list is narrowed to (a drill-down from a row, a filter form), sent with every page.
    public var narrowing: [String: String] = [:]
    /// The list API the rows come from, when one does (for listApis checks).
    public var command: String?
    /// Fields the list can be narrowed by on the server (`ViewSpec.filters`).
    public var filters: [FieldSpec] = []
    /// The field rows are ordered by until the user sorts by a column (`ViewSpec.orderBy`).
    public var orderBy: String?
    /// Reload every few seconds while a row's field contains one of these texts (`ViewSpec.refreshWhile`).
    public var refreshWhile: [String: [String]] = [:]

    public init(id: String, title: String, fields: [ListField], dataProvider: DataProvider, actions: [RowAction] = [], stateField: String? = nil) {
        self.id = id
        self.title = title
        self.fields = fields
        self.dataProvider = dataProvider
        self.actions = actions
        self.stateField = stateField
    }
}

/// A plugin's extra row action on a built-in view, e.g. on `instances` or `primary-storage` (k9s plugin scopes).
public struct ScopedAction: Sendable {
    /// The list-view ids it attaches to.
    public var scopes: [String]
    public var action: RowAction

    public init(scopes: [String], action: RowAction) {
        self.scopes = scopes
        self.action = action
    }
}
