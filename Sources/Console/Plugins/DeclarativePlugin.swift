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
            id: lv.id, title: manifest.title, fields: lv.fields,
            dataProvider: .api(lv.command, lv.parameters, idParameter: lv.idParameter),
            actions: lv.actions.map(Self.rowAction),
            stateField: lv.fields.contains { $0.key == "state" } ? "state" : nil))
    }

    var scopedActions: [ScopedAction] {
        manifest.scopedActions.map { a in ScopedAction(scopes: a.scopes, action: Self.rowAction(a)) }
    }

    /// Every API command the plugin calls, for checking against listApis.
    var commands: [String] {
        (manifest.listView.map { [$0.command] + $0.actions.map(\.command) } ?? []) + manifest.scopedActions.map(\.command)
    }

    /// A row action that sends `command` with the row's id, the fixed parameters and the typed inputs. Whether it
    /// changes something follows from the command; `"dangerous": true` makes it destructive (Cancel focused), and
    /// `"dangerous": false` cannot make a mutating command harmless.
    static func rowAction(_ a: DeclaredAction) -> RowAction {
        let states = a.states.map(Set.init)
        var confirm: (@Sendable (PluginContext) -> String)? = nil
        if let text = a.confirm { confirm = { @Sendable (_: PluginContext) -> String in text } }
        let notification = a.notification
        return RowAction(
            id: a.id, label: a.label, key: a.key, commands: [a.command], destructive: a.dangerous == true, inputs: a.inputs,
            confirm: confirm, notification: { @Sendable (_: PluginContext) -> String in notification },
            isAvailable: { row, _ in states.map { $0.contains(row["state"] ?? "") } ?? true },
            call: { row, typed in
                APICall(a.command, [(a.idParameter, row.id)] + a.parameters + ActionInput.parameters(a.inputs, typed))
            })
    }
}
