import CloudStack
import Foundation
import PluginKit
import StorageForms
import TUI

/// The whole state of the console; `Update` changes it, the views draw it.
struct AppState {
    enum Focus: Equatable { case navbar, main }

    /// What sits on top of the main pane, taking the keys.
    enum Overlay {
        case help(HelpView)
        case tray(Tray)
        case confirm(Dialog, PendingAction)
        /// The values an action asks for before it runs (declarative `inputs`).
        case form(ActionForm)
        /// Add Primary Storage / Add Secondary Storage.
        case storage(StorageDialog)
        case actionMenu(ActionMenu)
        case palette(Palette)
        case message(Dialog)
    }

    var width: Int
    var height: Int
    var profileName: String
    var endpointHost: String
    var user: UserInfo?
    var readOnly: Bool
    /// TLS certificates are not verified (`--insecure`, `verifycert = false`): marked INSECURE in the status line.
    var insecure = false
    var theme: Theme
    /// What the terminal can show, for themes loaded later (plugin panes).
    var colorDepth: ColorDepth = .full256
    var navbar: Navbar
    var focus: Focus = .main
    var section: String = Sections.dashboard
    /// The drill-down steps that led to the current list (empty in a section opened from the navbar).
    var trail: [Crumb] = []
    var lists: [String: ListModel] = [:]
    var dashboard = DashboardData()
    var dashboardLoading = false
    /// The first dashboard load waits for listApis (it loads what the role may see).
    var dashboardAwaitsApis = false
    var dashboardError: String?
    var overlay: Overlay?
    /// A wizard under its review: Esc on the review goes back to its last step with everything typed.
    var reviewedForm: ActionForm?
    /// The detail pane of the selected row (Enter), with its scroll offset.
    var detail: DetailState?
    var jobs = JobTracker()
    /// What listApis offers this user (empty until known: then everything is offered). The one holder.
    var apis: [APIInfo] = [] {
        didSet { allowedNames = apis.isEmpty ? nil : Set(apis.map { $0.name.lowercased() }) }
    }
    private(set) var allowedNames: Set<String>?
    /// The signed-in API, the one holder (a profile switch replaces it).
    var api: any ConsoleSession
    var pageSize = 500
    var autoRefresh = false
    var autoRefreshInterval: Double = 30
    /// A short message in the status line (errors in the error colour) and when it goes away.
    var flash: (text: String, isError: Bool, until: Date)?
    var now = Date()
    var quitting = false
    var plugins = PluginState()
    /// The add-storage forms: built-in, plus what enabled storage plugins contribute.
    var storageForms = StorageFormCatalog.builtIn()
    /// Numbers dialogs, so answers for a dialog already closed are dropped.
    var nextDialogID = 0
    /// The history file `:history` lists (the console's API writes it); nil: none is kept.
    var history: HistoryLog?
    /// Calls running actions want to send and the user has not yet answered; the first is shown above everything.
    var approvals: [ApprovalRequest] = []

    init(width: Int, height: Int, profileName: String, endpointHost: String, readOnly: Bool, theme: Theme, api: any ConsoleSession) {
        self.width = width
        self.height = height
        self.profileName = profileName
        self.endpointHost = endpointHost
        self.readOnly = readOnly
        self.theme = theme
        self.api = api
        navbar = Navbar(items: Sections.navItems(), selectedID: Sections.dashboard, isFocused: false)
        for def in Sections.builtInListViews() { lists[def.id] = ListModel(definition: def) }
    }

    var currentList: ListModel? { lists[section] }

    /// Under 120 columns a list with the focus takes the navbar's width too; the title line names where it is.
    var navbarCollapsed: Bool { width < 120 && focus == .main && currentList != nil && section != Sections.plugins }

    /// Whether listApis offers `command` to this user; true while listApis is unknown.
    func isAllowed(_ command: String) -> Bool { allowedNames?.contains(command.lowercased()) ?? true }

    /// The context actions and data providers see.
    func context(selectedIn view: String? = nil, inputs: [String: String] = [:]) -> PluginContext {
        var selected: [String: [Row]] = [:]
        if let view, let row = lists[view]?.selectedRow { selected[view] = [row] }
        // Data providers, plugin content and detail loads only read; actions get their own gate when they run.
        return PluginContext(user: user ?? UserInfo(username: "", account: "", domain: "", roleType: "User"),
                             selected: selected, inputs: inputs, api: ReadingAPI(base: api, allowed: allowedNames), readOnly: readOnly)
    }
}

/// An action on its way: its row, its context and, for planned actions, the call the user is asked to confirm.
struct PendingAction: Sendable {
    var action: RowAction
    var listView: String
    var row: Row
    var context: PluginContext
    /// The call to send, planned from the row and the inputs (nil for custom actions until they make one).
    var call: APICall?
    /// The narrowing of the list it runs in (a zone's settings: `zoneid`), for the action's `viewParameters`.
    var narrowing: [String: String] = [:]
    /// A bulk action: the same action for the other marked rows, confirmed together and run as one.
    var others: [PendingAction] = []
    /// Marked rows the action is not offered for (their state), named in the confirmation.
    var skipped = 0
    /// One row of a bulk run: it waits for a free slot, and its job is followed by the same task.
    var isBulkRow = false
    /// A command run from the `:` form: what it answers is shown (a list, or the details of what came back).
    var showsResult = false
    /// What the form's pickers showed for the values chosen (an id → `zone-ams1`), so the review names them.
    var choiceLabels: [String: String] = [:]
    /// The confirmation is a wizard's review step.
    var reviewsWizard: Bool { !action.steps.isEmpty }
}

/// A call a running action wants to send, waiting for the user's Yes or No.
struct ApprovalRequest {
    var track: String
    var dialog: Dialog
    var approval: CallApproval
}

struct DetailState: Equatable {
    var listView: String
    var rowID: String
    var scroll = 0
    /// Every field, once fetched (lists keep only the fields they show).
    var fields: JSONObject?
    var error: String?
}
