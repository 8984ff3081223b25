import CloudStack
import StorageForms

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
    /// Fields the list can be narrowed by on the server (`f`: events by level, type and dates), each sent as the
    /// list API's parameter of its key.
    public var filters: [FieldSpec] = []
    /// The field rows are ordered by until the user sorts by a column (domains by `path`, so the tree reads down).
    public var orderBy: String?
    /// While a row shows one of these texts in the field (a template's status "42% Downloaded"), the list reloads
    /// itself every few seconds so the progress moves: field → texts a value contains.
    public var refreshWhile: [String: [String]] = [:]

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

/// A view reachable from a row (a host's VMs): `view`'s list narrowed to `parameter` = the row's `rowField`, plus
/// more parameters from the row (`rowParameters`: an account's VMs need its name and its domain id) and fixed ones
/// (`parameters`: a VM's events are `resourcetype=VirtualMachine`).
public struct RelatedView: Sendable, Equatable {
    public var view: String
    public var label: String
    public var parameter: String
    public var rowField: String
    /// More parameters from the row: parameter → row field.
    public var rowParameters: [String: String]
    /// Fixed parameters.
    public var parameters: [String: String]

    public init(view: String, label: String, parameter: String, rowField: String = "id", rowParameters: [String: String] = [:],
                parameters: [String: String] = [:]) {
        self.view = view
        self.label = label
        self.parameter = parameter
        self.rowField = rowField
        self.rowParameters = rowParameters
        self.parameters = parameters
    }

    /// The row fields the narrowing reads (an account's `name` and `domainid`), which its list keeps in its rows.
    public var rowFields: Set<String> {
        Set([rowField] + rowParameters.values).subtracting(["id"])
    }

    /// The parameters that narrow `view` to `row`; nil when the row lacks a field they need.
    public func narrowing(for row: Row) -> [String: String]? {
        var out = parameters
        let main = rowField == "id" ? row.id : row[rowField]
        guard let main, !main.isEmpty else { return nil }
        out[parameter] = main
        for (parameter, field) in rowParameters {
            guard let v = field == "id" ? row.id : row[field], !v.isEmpty else { return nil }
            out[parameter] = v
        }
        return out
    }
}
