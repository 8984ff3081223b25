import CloudStack
import StorageForms

/// An action as data (the web UI's `{api, label, message, args, show, mapping, groupAction}`): the command it sends,
/// the parameters it takes from the row, fixed ones and a form's, when it is offered, and its texts. A flow that needs
/// Swift names a `component` instead (the web UI's `component:`), e.g. the add-storage dialogs.
public struct ActionSpec: Sendable {
    public var id: String
    public var label: String
    public var key: Character?
    /// The API command; nil for a component.
    public var command: String?
    /// A named custom flow the console provides.
    public var component: String?
    /// The parameter that carries the row's id (default `id`); nil sends none.
    public var idParameter: String?
    /// Parameters taken from other fields of the row: (parameter, row field).
    public var rowParameters: [(String, String)]
    /// Fixed parameters.
    public var parameters: [(String, String)]
    /// The form asked before it runs, in the forms vocabulary.
    public var form: [FieldSpec]
    /// Offered only for rows whose `stateField` is one of these.
    public var states: [String]?
    /// Not offered for rows whose `stateField` is one of these (Update for a Removed pool).
    public var hiddenStates: [String] = []
    public var stateField: String
    /// Offered only for rows whose fields have these values (the web UI's `show(record)`).
    public var show: [String: [String]]
    /// The question asked first (`{name}` inserts the row's name); nil: one is made from the label.
    public var confirm: String?
    /// The notification's title (`{name}` inserts the row's name).
    public var notification: String
    /// Declared caution: destructive even when the command's name does not say so (never less than the command says).
    public var destructive: Bool
    /// Can act on several selected rows at once (the web UI's `groupAction`).
    public var multiple: Bool
    /// APIs that must be offered by listApis besides the command.
    public var requires: [String]
    /// For actions a plugin adds to built-in views: the views they join.
    public var scopes: [String]
    /// Offered only to users of these role types (Admin, DomainAdmin, ResourceAdmin, User), as the web UI's
    /// `show: (record, store) => ['Admin'].includes(store.userInfo.roletype)`; nil: every role listApis allows.
    public var roles: [String]?
    /// Parameters taken from the list's narrowing when it has them: a setting edited in a zone's settings is sent
    /// with that `zoneid`.
    public var viewParameters: [String] = []
    /// Result fields shown to the user once, in a dialog, when the call returns (generated API keys, a reset
    /// password, a new key pair's private key); never kept in the tray, the flash or any file.
    public var reveal: [String] = []
    /// A wizard: the form in steps, each titled, answered in order (Esc goes back one step, typed input stays); the
    /// planned call is the review. `form` holds every step's fields.
    public var steps: [FormStep] = []

    public init(id: String, label: String, key: Character? = nil, command: String? = nil, component: String? = nil,
                idParameter: String? = "id", rowParameters: [(String, String)] = [], parameters: [(String, String)] = [],
                form: [FieldSpec] = [], states: [String]? = nil, stateField: String = "state", show: [String: [String]] = [:],
                confirm: String? = nil, notification: String, destructive: Bool = false, multiple: Bool = false,
                requires: [String] = [], scopes: [String] = []) {
        self.id = id
        self.label = label
        self.key = key
        self.command = command
        self.component = component
        self.idParameter = idParameter
        self.rowParameters = rowParameters
        self.parameters = parameters
        self.form = form
        self.states = states
        self.stateField = stateField
        self.show = show
        self.confirm = confirm
        self.notification = notification
        self.destructive = destructive
        self.multiple = multiple
        self.requires = requires
        self.scopes = scopes
        self.roles = nil
    }

    /// Whether a row offers it by its fields (states and `show`), before read-only and listApis are considered.
    public func applies(to row: Row, role: String? = nil) -> Bool {
        if let roles, let role, !roles.contains(role) { return false }
        if let states, !states.contains(row[stateField] ?? "") { return false }
        if hiddenStates.contains(row[stateField] ?? "") { return false }
        return show.allSatisfy { field, allowed in allowed.contains(row[field] ?? "") }
    }

