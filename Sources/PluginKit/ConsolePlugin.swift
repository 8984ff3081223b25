/// What a plugin shows when opened: a list view, or lines of its own content.
public enum PluginContent: Sendable {
    case listView(ListViewDefinition)
    /// Custom content (the web UI's `show`): lines of text produced from the context.
    case custom(@Sendable (PluginContext) async throws -> [String])
}

/// The contract a Swift plugin implements (the web UI's `cloudStack.plugins.<id>`).
public protocol ConsolePlugin: Sendable {
    /// The plugin's folder name and its id in plugins.json.
    var id: String { get }
    /// Whether the plugin is shown to this user at all (e.g. admins only).
    func preFilter(_ context: PluginContext) -> Bool
    var content: PluginContent { get }
    /// Extra row actions on built-in views.
    var scopedActions: [ScopedAction] { get }
}

extension ConsolePlugin {
    public func preFilter(_ context: PluginContext) -> Bool { true }
    public var scopedActions: [ScopedAction] { [] }
}
