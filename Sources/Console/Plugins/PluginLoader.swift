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
    /// The plugin's folder.
    public var directory: String
    /// The root that folder is in (nil when no root has it: the entry then failed).
    public var root: PluginRoot?
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

/// Reads the plugins.json of every plugin root and each listed plugin's config.json; a broken plugin is marked failed with the reason
/// and never stops the others (the web UI's plugins.js and config.js).
public enum PluginLoader {
    /// One folder only (`cstui plugins validate DIR`, tests): the same as one root named by `--plugins`.
    public static func load(directory: String, swiftPlugins: [String: any ConsolePlugin]) -> (plugins: [LoadedPlugin], error: String?) {
        load(roots: [PluginRoot(path: directory, origin: .flag)], swiftPlugins: swiftPlugins)
    }

    /// `roots` from low to high precedence (see `PluginRoot`): every root's plugins.json adds ids, in root order;
    /// each id's folder comes from the highest root that has it. `swiftPlugins`: the plugins compiled in, by id
    /// (registered in one place by the executable). `error` names every plugins.json that could not be read; the
    /// other roots' plugins still load.
    public static func load(roots: [PluginRoot], swiftPlugins: [String: any ConsolePlugin]) -> (plugins: [LoadedPlugin], error: String?) {
        let roots = distinct(roots)
        // The enabled list: (id, the plugins.json that listed it first, listed twice in that file).
        var listed: [(id: String, listPath: String, duplicate: Bool)] = []
        var enabled = Set<String>()
        var errors: [String] = []
        for root in roots {
            let listPath = root.path + "/plugins.json"
            guard FileManager.default.fileExists(atPath: listPath) else { continue }
            do {
                var inThisFile = Set<String>()
                for id in try readList(listPath) {
                    if !inThisFile.insert(id).inserted {
                        listed.append((id, listPath, true))
                    } else if enabled.insert(id).inserted {
                        listed.append((id, listPath, false))
                    }
                }
            } catch {
                errors.append(error.description)
            }
        }
        var out: [LoadedPlugin] = []
        for (id, listPath, duplicate) in listed {
            // The highest root with a folder of that name supplies the plugin.
            let root = roots.last { isDirectory($0.path + "/" + id) }
            let dir = ((root ?? roots.last)?.path ?? ".") + "/" + id
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
            var entry = LoadedPlugin(id: id, directory: dir, root: root, manifest: nil, plugin: nil, status: .loaded, files: files, theme: nil)
            if duplicate {
                entry.status = .failed("\(listPath): '\(id)' is listed twice; only the first counts")
                out.append(entry)
                continue
            }
            guard root != nil else {
                let places = roots.count == 1 ? dir : "folder '\(id)' in " + roots.map(\.path).joined(separator: ", ")
                entry.status = .failed("\(listPath) lists '\(id)', but there is no folder \(places)")
                out.append(entry)
                continue
            }
            load(&entry, swiftPlugins: swiftPlugins)
            out.append(entry)
        }
        return (out, errors.isEmpty ? nil : errors.joined(separator: "; "))
    }

    /// The same folder named twice (`--plugins` at the shipped plugins) counts once, at its highest place.
    static func distinct(_ roots: [PluginRoot]) -> [PluginRoot] {
        var seen = Set<String>()
        var out: [PluginRoot] = []
        for root in roots.reversed() {
            let key = URL(fileURLWithPath: root.path).standardizedFileURL.resolvingSymlinksInPath().path
            if seen.insert(key).inserted { out.insert(root, at: 0) }
        }
        return out
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Reads one plugin's config.json and theme, and finds its Swift or declarative implementation.
    private static func load(_ entry: inout LoadedPlugin, swiftPlugins: [String: any ConsolePlugin]) {
        let id = entry.id, dir = entry.directory
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

    /// Every problem in a plugins folder, one message per problem (for `cstui plugins validate DIR`).
    public static func validate(directory: String, swiftPlugins: [String: any ConsolePlugin]) -> [String] {
        if !FileManager.default.fileExists(atPath: directory + "/plugins.json") { return ["\(directory)/plugins.json: missing"] }
        return validate(roots: [PluginRoot(path: directory, origin: .flag)], swiftPlugins: swiftPlugins)
    }

    /// Every problem in the plugin roots as the console reads them, one message per problem (`cstui plugins validate`).
    public static func validate(roots: [PluginRoot], swiftPlugins: [String: any ConsolePlugin]) -> [String] {
        let (plugins, error) = load(roots: roots, swiftPlugins: swiftPlugins)
        var problems = error.map { [$0] } ?? []
        problems += plugins.compactMap { p -> String? in if case .failed(let why) = p.status { return why } else { return nil } }
        // Folders with a config.json that no plugins.json lists are checked too, and reported as not enabled.
        let listed = Set(plugins.map(\.id))
        for root in distinct(roots) {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() where !listed.contains(name) {
                let config = root.path + "/" + name + "/config.json"
                guard let data = FileManager.default.contents(atPath: config) else { continue }
                do {
                    _ = try PluginManifest.parse(String(decoding: data, as: UTF8.self), file: config)
                } catch {
                    problems.append(error.description)
                }
            }
        }
        return problems
    }
}
