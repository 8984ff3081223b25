import PluginKit

/// The Plugins section's work, run by the effect runner: reading plugins.json again, a plugin's custom content.
enum PluginWork {
    static func run(_ effect: PluginEffect, context: PluginContext, post: @escaping @Sendable (AppEvent) -> Void) async {
        switch effect {
        case let .reload(roots, swiftPlugins):
            let (loaded, error) = PluginLoader.load(roots: roots, swiftPlugins: swiftPlugins)
            post(.plugins(.loaded(loaded, listError: error)))
        case let .loadCustom(pluginID, plugin):
            guard case .custom(let show) = plugin.content else { return }
            do {
                post(.plugins(.customLoaded(pluginID: pluginID, try await show(context))))
            } catch {
                post(.plugins(.failed(pluginID: pluginID, "its content failed: \(EffectRunner.describe(error))")))
            }
        }
    }
}
