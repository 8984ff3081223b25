import CloudStack
import Foundation
import PluginKit
import StorageForms

/// A problem in a plugin file, naming the file, the key and what is wrong.
public struct PluginFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var problem: String
    public var description: String { key.map { "\(file): key '\($0)': \(problem)" } ?? "\(file): \(problem)" }
}

/// One action as config.json declares it.
struct DeclaredAction: Sendable, Equatable {
    var id, label, command, notification: String
    var key: Character?
    var idParameter: String
    var parameters: [(String, String)]
    var inputs: [ActionInput]
    var confirm: String?
    /// `"dangerous": true` makes the action destructive; nil or false leave it as its command makes it.
    var dangerous: Bool?
    var states: [String]?
    var scopes: [String]

    static func == (a: DeclaredAction, b: DeclaredAction) -> Bool { a.id == b.id && a.command == b.command && a.scopes == b.scopes }
}

/// A declarative list view from config.json.
struct DeclaredListView: Sendable, Equatable {
    var id, command: String
    var parameters: [(String, String)]
    /// The list API's parameter for one entity (nil: as the command is known to take it, usually `id`).
    var idParameter: String?
    var fields: [ListField]
    var actions: [DeclaredAction]

    static func == (a: DeclaredListView, b: DeclaredListView) -> Bool { a.id == b.id && a.command == b.command && a.fields == b.fields }
}

/// `plugins/<id>/config.json`: the listing's metadata, and for declarative plugins their list view and actions.
public struct PluginManifest: Sendable, Equatable {
    public var title: String
    public var desc: String
    public var externalLink: String
    public var authorName: String
    public var authorEmail: String
    public var icon: String
    /// Role types that see the plugin; nil: everyone.
    public var roles: [String]?
    var listView: DeclaredListView?
    var scopedActions: [DeclaredAction]
    /// `storageProviders`: add-storage forms for a vendor's storage provider (checked when the file is read).
    var storageProviders: JSONValue?

    static let topKeys: Set<String> = ["$schema", "title", "desc", "externalLink", "authorName", "authorEmail", "icon", "preFilter", "listView",
                                       "scopedActions", "storageProviders"]
    static let actionKeys: Set<String> = ["id", "label", "key", "command", "idParameter", "parameters", "inputs", "confirm", "notification", "dangerous", "states", "scopes"]
    static let scopes: Set<String> = ["instances", "primary-storage", "secondary-storage", "vm-snapshots", "zones", "pods", "clusters", "hosts", "events"]

