import Foundation
import PluginKit
import csMyFirstPlugin

/// The Swift plugins compiled into cstui, by id: the one place a Swift plugin is registered.
/// A plugin also needs its id in a plugins.json (the shipped plugins/plugins.json) to be shown.
enum SwiftPlugins {
    static let all: [any ConsolePlugin] = [
        CSMyFirstPlugin(),
    ]

    static var byID: [String: any ConsolePlugin] { Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }

}
