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
    /// Pickers whose list API holds more than the page loaded: what is typed in them is sent as `keyword`, and the
    /// server's matches replace the choices (a VM picker over 100,000 VMs finds any of them).
    var searchesServer: Set<String> = []
    /// The search typed in such a picker, by field key.
    var keywords: [String: String] = [:]

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

    /// The label each picker showed for its chosen value (by value), for the review: ids are named.
    var choiceLabels: [String: String] {
        var out: [String: String] = [:]
        // Every step's fields, not only the one shown last.
        for spec in FieldSpec.shown(specs, values: conditionValues) where spec.kind == .select {
            guard let value = values[spec.key], !value.isEmpty, let list = choices(spec) else { continue }
            for part in value.split(separator: ",").map(String.init) {
                if let option = list.first(where: { $0.value == part }), option.label != option.value { out[part] = option.label }
            }
        }
        return out
    }

    var isLastStep: Bool { steps.isEmpty || step >= steps.count - 1 }

    /// "Template (2 of 7)" for a wizard; nil for a one-page form.
    var stepTitle: String? { steps.indices.contains(step) ? "\(steps[step].title) (\(step + 1) of \(steps.count))" : nil }

    /// The pickers shown whose request (with the values now) has not been made yet, marked as made.
    mutating func takeOptionLoads() -> [Effect] {
        var effects: [Effect] = []
        for spec in shown {
            guard var request = spec.resolvedOptionsAPI(values: values, row: pending.row.fields) else { continue }
            if let keyword = keywords[spec.key], !keyword.isEmpty { request.parameters.append(("keyword", keyword)) }
            guard requested[spec.key] != request else { continue }
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
            let open = spec.options.isEmpty && !spec.required && !spec.multiple ? [FieldOption(value: "", label: "none")] : spec.options
            return open + loaded
        }
        return spec.options
    }

    mutating func rebuild() {
        for spec in shown where spec.kind == .select {
            guard let choices = choices(spec), let first = choices.first else { continue }
            if spec.multiple {
                // Ticked values no longer offered (another zone's networks) are dropped; none ticked is allowed.
                let kept = (values[spec.key] ?? "").split(separator: ",").map(String.init).filter { v in choices.contains { $0.value == v } }
                values[spec.key] = kept.joined(separator: ",")
                continue
            }
            if !choices.contains(where: { $0.value == values[spec.key] }) { values[spec.key] = first.value }
        }
        if validating {
            let keys = Set(shown.map(\.key))
            errors = FieldSpec.problems(specs, values: conditionValues).filter { keys.contains($0.key) }
        }
        let fields = shown.map { spec -> FormField in
            var field = FormBinding.widget(spec, value: values[spec.key] ?? "", choices: choices(spec))
            if let failed = optionErrors[spec.key] { field.placeholder = "failed: " + failed }
            field.searchesRemotely = searchesServer.contains(spec.key)
            field.error = errors[spec.key]
            return field
        }
        form = FormBinding.form(fields, buttons: [isLastStep ? pending.action.label : "Next", "Cancel"], previous: form)
    }

    /// The choices of a select arrived (or their list API failed, with the reason).
    mutating func optionsLoaded(_ key: String, request: FieldSpec.OptionsAPI, options list: [FieldOption]?, error: String?,
                                more: Bool = false) {
        guard requested[key] == nil || requested[key] == request else { return }
        if let list { options[key] = list }
        if let error { optionErrors[key] = error }
        if more { searchesServer.insert(key) }
        // The server's matches for what was typed: the first whose label holds it is chosen, as a local search does.
        if let keyword = keywords[key]?.lowercased(), !keyword.isEmpty, let list,
           let hit = list.first(where: { $0.label.lowercased().contains(keyword) }) ?? list.first,
           specs.first(where: { $0.key == key })?.multiple != true {
            values[key] = hit.value
        }
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
        // A picker that holds only the first page: what is typed in it is searched on the server (takeOptionLoads).
        if let field = form.focusedField, searchesServer.contains(field.id), keywords[field.id, default: ""] != field.search {
            keywords[field.id] = field.search
        }
        rebuild()
        return .editing
    }
}

/// Applying what an action form's work reported to the open form.
enum ActionForms {
    static func apply(_ event: FormEvent, _ s: inout AppState) -> [Effect] {
        switch event {
        case let .optionsLoaded(form, field, request, options, error, more):
            guard case .form(var f)? = s.overlay, f.id == form else { return [] }
            f.optionsLoaded(field, request: request, options: options, error: error, more: more)
            // A choice made may narrow another picker (the zone chosen lists its networks).
            let effects = f.takeOptionLoads()
            s.overlay = .form(f)
            return effects
        }
    }
}