    /// Parses config.json text; every problem names `file` and the key.
    static func parse(_ text: String, file: String) throws(PluginFileError) -> PluginManifest {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch {
            throw PluginFileError(file: file, key: nil, problem: "not valid JSON: \(error)")
        }
        guard let top = json.objectValue else { throw PluginFileError(file: file, key: nil, problem: "must be a JSON object") }
        let r = Reader(file: file)
        try r.onlyKeys(top, Self.topKeys, at: "")
        var m = PluginManifest(title: try r.string(top, "title", required: true) ?? "", desc: try r.string(top, "desc", required: true) ?? "",
                               externalLink: try r.string(top, "externalLink") ?? "", authorName: try r.string(top, "authorName") ?? "",
                               authorEmail: try r.string(top, "authorEmail") ?? "", icon: try r.string(top, "icon") ?? "◆",
                               roles: nil, listView: nil, scopedActions: [], storageProviders: nil)
        if let pre = top["preFilter"] {
            guard let o = pre.objectValue else { throw PluginFileError(file: file, key: "preFilter", problem: "must be an object like {\"roles\": [\"Admin\"]}") }
            try r.onlyKeys(o, ["roles"], at: "preFilter")
            let roles = try r.strings(o, "roles", at: "preFilter")
            let known: Set<String> = ["Admin", "DomainAdmin", "ResourceAdmin", "User"]
            if let bad = roles?.first(where: { !known.contains($0) }) {
                throw PluginFileError(file: file, key: "preFilter.roles", problem: "'\(bad)' is not a role type (Admin, DomainAdmin, ResourceAdmin, User)")
            }
            m.roles = roles
        }
        if let lv = top["listView"] {
            guard let o = lv.objectValue else { throw PluginFileError(file: file, key: "listView", problem: "must be an object") }
            try r.onlyKeys(o, ["id", "command", "idParameter", "parameters", "fields", "actions"], at: "listView")
            let command = try r.string(o, "command", at: "listView", required: true) ?? ""
            guard command.lowercased().hasPrefix("list") else {
                throw PluginFileError(file: file, key: "listView.command", problem: "'\(command)' is not a list API (listVirtualMachines, listHosts, …)")
            }
            guard let fieldValues = o["fields"]?.arrayValue, !fieldValues.isEmpty else {
                throw PluginFileError(file: file, key: "listView.fields", problem: "required: a list of {\"key\", \"label\"} with at least one field")
            }
            var fields: [ListField] = []
            for (i, f) in fieldValues.enumerated() {
                let at = "listView.fields[\(i)]"
                guard let fo = f.objectValue else { throw PluginFileError(file: file, key: at, problem: "must be an object with key and label") }
                try r.onlyKeys(fo, ["key", "label", "format"], at: at)
                let formatName = try r.string(fo, "format", at: at) ?? "text"
                guard let format = FieldFormat(rawValue: formatName) else {
                    throw PluginFileError(file: file, key: at + ".format", problem: "'\(formatName)' is not one of text, state, bytes, megabytes, date, bool, capacity")
                }
                fields.append(ListField(try r.string(fo, "key", at: at, required: true) ?? "", try r.string(fo, "label", at: at, required: true) ?? "", format: format))
            }
            var actions: [DeclaredAction] = []
            for (i, a) in (o["actions"]?.arrayValue ?? []).enumerated() {
                actions.append(try r.action(a, at: "listView.actions[\(i)]", scoped: false))
            }
            if o["actions"] != nil, o["actions"]?.arrayValue == nil { throw PluginFileError(file: file, key: "listView.actions", problem: "must be a list") }
            m.listView = DeclaredListView(id: try r.string(o, "id", at: "listView", required: true) ?? "", command: command,
                                          parameters: try r.parameters(o, at: "listView"),
                                          idParameter: try r.string(o, "idParameter", at: "listView", required: false),
                                          fields: fields, actions: actions)
        }
        if let sa = top["scopedActions"] {
            guard let list = sa.arrayValue else { throw PluginFileError(file: file, key: "scopedActions", problem: "must be a list") }
            for (i, a) in list.enumerated() { m.scopedActions.append(try r.action(a, at: "scopedActions[\(i)]", scoped: true)) }
        }
        if let sp = top["storageProviders"] {
            var catalog = StorageFormCatalog.builtIn()
            do {
                try catalog.addContributed(sp, path: "storageProviders", plugin: file)
            } catch {
                throw PluginFileError(file: file, key: error.path, problem: error.problem)
            }
            m.storageProviders = sp
        }
        return m
    }
}

/// Typed reading of config.json with messages that name the key.
private struct Reader {
    let file: String

    func err(_ key: String, _ problem: String) -> PluginFileError { PluginFileError(file: file, key: key, problem: problem) }

    func path(_ at: String, _ key: String) -> String { at.isEmpty ? key : "\(at).\(key)" }

    func onlyKeys(_ o: JSONObject, _ allowed: Set<String>, at: String) throws(PluginFileError) {
        if let unknown = o.keys.first(where: { !allowed.contains($0) }) {
            throw err(path(at, unknown), "unknown key (allowed: \(allowed.filter { $0 != "$schema" }.sorted().joined(separator: ", ")))")
        }
    }

    func string(_ o: JSONObject, _ key: String, at: String = "", required: Bool = false) throws(PluginFileError) -> String? {
        guard let v = o[key] else {
            if required { throw err(path(at, key), "required, missing") }
            return nil
        }
        guard case .string(let s) = v else { throw err(path(at, key), "must be a string") }
        if required && s.isEmpty { throw err(path(at, key), "must not be empty") }
        return s
    }

