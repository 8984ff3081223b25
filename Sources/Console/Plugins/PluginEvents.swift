import PluginKit

/// What the Plugins section asks the effect runner for.
enum PluginEffect: Sendable {
    /// plugins.json and every config.json, read again.
    case reload(roots: [PluginRoot], swiftPlugins: [String: any ConsolePlugin])
    /// A Swift plugin's custom content (`show`).
    case loadCustom(pluginID: String, any ConsolePlugin)
}

/// What that work reports back.
enum PluginEvent: Sendable {
    case loaded([LoadedPlugin], listError: String?)
    case customLoaded(pluginID: String, [String])
    case failed(pluginID: String, String)
}
