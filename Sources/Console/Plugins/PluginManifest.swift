import CloudStack
import Foundation
import PluginKit
import StorageForms

/// A problem in a plugin or section file, naming the file, the key and what is wrong.
public struct PluginFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var problem: String
    public var description: String { key.map { "\(file): key '\($0)': \(problem)" } ?? "\(file): \(problem)" }

    init(file: String, key: String?, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    init(file: String, _ e: JSONPathError) {
        self.init(file: file, key: e.path.isEmpty ? nil : e.path, problem: e.problem)
    }
}

/// A section file or a plugin's `config.json` (one schema, plugins/config.schema.json): the listing's metadata, and
/// the section it declares (its list view, actions and forms), actions it adds to built-in views, storage forms.
public struct PluginManifest: Sendable {
    public var title: String
    public var desc: String
    public var externalLink: String
    public var authorName: String
    public var authorEmail: String
    public var icon: String
    /// Role types that see the plugin; nil: everyone.
    public var roles: [String]?
    /// `listView`: the section.
    public var view: ViewSpec?
    /// `scopedActions`: actions the file adds to built-in views.
    public var scopedActions: [ActionSpec]
    /// `storageProviders`: add-storage forms for a vendor's storage provider (checked when the file is read).
    var storageProviders: JSONValue?

    static let topKeys = ["title", "desc", "externalLink", "authorName", "authorEmail", "icon", "preFilter", "listView",
                          "scopedActions", "storageProviders"]
    static let listViewKeys = ["id", "command", "provider", "idParameter", "parameters", "fields", "stateField", "details",
                               "related", "actions", "headerActions", "navbar", "aliases", "filters", "orderBy", "refreshWhile"]
    static let actionKeys = ["id", "label", "key", "command", "component", "idParameter", "rowParameters", "parameters",
                             "inputs", "confirm", "notification", "dangerous", "states", "hiddenStates", "stateField", "show",
                             "multiple", "requires", "roles", "viewParameters", "reveal", "steps"]
    static let roleTypes: Set<String> = ["Admin", "DomainAdmin", "ResourceAdmin", "User"]

    /// Reads a file's text; every problem names `file` and the key path.
    static func parse(_ text: String, file: String) throws(PluginFileError) -> PluginManifest {
        do {
            return try read(JSONReader.parse(text), file: file)
        } catch {
            throw PluginFileError(file: file, error)
        }
    }

    private static func read(_ json: JSONValue, file: String) throws(JSONPathError) -> PluginManifest {
        let top = try JSONReader(json, path: "", allowed: topKeys)
        var m = PluginManifest(title: try required(top, "title"), desc: try required(top, "desc"),
                               externalLink: try top.string("externalLink") ?? "", authorName: try top.string("authorName") ?? "",
                               authorEmail: try top.string("authorEmail") ?? "", icon: try top.string("icon") ?? "◆",
                               roles: nil, view: nil, scopedActions: [], storageProviders: nil)
        if let pre = try top.object("preFilter", allowed: ["roles"]) {
            let roles = try pre.strings("roles") ?? []
            if let bad = roles.first(where: { !roleTypes.contains($0) }) {
                throw JSONPathError(path: pre.at("roles"), problem: "'\(bad)' is not a role type (Admin, DomainAdmin, ResourceAdmin, User)")
            }
            m.roles = roles
        }
        if let lv = try top.object("listView", allowed: listViewKeys) {
            m.view = try view(lv, title: m.title)
        }
        if let list = try top.array("scopedActions") {
            for (i, a) in list.enumerated() {
                m.scopedActions.append(try action(a, path: "scopedActions[\(i)]", scoped: true))
            }
        }
        if let sp = top["storageProviders"] {
            var catalog = StorageFormCatalog.builtIn()
            try catalog.addContributed(sp, path: "storageProviders", plugin: file)
            m.storageProviders = sp
        }
        return m
    }

