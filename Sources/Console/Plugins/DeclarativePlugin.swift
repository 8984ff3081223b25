import CloudStack
import PluginKit

/// A plugin made only of config.json: its list view and actions call the API commands it names.
struct DeclarativePlugin: ConsolePlugin {
    let id: String
    let manifest: PluginManifest

    func preFilter(_ context: PluginContext) -> Bool {
        manifest.roles.map { $0.contains(context.user.roleType) } ?? true
    }

    var content: PluginContent {
        guard let lv = manifest.listView else {
            let text = [manifest.title, "", manifest.desc]
            return .custom { _ in text }
        }
        return .listView(ListViewDefinition(
            id: lv.id, title: manifest.title, fields: lv.fields, dataProvider: .api(lv.command, lv.parameters),
            actions: lv.actions.map { Self.rowAction($0, listView: lv.id) },
            stateField: lv.fields.contains { $0.key == "state" } ? "state" : nil))
    }

    var scopedActions: [ScopedAction] {
        manifest.scopedActions.map { a in ScopedAction(scopes: a.scopes, action: Self.rowAction(a, listView: nil)) }
    }

    /// Every API command the plugin calls, for checking against listApis.
    var commands: [String] {
        (manifest.listView.map { [$0.command] + $0.actions.map(\.command) } ?? []) + manifest.scopedActions.map(\.command)
    }

    /// A row action that sends `command` with the selected row's id, fixed parameters and typed inputs.
    /// `listView` nil: the row is whichever view the action was attached to.
    static func rowAction(_ a: DeclaredAction, listView: String?) -> RowAction {
        let states = a.states.map(Set.init)
        var confirm: (@Sendable (PluginContext) -> String)? = nil
        if let text = a.confirm { confirm = { @Sendable (_: PluginContext) -> String in text } }
        let notification = a.notification
        return RowAction(
            id: a.id, label: a.label, key: a.key, isMutating: a.dangerous, requiredAPIs: [a.command], inputs: a.inputs,
            confirm: confirm, notification: { @Sendable (_: PluginContext) -> String in notification },
            isAvailable: { row, _ in states.map { $0.contains(row["state"] ?? "") } ?? true },
            perform: { ctx in
                let row = listView.flatMap { ctx.row($0) } ?? ctx.selected.values.first?.first
                guard let row else { throw CloudStackError.configuration("\(a.label): no row is selected") }
                var params = [(a.idParameter, row.id)] + a.parameters
                for input in a.inputs {
                    if let v = ctx.inputs[input.key], !v.isEmpty { params.append((input.key, v)) }
                }
                let r = try await ctx.api.call(a.command, params)
                return r.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: a.notification)
            })
    }
}
