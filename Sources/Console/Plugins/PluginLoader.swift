import CloudStack
import Foundation
import PluginKit
import TUI

/// One entry of plugins.json as loaded: its files, its metadata, and the plugin, or why it failed.
public struct LoadedPlugin: Sendable {
    public enum Status: Sendable, Equatable {
        case loaded
        case failed(String)
    }

    public var id: String
    public var directory: String
    public var manifest: PluginManifest?
    public var plugin: (any ConsolePlugin)?
    public var status: Status
    /// The files in the plugin's folder, for the detail view.
    public var files: [String]
    /// `<id>.theme.json`: how the plugin's pane looks (the web UI plugin's stylesheet).
    public var theme: Theme?

    public var title: String { manifest?.title ?? id }
    public var isLoaded: Bool { status == .loaded }
}

/// Reads plugins/plugins.json and each listed plugin's config.json; a broken plugin is marked failed with the reason
/// and never stops the others (the web UI's plugins.js and config.js).
public enum PluginLoader {
    /// `swiftPlugins`: the plugins compiled in, by id (registered in one place by the executable).
    public static func load(directory: String, swiftPlugins: [String: any ConsolePlugin]) -> (plugins: [LoadedPlugin], error: String?) {
        let listPath = directory + "/plugins.json"
        guard FileManager.default.fileExists(atPath: listPath) else { return ([], nil) }
        let ids: [String]
        do {
            ids = try readList(listPath)
        } catch {
            return ([], error.description)
        }
        var seen = Set<String>()
        var out: [LoadedPlugin] = []
        for id in ids {
            let dir = directory + "/" + id
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            var entry = LoadedPlugin(id: id, directory: dir, manifest: nil, plugin: nil, status: .loaded, files: files, theme: nil)
            guard seen.insert(id).inserted else {
                entry.status = .failed("\(listPath): '\(id)' is listed twice; only the first counts")
                out.append(entry)
                continue
            }
            guard FileManager.default.fileExists(atPath: dir) else {
                entry.status = .failed("\(listPath) lists '\(id)', but there is no folder \(dir)")
                out.append(entry)
                continue
            }
            let configPath = dir + "/config.json"
            do {
                guard let data = FileManager.default.contents(atPath: configPath) else {
                    throw PluginFileError(file: configPath, key: nil, problem: "missing or unreadable")
                }
                let manifest = try PluginManifest.parse(String(decoding: data, as: UTF8.self), file: configPath)
                entry.manifest = manifest
                let themePath = dir + "/" + id + ".theme.json"
                if FileManager.default.fileExists(atPath: themePath) {
                    do {
                        entry.theme = try Theme.load(path: themePath)
                    } catch {
                        throw PluginFileError(file: themePath, key: nil, problem: "\(error)".replacingOccurrences(of: themePath + ": ", with: ""))
                    }
                }
                if let swift = swiftPlugins[id] {
                    try checkKeys(of: swift, in: dir)
                    entry.plugin = swift
                } else if manifest.view != nil || !manifest.scopedActions.isEmpty {
                    entry.plugin = DeclarativePlugin(id: id, manifest: manifest)
                } else if manifest.storageProviders == nil {
                    throw PluginFileError(file: configPath, key: nil,
                                          problem: "declares no listView, scopedActions or storageProviders, and no Swift plugin '\(id)' is compiled in")
                }
            } catch let e as PluginFileError {
                entry.status = .failed(e.description)
            } catch {
                entry.status = .failed("\(configPath): \(error)")
            }
            out.append(entry)
        }
        return (out, nil)
    }

    /// A Swift plugin's action keys follow the rules config.json keys follow: none of the console's own keys.
    static func checkKeys(of plugin: any ConsolePlugin, in dir: String) throws(PluginFileError) {
        var actions: [(String, RowAction)] = []
        if case .listView(let def) = plugin.content { actions += def.actions.enumerated().map { ("listView.actions[\($0.offset)]", $0.element) } }
        actions += plugin.scopedActions.enumerated().map { ("scopedActions[\($0.offset)]", $0.element.action) }
        for (path, action) in actions {
            guard let key = action.key, let why = ReservedKeys.problem(key) else { continue }
            throw PluginFileError(file: "\(dir)/\(plugin.id).swift", key: path + ".key", problem: "action '\(action.id)': \(why)")
        }
    }

    static func readList(_ path: String) throws(PluginFileError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { throw PluginFileError(file: path, key: nil, problem: "cannot be read") }
        let json: JSONValue
        do { json = try JSONParser.parse(Array(data)) } catch { throw PluginFileError(file: path, key: nil, problem: "not valid JSON: \(error)") }
        guard let items = json.arrayValue else { throw PluginFileError(file: path, key: nil, problem: "must be a list of plugin ids, e.g. [\"csMyFirstPlugin\"]") }
        var ids: [String] = []
        for (i, item) in items.enumerated() {
            guard case .string(let id) = item, !id.isEmpty, !id.contains("/"), !id.hasPrefix(".") else {
                throw PluginFileError(file: path, key: "[\(i)]", problem: "must be a plugin id (a folder name)")
            }
            ids.append(id)
        }
        return ids
    }

    /// Every problem in a plugins folder, one message per problem (for `cstui plugins validate`).
    public static func validate(directory: String, swiftPlugins: [String: any ConsolePlugin]) -> [String] {
        let (plugins, error) = load(directory: directory, swiftPlugins: swiftPlugins)
        if let error { return [error] }
        if !FileManager.default.fileExists(atPath: directory + "/plugins.json") { return ["\(directory)/plugins.json: missing"] }
        var problems = plugins.compactMap { p -> String? in if case .failed(let why) = p.status { return why } else { return nil } }
        // Folders with a config.json that plugins.json does not list are checked too, and reported as not enabled.
        let listed = Set(plugins.map(\.id))
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted() where !listed.contains(name) {
            let config = directory + "/" + name + "/config.json"
            guard let data = FileManager.default.contents(atPath: config) else { continue }
            do {
                _ = try PluginManifest.parse(String(decoding: data, as: UTF8.self), file: config)
            } catch {
                problems.append(error.description)
            }
        }
        return problems
    }
}