    /// A string a plugin file must have; its message is the loader's "required, missing".
    /// An object of strings as a dictionary (absent: empty).
    private static func stringMap(_ o: JSONReader, _ key: String) throws(JSONPathError) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in try o.stringPairs(key) ?? [] { out[k] = v }
        return out
    }

    private static func required(_ o: JSONReader, _ key: String) throws(JSONPathError) -> String {
        try o.requiredString(key, missing: "required, missing")
    }

    private static func view(_ lv: JSONReader, title: String) throws(JSONPathError) -> ViewSpec {
        let id = try required(lv, "id")
        let source: ListSource
        switch (try lv.string("command"), try lv.string("provider")) {
        case (let command?, nil):
            guard command.lowercased().hasPrefix("list") else {
                throw JSONPathError(path: lv.at("command"), problem: "'\(command)' is not a list API (listVirtualMachines, listHosts, …)")
            }
            source = .api(command: command, parameters: try lv.stringPairs("parameters") ?? [], idParameter: try lv.string("idParameter"))
        case (nil, let name?):
            guard DataProviders.names.contains(name) else {
                throw JSONPathError(path: lv.at("provider"), problem: "'\(name)' is not a data provider cstui has (\(DataProviders.names.sorted().joined(separator: ", ")))")
            }
            source = .provider(name)
        case (nil, nil): throw JSONPathError(path: lv.at("command"), problem: "required: the list API the rows come from")
        case (_?, _?): throw JSONPathError(path: lv.at("provider"), problem: "a list view has a command or a provider, not both")
        }
        guard let fieldValues = try lv.array("fields"), !fieldValues.isEmpty else {
            throw JSONPathError(path: lv.at("fields"), problem: "required: a list of {\"key\", \"label\"} with at least one field")
        }
        var columns: [ListField] = []
        for (i, f) in fieldValues.enumerated() {
            let fo = try JSONReader(f, path: "\(lv.at("fields"))[\(i)]", allowed: ["key", "label", "format", "minWidth", "other"])
            let formatName = try fo.string("format") ?? "text"
            guard let format = FieldFormat(rawValue: formatName) else {
                throw JSONPathError(path: fo.at("format"), problem: "'\(formatName)' is not one of text, state, bytes, megabytes, date, bool, capacity, tree, changed")
            }
            var column = ListField(try required(fo, "key"), try required(fo, "label"), format: format,
                                   minWidth: try fo.int("minWidth", in: 1...80) ?? 4)
            column.other = try fo.string("other")
            columns.append(column)
        }
        var spec = ViewSpec(id: id, title: title, source: source, columns: columns)
        spec.stateField = try lv.string("stateField") ?? (columns.contains { $0.key == "state" } ? "state" : nil)
        spec.details = try lv.strings("details") ?? []
        spec.aliases = try lv.strings("aliases") ?? []
        if let nav = try lv.object("navbar", allowed: ["group", "order"]) {
            spec.navbar = NavbarPlacement(group: try nav.string("group"), order: try nav.int("order", in: 0...10_000) ?? 1000)
        }
        for (i, r) in (try lv.array("related") ?? []).enumerated() {
            let ro = try JSONReader(r, path: "\(lv.at("related"))[\(i)]", allowed: ["view", "label", "parameter", "rowField", "rowParameters", "parameters"])
            spec.related.append(RelatedView(view: try required(ro, "view"), label: try required(ro, "label"),
                                            parameter: try required(ro, "parameter"), rowField: try ro.string("rowField") ?? "id",
                                            rowParameters: try stringMap(ro, "rowParameters"), parameters: try stringMap(ro, "parameters")))
        }
        spec.orderBy = try lv.string("orderBy")
        spec.refreshWhile = try lv.conditions("refreshWhile") ?? [:]
        spec.filters = try FieldSpec.read(try lv.array("filters") ?? [], path: lv.at("filters"))
        for (i, a) in (try lv.array("actions") ?? []).enumerated() {
            spec.actions.append(try action(a, path: "\(lv.at("actions"))[\(i)]", scoped: false))
        }
        for (i, a) in (try lv.array("headerActions") ?? []).enumerated() {
            let header = try action(a, path: "\(lv.at("headerActions"))[\(i)]", scoped: false)
            if header.key != nil {
                throw JSONPathError(path: "\(lv.at("headerActions"))[\(i)].key", problem: "header actions run with A or + (no key of their own)")
            }
            spec.headerActions.append(header)
        }
        return spec
    }

    private static func action(_ value: JSONValue, path: String, scoped: Bool) throws(JSONPathError) -> ActionSpec {
        let o = try JSONReader(value, path: path, allowed: scoped ? actionKeys + ["scopes"] : actionKeys)
        let keyText = try o.string("key")
        if let k = keyText, k.count != 1 { throw JSONPathError(path: o.at("key"), problem: "must be one character") }
        if let k = keyText?.first, let why = ReservedKeys.problem(k) { throw JSONPathError(path: o.at("key"), problem: why) }
        let command = try o.string("command")
        let component = try o.string("component")
        switch (command, component) {
        case (nil, nil): throw JSONPathError(path: o.at("command"), problem: "required: the API command it calls (or a component)")
        case (_?, _?): throw JSONPathError(path: o.at("component"), problem: "an action has a command or a component, not both")
        case (nil, let name?):
            guard Components.names.contains(name) else {
                throw JSONPathError(path: o.at("component"), problem: "'\(name)' is not a component cstui has (\(Components.names.sorted().joined(separator: ", ")))")
            }
        default: break
        }
        var idParameter: String? = "id"
        if let v = o["idParameter"] {
            switch v {
            case .null: idParameter = nil
            case .string(let s) where !s.isEmpty: idParameter = s
            default: throw JSONPathError(path: o.at("idParameter"), problem: "expected a parameter name, or null to send no id")
            }
        }
        var spec = ActionSpec(id: try required(o, "id"), label: try required(o, "label"), key: keyText?.first,
                              command: command, component: component, idParameter: idParameter,
                              rowParameters: try o.stringPairs("rowParameters") ?? [], parameters: try o.stringPairs("parameters") ?? [],
                              form: try FieldSpec.read(try o.array("inputs") ?? [], path: o.at("inputs")),
                              states: try o.strings("states"), stateField: try o.string("stateField") ?? "state",
                              show: try o.conditions("show") ?? [:], confirm: try o.string("confirm"),
                              notification: try required(o, "notification"), destructive: try o.bool("dangerous") ?? false,
                              multiple: try o.bool("multiple") ?? false, requires: try o.strings("requires") ?? [])
        spec.hiddenStates = try o.strings("hiddenStates") ?? []
        spec.viewParameters = try o.strings("viewParameters") ?? []
        spec.reveal = try o.strings("reveal") ?? []
        if let steps = try o.array("steps") {
            if o.has("inputs") { throw JSONPathError(path: o.at("steps"), problem: "an action has inputs or steps, not both") }
            for (i, step) in steps.enumerated() {
                let so = try JSONReader(step, path: "\(o.at("steps"))[\(i)]", allowed: ["title", "inputs"])
                let fields = try FieldSpec.read(try so.array("inputs") ?? [], path: so.at("inputs"))
                spec.steps.append(FormStep(title: try required(so, "title"), keys: fields.map(\.key)))
                spec.form += fields
            }
            var seen = Set<String>()
            if let dup = spec.form.first(where: { !seen.insert($0.key).inserted }) {
                throw JSONPathError(path: o.at("steps"), problem: "the field '\(dup.key)' is in two steps")
            }
        }
        if let roles = try o.strings("roles") {
            if let bad = roles.first(where: { !roleTypes.contains($0) }) {
                throw JSONPathError(path: o.at("roles"), problem: "'\(bad)' is not a role type (\(roleTypes.sorted().joined(separator: ", ")))")
            }
            spec.roles = roles
        }
        if scoped {
            spec.scopes = try o.strings("scopes") ?? []
            if spec.scopes.isEmpty { throw JSONPathError(path: o.at("scopes"), problem: "required: the built-in views it joins (instances, primary-storage, …)") }
            let builtIn = BuiltInSections.views
            if let bad = spec.scopes.first(where: { id in !builtIn.contains { $0.id == id } }) {
                throw JSONPathError(path: o.at("scopes"), problem: "'\(bad)' is not a built-in view (\(builtIn.map(\.id).sorted().joined(separator: ", ")))")
            }
            // A key a built-in action of that view already runs would never reach the plugin's action.
            if let k = spec.key {
                for view in builtIn where spec.scopes.contains(view.id) {
                    if let taken = view.actions.first(where: { $0.key == k }) {
                        throw JSONPathError(path: o.at("key"), problem: "'\(k)' runs \(taken.label) in \(view.title); choose another key")
                    }
                }
            }
        }
        return spec
    }
}
