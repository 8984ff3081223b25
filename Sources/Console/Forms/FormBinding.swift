import StorageForms
import TUI

/// The one binding from a field spec to a form widget: text and numbers to a text input, secrets to a masked input,
/// checkboxes, and selects with their choices (nil while they load). The add-storage dialogs and every action's form
/// draw their fields through it; validation is the spec's own (`FieldSpec.problem`).
enum FormBinding {
    static func widget(_ spec: FieldSpec, value: String, choices: [FieldOption]?) -> FormField {
        var field: FormField
        switch spec.kind {
        case .text, .number:
            field = .text(spec.key, spec.label, value: value, required: spec.required)
        case .secret:
            field = .password(spec.key, spec.label, value: value, required: spec.required)
        case .bool:
            field = .checkbox(spec.key, spec.label, checked: value == "true")
        case .select where spec.multiple:
            field = .multiSelect(spec.key, spec.label, choices: (choices ?? []).map { ($0.value, $0.label) }, value: value, required: spec.required)
            if choices == nil { field.placeholder = "loading…" }
        case .select:
            field = .select(spec.key, spec.label, choices: (choices ?? []).map { ($0.value, $0.label) }, value: value, required: spec.required)
            if choices == nil { field.placeholder = "loading…" }
        }
        field.help = spec.help
        return field
    }

    /// Whether two widgets are the same kind of input with the same choices (so the old one, cursor and all, stays).
    static func sameKind(_ a: FormField.Kind, _ b: FormField.Kind) -> Bool {
        switch (a, b) {
        case (.text, .text), (.password, .password), (.checkbox, .checkbox): return true
        case let (.select(o1, _), .select(o2, _)): return o1 == o2
        default: return false
        }
    }

    static func bothSelects(_ a: FormField.Kind, _ b: FormField.Kind) -> Bool {
        if case .select = a, case .select = b { return true }
        return false
    }

    /// A form of `fields`, keeping from `previous` each unchanged widget (its cursor), and the focus.
    static func form(_ fields: [FormField], buttons: [String], previous: FormView) -> FormView {
        let old = Dictionary(previous.fields.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var kept = fields
        for i in kept.indices {
            // A select's search goes on while the choice it found changes, and while the server's matches for it
            // replace its choices.
            if let p = old[kept[i].id], sameKind(p.kind, kept[i].kind) || bothSelects(p.kind, kept[i].kind) { kept[i].search = p.search }
            if let p = old[kept[i].id], p.value == kept[i].value, sameKind(p.kind, kept[i].kind) {
                let (error, help, placeholder, remote) = (kept[i].error, kept[i].help, kept[i].placeholder, kept[i].searchesRemotely)
                kept[i] = p
                kept[i].error = error
                kept[i].help = help
                kept[i].placeholder = placeholder
                kept[i].searchesRemotely = remote
            }
        }
        var form = FormView(fields: kept, buttons: buttons)
        if let id = previous.focusedField?.id, form.focus(on: id) {
        } else if let button = previous.focusedButton {
            form.focus = kept.count + min(button, max(0, buttons.count - 1))
        } else if let index = previous.fields.firstIndex(where: { $0.id == previous.focusedField?.id }) {
            form.focus = min(index, max(0, kept.count - 1))
        }
        return form
    }
}
