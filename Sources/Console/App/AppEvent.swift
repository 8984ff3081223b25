import CloudStack
import Foundation
import PluginKit
import StorageForms
import TUI

/// Everything that changes the console's state: input, time, and results of effects.
enum AppEvent: Sendable {
    case input(InputEvent)
    case tick(Date)
    case signedIn(UserInfo)
    case apisLoaded([APIInfo])
    case apisFailed(String)
    case pageLoaded(view: String, generation: Int, page: Int, DataPage)
    case pageFailed(view: String, generation: Int, String)
    case detailLoaded(view: String, rowID: String, JSONObject)
    case detailFailed(view: String, rowID: String, String)
    case dashboardLoaded(DashboardData)
    case dashboardFailed(String)
    /// An action queued an async job.
    case actionQueued(track: String, jobID: String)
    /// A bulk row's job was queued; the task that queued it follows it (no separate poll).
    case jobStarted(track: String, jobID: String)
    case actionCompleted(track: String, message: String?)
    /// A command run from the `:` form answered at once: its answer is opened.
    case actionAnswered(track: String, command: String, JSONObject)
    /// A synchronous call whose result has fields to show once (generated keys): shown in a dialog, kept nowhere.
    case actionRevealed(track: String, [Revealed])
    case actionFailed(track: String, String)
    /// The user declined a call the action wanted to send (or it was refused before sending): nothing was sent.
    case actionCancelled(track: String, String)
    /// What an action form's work reports.
    case form(FormEvent)
    /// A running action wants to send a call that changes something and the user has not confirmed yet.
    case approvalNeeded(track: String, Dialog, CallApproval)
    case jobFinished(track: String, AsyncJob)
    case jobFailed(track: String, String)
    /// What the plugins' work reports (plugins.json read again, custom content).
    case plugins(PluginEvent)
    case profileSwitched(name: String, host: String, api: ConsoleAPI)
    case profileSwitchFailed(String)
    /// What the add-storage dialogs' work reports.
    case storage(StorageEvent)
    /// A fatal condition: leave the console with this message.
    case fatal(String)
}

/// One API as listApis describes it: what the `:` palette offers and generic views' columns.
struct APIInfo: Sendable, Equatable {
    var name: String
    var isAsync: Bool
    var responseFields: [String]
    /// Its parameters as listApis describes them (the `:` form of any command is built from them).
    var params: [APIParamInfo] = []
}

/// One parameter of a command, from listApis: name, type (string, uuid, boolean, integer, long, short, float,
/// date, list, map), whether it is required, its description and maximum length.
struct APIParamInfo: Sendable, Equatable {
    var name: String
    var type: String
    var required: Bool
    var description: String
    var length: Int?
}

/// What the dashboard shows.
struct DashboardData: Sendable, Equatable {
    struct ZoneCapacity: Sendable, Equatable {
        var zone: String
        /// (label, used, total) for CPU, memory and primary storage.
        var gauges: [(String, Double, Double)]
        static func == (a: ZoneCapacity, b: ZoneCapacity) -> Bool {
            a.zone == b.zone && a.gauges.map(\.0) == b.gauges.map(\.0) && a.gauges.map(\.1) == b.gauges.map(\.1)
        }
    }

    /// One of the signed-in account's resources with its limit, for a user or domain admin (who has no capacity).
    struct OwnResource: Sendable, Equatable {
        var label: String
        var total: Int
        /// The limit as the server gives it: a number, or nil for "Unlimited" (or a value that is not a count).
        var limit: Int?
        /// "12 running · 3 stopped" for instances.
        var detail: String?
    }

    var zones: [ZoneCapacity] = []
    /// The account's own resources (non-admins); empty for an admin, who sees capacity instead.
    var own: [OwnResource] = []
    /// The account `own` belongs to.
    var ownAccount: String?
    /// VM counts by state, in a fixed order.
    var vmStates: [(String, Int)] = []
    var alerts: [String] = []
    var events: [String] = []
    var loadedAt: Date?

    static func == (a: DashboardData, b: DashboardData) -> Bool {
        a.zones == b.zones && a.vmStates.map(\.0) == b.vmStates.map(\.0) && a.vmStates.map(\.1) == b.vmStates.map(\.1)
            && a.alerts == b.alerts && a.events == b.events && a.own == b.own && a.ownAccount == b.ownAccount
    }
}

/// Work for the effect runner; results come back as events.
enum Effect: Sendable {
    /// Who am I, and which APIs may I call (listApis).
    case signIn
    case loadPage(ListViewDefinition, generation: Int, page: Int, pageSize: Int)
    case loadDetail(ListViewDefinition, rowID: String)
    case loadDashboard
    case runAction(track: String, PendingAction)
    case form(FormEffect)
    /// The user's answer to a call a running action asked to send.
    case answerApproval(CallApproval, Bool)
    case pollJob(track: String, jobID: String, command: String)
    case switchProfile(String)
    case plugins(PluginEffect)
    case storage(StorageEffect)
    case quit
}
