/// cstui's folder under an XDG base directory (config, cache, state): `$XDG_…_HOME/cstui` when that variable is an
/// absolute path (a relative one is ignored, as the XDG spec says), else `$HOME/<default>/cstui`; nil when HOME is not
/// an absolute path either.
public enum XDGDirectory: String, Sendable {
    case config = "XDG_CONFIG_HOME"
    case cache = "XDG_CACHE_HOME"
    case state = "XDG_STATE_HOME"

    /// The spec's default under HOME.
    var underHome: String {
        switch self {
        case .config: ".config"
        case .cache: ".cache"
        case .state: ".local/state"
        }
    }

    public func cstuiFolder(environment: [String: String]) -> String? {
        if let base = environment[rawValue], base.hasPrefix("/") { return base + "/cstui" }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/" + underHome + "/cstui"
    }
}
