import Foundation
import PackagePlugin

/// Embeds every JSON file of the target's `Sections/` folder into the target as Swift source, so a section is added by
/// adding a file: no list to edit and nothing to find on disk at run time (an installed binary carries them).
@main
struct EmbedSections: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Sections")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let files = names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSections.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) section files",
                              executable: try context.tool(named: "EmbedTool").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
