import Foundation
import PluginKit
import csMyFirstPlugin

/// The Swift plugins compiled into cstui, by id: the one place a Swift plugin is registered.
/// A plugin also needs its id in plugins/plugins.json to be shown.
enum SwiftPlugins {
    static let all: [any ConsolePlugin] = [
        CSMyFirstPlugin(),
    ]

    static var byID: [String: any ConsolePlugin] { Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }

    /// `$CSTUI_PLUGINS`, `./plugins`, or the repository's plugins beside the built binary.
    static func directory() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let d = env["CSTUI_PLUGINS"] { return d }
        let candidates = [FileManager.default.currentDirectoryPath + "/plugins"] + ThemeChoice.besideBinary("plugins")
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/plugins.json") }
    }
}
