import CloudStack
import StorageForms

/// What an action did: finished at once, or queued an async job the console polls and notifies about.
public enum ActionOutcome: Sendable, Equatable {
    case completed(message: String?)
    case asyncJob(jobID: String)
}

/// A row action of a list view (the web UI's `actions`): label, confirm and notification messages, the call.
///
/// Most actions are one API call planned from the row and the typed inputs (`Body.call`): the console shows that
/// call, parameters and all, in the confirmation and sends exactly it. Swift code that needs more (`Body.custom`)
/// runs with an API through which every call that changes something is shown to the user for confirmation first.
public struct RowAction: Sendable {
    /// How the action does its work.
    public enum Body: Sendable {
        /// The one call to send for the row and the typed inputs (by input key); nil when nothing needs sending.
        case call(@Sendable (Row, [String: String]) throws -> APICall?)
        /// Swift code; its mutating calls are each confirmed by the user before they are sent.
        case custom(@Sendable (PluginContext) async throws -> ActionOutcome)
    }

    public var id: String
    public var label: String
    /// The key that runs it in the list view.
    public var key: Character?
    /// Changes something: hidden and refused in read-only mode, and confirmed before it runs. For planned calls
    /// it follows from the commands; a declaration can only add caution.
    public var isMutating: Bool
    /// Destroys or removes something: its confirmation focuses Cancel and is drawn as a warning.
    public var isDestructive: Bool
    /// API commands it calls; the action is offered only when listApis offers all of them.
    public var requiredAPIs: [String]
    /// The form asked before it runs, in the forms vocabulary (the values reach the call by field key).
    public var inputs: [FieldSpec]
    /// `messages.confirm`: the question asked before it runs; nil: one is made from the label and the row.
    public var confirm: (@Sendable (PluginContext) -> String)?
    /// `messages.notification`: the notification's title while it runs and when it ends.
    public var notification: @Sendable (PluginContext) -> String
    /// Whether the action makes sense for this row (e.g. Start only for a Stopped VM).
    public var isAvailable: @Sendable (Row, PluginContext) -> Bool
    public var body: Body
    /// Parameters a planned call takes from its list's narrowing when the list has them (`ActionSpec.viewParameters`).
    public var viewParameters: [String] = []
    /// Result fields shown once to the user when the call returns (`ActionSpec.reveal`).
    public var reveal: [String] = []
    /// Runs for every marked row when rows are marked (`ActionSpec.multiple`, the web UI's `groupAction`).
    public var multiple = false
    /// The form in steps (a wizard); empty: one page.
    public var steps: [FormStep] = []
    /// Row fields it reads besides the ones its list shows (`ActionSpec.rowFields`); the list keeps them in its rows.
    public var rowFields: Set<String> = []

    /// An action of Swift code (`perform`). `isMutating: false` only hides nothing in read-only mode: whatever the
    /// code calls still passes the read-only gate and the user's confirmation.
    public init(id: String, label: String, key: Character? = nil, isMutating: Bool = true, isDestructive: Bool = false,
                requiredAPIs: [String] = [], inputs: [FieldSpec] = [],
                confirm: (@Sendable (PluginContext) -> String)?,
                notification: @escaping @Sendable (PluginContext) -> String,
                isAvailable: @escaping @Sendable (Row, PluginContext) -> Bool = { _, _ in true },
                perform: @escaping @Sendable (PluginContext) async throws -> ActionOutcome) {
        self.id = id
        self.label = label
        self.key = key
        self.isMutating = isMutating || isDestructive
        self.isDestructive = isDestructive
        self.requiredAPIs = requiredAPIs
        self.inputs = inputs
        self.confirm = confirm
        self.notification = notification
        self.isAvailable = isAvailable
        self.body = .custom(perform)
    }

    /// An action that sends one planned call. `commands` are every command `call` may return: they decide whether
    /// the action mutates and, unless `destructive` says more, whether it is destructive. `requiredAPIs` defaults
    /// to `commands`.
    public init(id: String, label: String, key: Character? = nil, commands: [String], destructive: Bool = false,
                requiredAPIs: [String]? = nil, inputs: [FieldSpec] = [],
                confirm: (@Sendable (PluginContext) -> String)?,
                notification: @escaping @Sendable (PluginContext) -> String,
                isAvailable: @escaping @Sendable (Row, PluginContext) -> Bool = { _, _ in true },
                call: @escaping @Sendable (Row, [String: String]) throws -> APICall?) {
        self.id = id
        self.label = label
        self.key = key
        self.isDestructive = destructive || commands.contains(where: CommandKind.isDestructive)
        self.isMutating = isDestructive || commands.contains { !CommandKind.isReadOnly($0) }
        self.requiredAPIs = requiredAPIs ?? commands
        self.inputs = inputs
        self.confirm = confirm
        self.notification = notification
        self.isAvailable = isAvailable
        self.body = .call(call)
    }

    /// Whether the action is offered for `row`: allowed by read-only mode, by listApis, and by the row's state.
    public func isOffered(for row: Row, in context: PluginContext) -> Bool {
        if isMutating && context.readOnly { return false }
        guard requiredAPIs.allSatisfy(context.api.isAllowed) else { return false }
        return isAvailable(row, context)
    }

    /// The call a planned action sends for `row` and `inputs`; nil for custom actions and when nothing needs sending.
    public func plannedCall(row: Row, inputs: [String: String]) throws -> APICall? {
        guard case .call(let plan) = body else { return nil }
        return try plan(row, inputs)
    }

    /// An action that calls one API command with the selected row's id (as `idParameter`), fixed parameters and
    /// the form's values as the server expects them (a size as a byte count, checkboxes as true/false).
    public static func api(id: String, label: String, key: Character? = nil, command: String,
                           idParameter: String = "id", extra: [(String, String)] = [], inputs: [FieldSpec] = [],
                           destructive: Bool = false, confirm: String?, notification: String,
                           isAvailable: @escaping @Sendable (Row, PluginContext) -> Bool = { _, _ in true }) -> RowAction {
        let spec = ActionSpec(id: id, label: label, key: key, command: command, idParameter: idParameter, parameters: extra,
                              form: inputs, confirm: confirm, notification: notification, destructive: destructive)
        var action = RowAction(spec)
        action.isAvailable = isAvailable
        return action
    }
}
