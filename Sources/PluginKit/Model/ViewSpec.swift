import CloudStack

/// A section as data (the web UI's `ui/src/config/section/*.js`): where it sits in the navbar, the list API it reads,
/// its columns, detail fields, related views and actions. Built-in sections and declarative plugins are both this;
/// a Swift plugin can build one too.
public struct ViewSpec: Sendable {
    public var id: String
    public var title: String
    /// Where the section sits in the navbar; nil: under Plugins (a plugin that does not say).
    public var navbar: NavbarPlacement?
    /// More names the `:` palette accepts for it (its id always works).
    public var aliases: [String]
    public var source: ListSource
    public var columns: [ListField]
    /// The field whose value colours the row; by default `state` when a column shows it.
    public var stateField: String?
    /// Fields the detail pane shows first, in this order (the rest follow).
    public var details: [String]
    /// Views an operator goes to from a row (a host's VMs): the related view, filtered by a parameter from the row.
    public var related: [RelatedView]
    /// Actions of the view itself (Add …), run with no row.
    public var headerActions: [ActionSpec]
    public var actions: [ActionSpec]

    public init(id: String, title: String, navbar: NavbarPlacement? = nil, aliases: [String] = [], source: ListSource,
                columns: [ListField], stateField: String? = nil, details: [String] = [], related: [RelatedView] = [],
                headerActions: [ActionSpec] = [], actions: [ActionSpec] = []) {
        self.id = id
        self.title = title
        self.navbar = navbar
        self.aliases = aliases
        self.source = source
        self.columns = columns
        self.stateField = stateField
        self.details = details
        self.related = related
        self.headerActions = headerActions
        self.actions = actions
    }
}

/// A navbar position: a group ("storage", "infrastructure", or nil for the top level) and an order within it.
public struct NavbarPlacement: Sendable, Equatable {
    public var group: String?
    public var order: Int

    public init(group: String?, order: Int) {
        self.group = group
        self.order = order
    }
}

/// Where a view's rows come from: a list API with fixed parameters, or a data provider registered by name in Swift
/// (for lists the API cannot give in one call, as the web UI's own custom components).
public enum ListSource: Sendable {
    case api(command: String, parameters: [(String, String)], idParameter: String?)
    case provider(String)

    /// The list command, when the rows come from one.
    public var command: String? {
        if case .api(let c, _, _) = self { return c }
        return nil
    }
}

/// A view reachable from a row: `view`'s list filtered by `parameter` = the row's `rowField`.
public struct RelatedView: Sendable, Equatable {
    public var view: String
    public var label: String
    public var parameter: String
    public var rowField: String

    public init(view: String, label: String, parameter: String, rowField: String = "id") {
        self.view = view
        self.label = label
        self.parameter = parameter
        self.rowField = rowField
    }
}
