import ArgumentParser
import Console
import Foundation

/// `cstui plugins list` and `cstui plugins validate [DIR]`.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins", abstract: "List or check the console's plugins.",
        subcommands: [List.self, Validate.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The plugins plugins.json enables, and whether each loads.")

        @Argument(help: "The plugins folder (default ./plugins).")
        var directory: String?

        func run() throws {
            guard let dir = directory ?? SwiftPlugins.directory() else {
                Terminal.warn("cstui: no plugins folder (./plugins/plugins.json); pass one")
                throw ExitCode(2)
            }
            let (plugins, error) = PluginLoader.load(directory: dir, swiftPlugins: SwiftPlugins.byID)
            if let error {
                Terminal.warn("cstui: \(error)")
                throw ExitCode(1)
            }
            for p in plugins {
                let status: String
                switch p.status {
                case .loaded: status = "loaded"
                case .failed(let why): status = "FAILED: \(why)"
                }
                Terminal.out("\(p.manifest?.icon ?? "?") \(p.id)\t\(p.title)\t\(p.manifest?.desc ?? "")\t\(status)\n")
            }
            if plugins.contains(where: { !$0.isLoaded }) { throw ExitCode(1) }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check plugins.json and every config.json; messages name file, key and problem.")

        @Argument(help: "The plugins folder (default ./plugins).")
        var directory: String?

        func run() throws {
            let dir = directory ?? SwiftPlugins.directory() ?? "plugins"
            let problems = PluginLoader.validate(directory: dir, swiftPlugins: SwiftPlugins.byID)
            for p in problems { Terminal.warn(p) }
            if problems.isEmpty {
                Terminal.out("\(dir): plugins.json and every config.json are valid\n")
            } else {
                Terminal.warn("\(problems.count) problem\(problems.count == 1 ? "" : "s")")
                throw ExitCode(1)
            }
        }
    }
}
