import CloudStack
import PluginKit
import StorageForms

/// A view's server-side filter (`f`): a form of the view's `filters`, whose values narrow the list on the server
/// (events by level, type and date range), on top of any drill-down narrowing. Empty fields remove their filter.
enum ServerFilter {
    static func open(_ s: inout AppState) -> [Effect] {
        guard let list = s.currentList else { return [] }
        guard !list.definition.filters.isEmpty else {
            Update.flash(&s, "\(list.definition.title) has no server-side filters; / filters the loaded rows", error: false)
            return []
        }
        // The form starts from the filters in force: each field reads its own parameter from a row made of them.
        let specs = list.definition.filters.map { spec -> FieldSpec in
            var f = spec
            f.rowField = parameterName(spec)
            f.send = .filled
            // A choice can always be left open: "any" sends nothing.
            if f.kind == .select, f.optionsAPI == nil || !f.required, !f.options.contains(where: { $0.value.isEmpty }) {
                f.options = [FieldOption(value: "", label: "any")] + f.options
                f.required = false
            }
            return f
        }
        let current = JSONObject(list.definition.narrowing.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
        let action = RowAction(id: "filter", label: "Filter", commands: list.definition.command.map { [$0] } ?? [], inputs: specs,
                               confirm: nil, notification: { _ in "Filter \(list.definition.title)" }, call: { _, _ in nil })
        let pending = PendingAction(action: action, listView: list.id, row: Row(id: "", fields: current), context: s.context(selectedIn: list.id))
        s.nextDialogID += 1
        var form = ActionForm(id: s.nextDialogID, pending: pending)
        form.narrowsList = true
        let effects = form.takeOptionLoads()
        s.overlay = .form(form)
        return effects
    }

    /// The submitted filter replaces the one in force and the list reloads from page 1.
    static func apply(_ values: [String: String], _ form: ActionForm, _ s: inout AppState) -> [Effect] {
        guard var list = s.lists[form.pending.listView] else { return [] }
        var narrowing = list.definition.narrowing
        for spec in form.specs { narrowing[parameterName(spec)] = nil }
        for (name, value) in FieldSpec.parameters(form.specs, values: values, row: nil) { narrowing[name] = value }
        list.definition.narrowing = narrowing
        s.lists[list.id] = list
        let shown = active(list.definition)
        Update.flash(&s, shown.isEmpty ? "Filter cleared" : "Filtered on the server: " + shown, error: false)
        return Update.reload(list.id, &s)
    }

    /// The filters in force, as the title line shows them: "level=ERROR startdate=2026-11-01".
    static func active(_ def: ListViewDefinition) -> String {
        let names = Set(def.filters.map(parameterName))
        return def.narrowing.filter { names.contains($0.key) }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    static func parameterName(_ spec: FieldSpec) -> String {
        if case .param(let name) = spec.target { return name }
        return spec.key
    }
}
