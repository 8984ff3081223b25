import CloudStack

/// Who is signed in, as the server reported it (`listUsers`/`login`): what preFilters and actions look at.
public struct UserInfo: Sendable, Equatable {
    public var username: String
    public var account: String
    public var domain: String
    /// `Admin`, `DomainAdmin`, `ResourceAdmin` or `User`.
    public var roleType: String

    public init(username: String, account: String, domain: String, roleType: String) {
        self.username = username
        self.account = account
        self.domain = domain
        self.roleType = roleType
    }

    public var isRootAdmin: Bool { roleType == "Admin" }
}

/// What a plugin or section sees: the user, the rows selected in each list view, and the management API.
public struct PluginContext: Sendable {
    public var user: UserInfo
    /// Selected rows keyed by list-view id (the web UI's `args.context.<listViewId>`).
    public var selected: [String: [Row]]
    /// Values the user typed into an action's inputs, by input key.
    public var inputs: [String: String]
    public var api: APIHelper
    /// Hides and refuses every action that changes something.
    public var readOnly: Bool

    public init(user: UserInfo, selected: [String: [Row]] = [:], inputs: [String: String] = [:], api: APIHelper, readOnly: Bool = false) {
        self.user = user
        self.selected = selected
        self.inputs = inputs
        self.api = api
        self.readOnly = readOnly
    }

    /// The first selected row of `listView`, the usual subject of a row action.
    public func row(_ listView: String) -> Row? { selected[listView]?.first }
}
