import CloudStack
import PluginKit

/// A plugin made only of config.json: a section that lives in plugins/, read exactly as the built-in ones are.
struct DeclarativePlugin: ConsolePlugin {
    let id: String
    let manifest: PluginManifest

    func preFilter(_ context: PluginContext) -> Bool {
        manifest.roles.map { $0.contains(context.user.roleType) } ?? true
    }

    var content: PluginContent {
        guard let view = manifest.view else {
            let text = [manifest.title, "", manifest.desc]
            return .custom { _ in text }
        }
        return .listView(ListViewDefinition(view))
    }

    var scopedActions: [ScopedAction] {
        manifest.scopedActions.map { ScopedAction(scopes: $0.scopes, action: RowAction($0)) }
    }

    /// Every API command the plugin calls, for checking against listApis.
    var commands: [String] {
        let view = manifest.view.map { v in [v.source.command].compactMap { $0 } + v.actions.compactMap(\.command) } ?? []
        return view + manifest.scopedActions.compactMap(\.command)
    }
}