    /// The call for a row and the values of its form; nil when the form changes nothing (every field that is sent
    /// only when changed is unchanged and nothing else came from it).
    public func call(row: Row, values: [String: String]) -> APICall? {
        guard let command else { return nil }
        var params: [(String, String)] = []
        if let idParameter { params.append((idParameter, row.id)) }
        for (parameter, field) in rowParameters { if let v = row[field] { params.append((parameter, v)) } }
        params += parameters
        let fromForm = FieldSpec.parameters(form, values: values, row: row.fields)
        if fromForm.isEmpty, !form.isEmpty, form.contains(where: { $0.send == .changed }) { return nil }
        return APICall(command, params + fromForm)
    }

    /// The row fields the action reads: its state field, `show`, row parameters, its form's `rowField`, `typeField`
    /// and picker `{field}`s, and the `{field}`s of its texts. A list that keeps only the fields it shows keeps these
    /// too, or the action would judge and plan from a row that lacks them (a Release offered for a source NAT IP).
    public var rowFields: Set<String> {
        var out: Set<String> = []
        if states != nil || !hiddenStates.isEmpty { out.insert(stateField) }
        out.formUnion(show.keys)
        out.formUnion(rowParameters.map { $0.1 })
        for field in form {
            if let f = field.rowField { out.insert(f) }
            if let f = field.typeField { out.insert(f) }
            for (_, value) in field.optionsAPI?.parameters ?? [] { out.formUnion(Self.templateFields(value)) }
        }
        for text in [confirm, notification].compactMap({ $0 }) { out.formUnion(Self.templateFields(text)) }
        out.remove("id")
        return out
    }

    /// The row fields `{field}` and `{field|other}` in `text` name (not `{input.key}`, which the form fills).
    public static func templateFields(_ text: String) -> [String] {
        var out: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[rest.index(after: open)..<close].split(separator: "|").map(String.init).filter { !$0.hasPrefix("input.") }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// `text` with `{field}` (or `{field|other}`, the first present) replaced by the row's values; `{id}` is its id;
    /// `{input.key}` is what the user typed in the form (a setting's new value beside its old `{value}`).
    public static func fill(_ text: String, row: Row?, inputs: [String: String] = [:]) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let names = rest[rest.index(after: open)..<close].split(separator: "|").map(String.init)
            let value = names.lazy.compactMap { name -> String? in
                if name.hasPrefix("input.") { return inputs[String(name.dropFirst(6))] }
                return name == "id" ? row?.id : row?[name].flatMap { $0.isEmpty ? nil : $0 }
            }.first
            out += value ?? "?"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension RowAction {
    /// The one way a declared action becomes a row action: its call is planned from the row and the form, shown in
    /// the confirmation, and sent as shown.
    public init(_ spec: ActionSpec) {
        let command = spec.command ?? ""
        let row: @Sendable (PluginContext) -> Row? = { $0.selected.values.first?.first }
        var confirm: (@Sendable (PluginContext) -> String)? = nil
        if let text = spec.confirm { confirm = { ctx in ActionSpec.fill(text, row: row(ctx), inputs: ctx.inputs) } }
        let notification = spec.notification
        self.init(id: spec.id, label: spec.label, key: spec.key, commands: [command], destructive: spec.destructive,
                  requiredAPIs: [command] + spec.requires, inputs: spec.form, confirm: confirm,
                  notification: { ctx in ActionSpec.fill(notification, row: row(ctx), inputs: ctx.inputs) },
                  isAvailable: { r, ctx in spec.applies(to: r, role: ctx.user.roleType) },
                  call: { r, values in spec.call(row: r, values: values) })
        viewParameters = spec.viewParameters
        reveal = spec.reveal
        multiple = spec.multiple
        steps = spec.steps
        rowFields = spec.rowFields
    }
}
