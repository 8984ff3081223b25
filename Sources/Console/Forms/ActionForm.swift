import CloudStack
import PluginKit
import StorageForms
import TUI

/// An action's form: the spec's fields (shown by their showIf), values seeded from the row, choices loaded from list
/// APIs, errors beside the fields; Esc asks before typed input is thrown away. Its own `update(key)` says what the
/// key did; the caller acts on the outcome.
struct ActionForm {
    enum Outcome: Equatable {
        case editing
        /// Every shown field is valid: these are the values, by field key.
        case submit([String: String])
        case cancelled
    }

    /// Numbers forms, so choices loaded for a form already closed are dropped.
    let id: Int
    var pending: PendingAction
    let specs: [FieldSpec]
    var values: [String: String] = [:]
    let initial: [String: String]
    /// Choices of selects whose options come from a list API, by field key; failures by field key.
    var options: [String: [FieldOption]] = [:]
    var optionErrors: [String: String] = [:]
    var errors: [String: String] = [:]
    /// After a first Enter, fields are checked as they change.
    var validating = false
    var form = FormView(fields: [])
    var discard: Dialog?
    /// A view's server-side filter form (`f`): its values narrow the list instead of running an action.
    var narrowsList = false

    init(id: Int, pending: PendingAction) {
        self.id = id
        self.pending = pending
        specs = pending.action.inputs.map { $0.typed(by: pending.row.fields) }
        for spec in specs {
            let start = spec.initialValue(row: pending.row.fields) ?? (spec.kind == .bool ? "false" : "")
            values[spec.key] = start
        }
        initial = values
        rebuild()
    }

    var shown: [FieldSpec] { FieldSpec.shown(specs, values: values) }

    /// Fields whose choices are still to be loaded from their list API.
    var optionLoads: [FieldSpec] { shown.filter { $0.optionsAPI != nil && options[$0.key] == nil && optionErrors[$0.key] == nil } }

    func choices(_ spec: FieldSpec) -> [FieldOption]? {
        if spec.optionsAPI != nil {
            if optionErrors[spec.key] != nil { return [] }
            return options[spec.key]
        }
        return spec.options
    }

    mutating func rebuild() {
        for spec in shown where spec.kind == .select {
            guard let choices = choices(spec), let first = choices.first else { continue }
            if !choices.contains(where: { $0.value == values[spec.key] }) { values[spec.key] = first.value }
        }
        if validating { errors = FieldSpec.problems(specs, values: values) }
        let fields = shown.map { spec -> FormField in
            var field = FormBinding.widget(spec, value: values[spec.key] ?? "", choices: choices(spec))
            if let failed = optionErrors[spec.key] { field.placeholder = "failed: " + failed }
            field.error = errors[spec.key]
            return field
        }
        form = FormBinding.form(fields, buttons: [pending.action.label, "Cancel"], previous: form)
    }

    /// The choices of a select arrived (or their list API failed, with the reason).
    mutating func optionsLoaded(_ key: String, options list: [FieldOption]?, error: String?) {
        if let list { options[key] = list }
        if let error { optionErrors[key] = error }
        rebuild()
    }

    mutating func update(_ key: Key) -> Outcome {
        if var question = discard {
            switch DiscardQuestion.answer(key, &question) {
            case true?: return .cancelled
            case false?: discard = nil
            case nil: discard = question
            }
            return .editing
        }
        let onCancel = key == .enter && form.focusedButton.map { form.buttons[$0] == "Cancel" } == true
        if key == .escape || onCancel {
            if values != initial {
                discard = DiscardQuestion.dialog("for \(pending.action.label)")
                return .editing
            }
            return .cancelled
        }
        if key == .enter {
            // Nothing is sent until every field is valid; the typed values stay for correction.
            validating = true
            errors = FieldSpec.problems(specs, values: values)
            rebuild()
            if let first = shown.first(where: { errors[$0.key] != nil }) {
                form.focus(on: first.key)
                return .editing
            }
            return .submit(values)
        }
        _ = form.handle(key)
        for field in form.fields { values[field.id] = field.value }
        rebuild()
        return .editing
    }
}

/// Applying what an action form's work reported to the open form.
enum ActionForms {
    static func apply(_ event: FormEvent, _ s: inout AppState) -> [Effect] {
        switch event {
        case let .optionsLoaded(form, field, options, error):
            guard case .form(var f)? = s.overlay, f.id == form else { return [] }
            f.optionsLoaded(field, options: options, error: error)
            s.overlay = .form(f)
            return []
        }
    }
}