    func strings(_ o: JSONObject, _ key: String, at: String) throws(PluginFileError) -> [String]? {
        guard let v = o[key] else { return nil }
        guard let a = v.arrayValue else { throw err(path(at, key), "must be a list of strings") }
        var out: [String] = []
        for item in a {
            guard case .string(let s) = item else { throw err(path(at, key), "must be a list of strings") }
            out.append(s)
        }
        return out
    }

    func parameters(_ o: JSONObject, at: String) throws(PluginFileError) -> [(String, String)] {
        guard let v = o["parameters"] else { return [] }
        guard let p = v.objectValue else { throw err(path(at, "parameters"), "must be an object of string values") }
        var out: [(String, String)] = []
        for (k, value) in p {
            guard case .string(let s) = value else { throw err(path(at, "parameters.\(k)"), "must be a string") }
            out.append((k, s))
        }
        return out
    }

    func action(_ value: JSONValue, at: String, scoped: Bool) throws(PluginFileError) -> DeclaredAction {
        guard let o = value.objectValue else { throw err(at, "must be an object") }
        try onlyKeys(o, scoped ? PluginManifest.actionKeys : PluginManifest.actionKeys.subtracting(["scopes"]), at: at)
        let command = try string(o, "command", at: at, required: true) ?? ""
        let keyText = try string(o, "key", at: at)
        if let k = keyText, k.count != 1 { throw err(path(at, "key"), "must be one character") }
        if let k = keyText?.first, let why = ReservedKeys.problem(k) { throw err(path(at, "key"), why) }
        var dangerous: Bool?
        if let d = o["dangerous"] {
            guard case .bool(let b) = d else { throw err(path(at, "dangerous"), "must be true or false") }
            dangerous = b
        }
        var inputs: [ActionInput] = []
        if let list = o["inputs"] {
            guard let items = list.arrayValue else { throw err(path(at, "inputs"), "must be a list") }
            for (i, item) in items.enumerated() {
                let ip = path(at, "inputs[\(i)]")
                guard let io = item.objectValue else { throw err(ip, "must be an object") }
                try onlyKeys(io, ["key", "label", "kind", "required", "default"], at: ip)
                let kindName = try string(io, "kind", at: ip) ?? "text"
                guard let kind = ActionInput.Kind(rawValue: kindName) else { throw err(path(ip, "kind"), "'\(kindName)' is not one of text, secret, number, bool, bytes") }
                var required = false
                if let r = io["required"] {
                    guard case .bool(let b) = r else { throw err(path(ip, "required"), "must be true or false") }
                    required = b
                }
                inputs.append(ActionInput(key: try string(io, "key", at: ip, required: true) ?? "", label: try string(io, "label", at: ip, required: true) ?? "",
                                          kind: kind, required: required, defaultValue: try string(io, "default", at: ip)))
            }
        }
        var scopes: [String] = []
        if scoped {
            scopes = try strings(o, "scopes", at: at) ?? []
            if scopes.isEmpty { throw err(path(at, "scopes"), "required: the built-in views it joins (instances, primary-storage, …)") }
            if let bad = scopes.first(where: { !PluginManifest.scopes.contains($0) }) {
                throw err(path(at, "scopes"), "'\(bad)' is not a built-in view (\(PluginManifest.scopes.sorted().joined(separator: ", ")))")
            }
            // A key a built-in action of that view already runs would never reach the plugin's action.
            if let k = keyText?.first {
                for view in Sections.builtInListViews() where scopes.contains(view.id) {
                    if let taken = view.actions.first(where: { $0.key == k }) {
                        throw err(path(at, "key"), "'\(k)' runs \(taken.label) in \(view.title); choose another key")
                    }
                }
            }
        }
        return DeclaredAction(id: try string(o, "id", at: at, required: true) ?? "", label: try string(o, "label", at: at, required: true) ?? "",
                              command: command, notification: try string(o, "notification", at: at, required: true) ?? "",
                              key: keyText?.first, idParameter: try string(o, "idParameter", at: at) ?? "id",
                              parameters: try parameters(o, at: at), inputs: inputs, confirm: try string(o, "confirm", at: at),
                              dangerous: dangerous, states: try strings(o, "states", at: at), scopes: scopes)
    }
}
