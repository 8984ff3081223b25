/// One folder plugins are read from: a `plugins.json` (the ids it enables) and one folder per plugin.
///
/// The console reads several, ordered from low to high precedence: the shipped plugins (the install's
/// `share/cstui/plugins`, or the repository's `plugins/` when run from a checkout), the user's
/// (`${XDG_CONFIG_HOME:-~/.config}/cstui/plugins`), `$CSTUI_PLUGINS`, then `--plugins DIR`. Every root's
/// plugins.json adds its ids to the enabled list (in that order, each id once); a plugin's folder is taken from the
/// highest root that has one, so a user folder with a shipped id replaces the shipped plugin.
public struct PluginRoot: Sendable, Equatable {
    /// Where a root comes from, as `cstui plugins list` and the Plugins pane name it.
    public enum Origin: String, Sendable {
        case shipped
        case user
        case environment = "CSTUI_PLUGINS"
        case flag = "--plugins"
    }

    public var path: String
    public var origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }
}
