import ArgumentParser
import Console
import Foundation

/// `cstui plugins list` and `cstui plugins validate [DIR]`.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List or check the console's plugins.",
        subcommands: [List.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The plugins the plugins.json files enable, whether each loads, and the folder each came from.",
            discussion: "Plugins are read from the shipped plugins, ~/.config/cstui/plugins ($XDG_CONFIG_HOME), $CSTUI_PLUGINS, then DIR; "
                + "each plugins.json adds ids, and a later folder with the same id replaces an earlier one.")

        @Argument(help: "A plugins folder over the others, as `cstui --plugins DIR` reads it.")
        var directory: String?

        func run() throws {
            if let directory, !ResourcePaths.isDirectory(directory) {
                Terminal.warn("cstui: '\(directory)' is not a folder")
                throw ExitCode(2)
            }
            let roots = ResourcePaths.pluginRoots(flag: directory)
            let (plugins, error) = PluginLoader.load(roots: roots, swiftPlugins: SwiftPlugins.byID)
            if let error { Terminal.warn("cstui: \(error)") }
            if plugins.isEmpty && error == nil {
                Terminal.warn("cstui: no plugins are enabled; looked for plugins.json in: " + roots.map(\.path).joined(separator: ", "))
            }
            for p in plugins {
                let status: String
                switch p.status {
                case .loaded: status = "loaded"
                case .failed(let why): status = "FAILED: \(why)"
                }
                let from = p.root.map { "\(p.directory) (\($0.origin.rawValue))" } ?? "-"
                Terminal.out("\(p.manifest?.icon ?? "?") \(p.id)\t\(p.title)\t\(p.manifest?.desc ?? "")\t\(status)\t\(from)\n")
            }
            if error != nil || plugins.contains(where: { !$0.isLoaded }) { throw ExitCode(1) }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check plugins.json and every config.json; messages name file, key and problem.")

        @Argument(help: "The plugins folder to check alone (default: every folder the console reads, as `plugins list` shows).")
        var directory: String?

        func run() throws {
            let problems: [String]
            let checked: String
            if let directory {
                problems = PluginLoader.validate(directory: directory, swiftPlugins: SwiftPlugins.byID)
                checked = directory
            } else {
                let roots = ResourcePaths.pluginRoots(flag: nil)
                problems = PluginLoader.validate(roots: roots, swiftPlugins: SwiftPlugins.byID)
                checked = roots.filter { ResourcePaths.isDirectory($0.path) }.map(\.path).joined(separator: ", ")
            }
            for p in problems { Terminal.warn(p) }
            if problems.isEmpty {
                Terminal.out("\(checked): plugins.json and every config.json are valid\n")
            } else {
                Terminal.warn("\(problems.count) problem\(problems.count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
        }
    }
}
