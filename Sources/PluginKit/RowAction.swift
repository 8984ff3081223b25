import CloudStack

/// What an action did: finished at once, or queued an async job the console polls and notifies about.
public enum ActionOutcome: Sendable, Equatable {
    case completed(message: String?)
    case asyncJob(jobID: String)
}

/// A value the user is asked for before an action runs (k9s's prompted variables).
public struct ActionInput: Sendable, Equatable {
    /// `bytes`: a size typed as `1099511627776`, `500G` or `40T` (binary units), passed on as the byte count.
    public enum Kind: String, Sendable, Equatable, Codable { case text, secret, number, bool, bytes }
    public var key: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var defaultValue: String?
    /// The selected row's field the input starts with (e.g. `tags` for an Update form); `defaultValue` when
    /// the row has no such field.
    public var rowField: String?

    public init(key: String, label: String, kind: Kind = .text, required: Bool = false, defaultValue: String? = nil, rowField: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.rowField = rowField
    }

    /// What the input starts with for `row`: the row's `rowField` when it has one, else `defaultValue`.
    public func initialValue(for row: Row) -> String? {
        if let rowField, let value = row[rowField] {
            if kind == .bytes, let n = Int64(value) { return ByteSize.short(n) }
            return value
        }
        return defaultValue
    }
}

/// A row action of a list view (the web UI's `actions`): label, confirm and notification messages, the call.
public struct RowAction: Sendable {
    public var id: String
    public var label: String
    /// The key that runs it in the list view.
    public var key: Character?
    /// Changes something: hidden and refused in read-only mode.
    public var isMutating: Bool
    /// API commands it calls; the action is offered only when listApis offers all of them.
    public var requiredAPIs: [String]
    public var inputs: [ActionInput]
    /// `messages.confirm`: asked before running; nil runs without asking.
    public var confirm: (@Sendable (PluginContext) -> String)?
    /// `messages.notification`: the notification's title while it runs and when it ends.
    public var notification: @Sendable (PluginContext) -> String
    /// Whether the action makes sense for this row (e.g. Start only for a Stopped VM).
    public var isAvailable: @Sendable (Row, PluginContext) -> Bool
    public var perform: @Sendable (PluginContext) async throws -> ActionOutcome

    public init(id: String, label: String, key: Character? = nil, isMutating: Bool = true, requiredAPIs: [String] = [],
                inputs: [ActionInput] = [],
                confirm: (@Sendable (PluginContext) -> String)?,
                notification: @escaping @Sendable (PluginContext) -> String,
                isAvailable: @escaping @Sendable (Row, PluginContext) -> Bool = { _, _ in true },
                perform: @escaping @Sendable (PluginContext) async throws -> ActionOutcome) {
        self.id = id
        self.label = label
        self.key = key
        self.isMutating = isMutating
        self.requiredAPIs = requiredAPIs
        self.inputs = inputs
        self.confirm = confirm
        self.notification = notification
        self.isAvailable = isAvailable
        self.perform = perform
    }

    /// Whether the action is offered for `row`: allowed by read-only mode, by listApis, and by the row's state.
    public func isOffered(for row: Row, in context: PluginContext) -> Bool {
        if isMutating && context.readOnly { return false }
        guard requiredAPIs.allSatisfy(context.api.isAllowed) else { return false }
        return isAvailable(row, context)
    }

    /// An action that calls one API command with the selected row's id (and any inputs) and reports its job.
    public static func api(id: String, label: String, key: Character? = nil, listView: String, command: String,
                           idParameter: String = "id", extra: [(String, String)] = [], inputs: [ActionInput] = [],
                           isMutating: Bool = true,
                           confirm: String?, notification: String,
                           isAvailable: @escaping @Sendable (Row, PluginContext) -> Bool = { _, _ in true }) -> RowAction {
        var confirmText: (@Sendable (PluginContext) -> String)? = nil
        if let confirm { confirmText = { @Sendable (_: PluginContext) -> String in confirm } }
        let perform: @Sendable (PluginContext) async throws -> ActionOutcome = { context in
            guard let row = context.row(listView) else {
                throw CloudStackError.configuration("\(label): no row is selected")
            }
            var params = [(idParameter, row.id)] + extra
            for input in inputs {
                guard let v = context.inputs[input.key], !v.isEmpty else { continue }
                params.append((input.key, input.kind == .bytes ? ByteSize.parse(v).map(String.init) ?? v : v))
            }
            let response = try await context.api.call(command, params)
            if let job = response.jobID { return .asyncJob(jobID: job) }
            return .completed(message: nil)
        }
        return RowAction(id: id, label: label, key: key, isMutating: isMutating, requiredAPIs: [command], inputs: inputs,
                         confirm: confirmText, notification: { @Sendable (_: PluginContext) -> String in notification },
                         isAvailable: isAvailable, perform: perform)
    }
}
