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
    /// A wizard's steps and the one shown; a form without steps is one page.
    let steps: [FormStep]
    var step = 0
    /// The list-API request last made for each picker (its parameters filled from the values then): a picker is
    /// asked again when a value it depends on changes, and an answer to an older request is dropped.
    var requested: [String: FieldSpec.OptionsAPI] = [:]

    init(id: Int, pending: PendingAction) {
        self.id = id
        self.pending = pending
        specs = pending.action.inputs.map { $0.typed(by: pending.row.fields) }
        steps = pending.action.steps
        for spec in specs {
            let start = spec.initialValue(row: pending.row.fields) ?? (spec.kind == .bool ? "false" : "")
            values[spec.key] = start
        }
        initial = values
        rebuild()
    }

    /// The values, plus `field.attribute` of each chosen option (`serviceofferingid.iscustomized`), for showIf.
    var conditionValues: [String: String] {
        var out = values
        for (key, list) in options {
            guard let chosen = list.first(where: { $0.value == values[key] }) else { continue }
            for (a, v) in chosen.attributes { out["\(key).\(a)"] = v }
        }
        return out
    }

    /// The fields shown now: those whose showIf holds, of the current step when the form has steps.
    var shown: [FieldSpec] {
        let visible = FieldSpec.shown(specs, values: conditionValues)
        guard steps.indices.contains(step) else { return visible }
        let keys = Set(steps[step].keys)
        return visible.filter { keys.contains($0.key) }
    }

    var isLastStep: Bool { steps.isEmpty || step >= steps.count - 1 }

    /// "Template (2 of 7)" for a wizard; nil for a one-page form.
    var stepTitle: String? { steps.indices.contains(step) ? "\(steps[step].title) (\(step + 1) of \(steps.count))" : nil }

    /// The pickers shown whose request (with the values now) has not been made yet, marked as made.
    mutating func takeOptionLoads() -> [Effect] {
        var effects: [Effect] = []
        for spec in shown {
            guard let request = spec.resolvedOptionsAPI(values: values, row: pending.row.fields), requested[spec.key] != request else { continue }
            requested[spec.key] = request
            options[spec.key] = nil
            optionErrors[spec.key] = nil
            effects.append(.form(.loadOptions(form: id, field: spec.key, request)))
        }
        if !effects.isEmpty { rebuild() }
        return effects
    }

    func choices(_ spec: FieldSpec) -> [FieldOption]? {
        if spec.optionsAPI != nil {
            if optionErrors[spec.key] != nil { return [] }
            guard let loaded = options[spec.key] else { return nil }
            // An optional picker can be left empty (a Reinstall keeps the VM's own template): its fixed choices
            // (an API form's "(not sent)") or "none" come before what the list API answered.
            let open = spec.options.isEmpty && !spec.required ? [FieldOption(value: "", label: "none")] : spec.options
            return open + loaded
        }
        return spec.options
    }

    mutating func rebuild() {
        for spec in shown where spec.kind == .select {
            guard let choices = choices(spec), let first = choices.first else { continue }
            if !choices.contains(where: { $0.value == values[spec.key] }) { values[spec.key] = first.value }
        }
        if validating {
            let keys = Set(shown.map(\.key))
            errors = FieldSpec.problems(specs, values: conditionValues).filter { keys.contains($0.key) }
        }
        let fields = shown.map { spec -> FormField in
            var field = FormBinding.widget(spec, value: values[spec.key] ?? "", choices: choices(spec))
            if let failed = optionErrors[spec.key] { field.placeholder = "failed: " + failed }
            field.error = errors[spec.key]
            return field
        }
        form = FormBinding.form(fields, buttons: [isLastStep ? pending.action.label : "Next", "Cancel"], previous: form)
    }

    /// The choices of a select arrived (or their list API failed, with the reason).
    mutating func optionsLoaded(_ key: String, request: FieldSpec.OptionsAPI, options list: [FieldOption]?, error: String?) {
        guard requested[key] == nil || requested[key] == request else { return }
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
        if key == .escape, step > 0 {
            // A wizard goes back one step; everything typed stays.
            step -= 1
            errors = [:]
            rebuild()
            form.focus = 0
            return .editing
        }
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
            errors = FieldSpec.problems(specs, values: conditionValues).filter { key, _ in steps.isEmpty || shown.contains { $0.key == key } }
            rebuild()
            if let first = shown.first(where: { errors[$0.key] != nil }) {
                form.focus(on: first.key)
                return .editing
            }
            if !isLastStep {
                step += 1
                validating = false
                errors = [:]
                rebuild()
                form.focus = 0
                return .editing
            }
            // With the chosen options' attributes, so fields hidden by showIf (custom CPU of a fixed offering) are not sent.
            return .submit(conditionValues)
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
        case let .optionsLoaded(form, field, request, options, error):
            guard case .form(var f)? = s.overlay, f.id == form else { return [] }
            f.optionsLoaded(field, request: request, options: options, error: error)
            // A choice made may narrow another picker (the zone chosen lists its networks).
            let effects = f.takeOptionLoads()
            s.overlay = .form(f)
            return effects
        }
    }
}
