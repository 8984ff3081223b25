import CloudStack

/// Reads the forms JSON into `KindForms`/`ProviderForm`, naming the key path of every problem.
///
/// The catalog (Forms/builtin-forms.json) is `{"primary": KIND, "image": KIND}`; unknown keys are errors everywhere.
///
/// KIND: `fields` (the common fields, FIELD list; primary needs scope, zone, protocol, provider; image needs provider,
/// zone), `paramOrder` (top-level parameter names sent first), `defaultProvider`, `providers` (PROVIDER list),
/// `genericProvider` (a PROVIDER without name: the form of a provider the server lists but no form describes).
/// Primary only: `protocolsByHypervisor` ({"KVM": ["nfs", …], "*": [fallback]}), `protocolsWhenAPI`
/// ({"apiName": {"VMware": […]}}: used instead when listApis offers apiName), `protocols` (PROTOCOL list),
/// `customProviderFields` (added for providers with `customFields`), `urlOverride` (key of the field whose value,
/// when filled, is sent instead of the built URL).
///
/// PROTOCOL: `name`, `hypervisors` (this variant only for these cluster hypervisors), `fields`, `url` (template),
/// `provider` (the provider it always uses; the provider select is hidden).
///
/// PROVIDER (also the shape of a plugin's "storageProviders" entry, which adds `"kind": "primary"|"image"`):
/// `name`, `label`, `help`, `fields`, `url` (template; a primary provider with its own template forces protocol custom
/// unless it names one), `freeDetails` (add the "k=v, k2=v2" details field), `optional` (common field keys that are
/// optional for it), `then` ([{"command", "when": CONDITIONS, "params": [["name", "template"], …]}]: requests sent
/// after the main one). Primary: `protocol` (forced protocol; the protocol select is hidden), `customFields` (default
/// true: managed, capacitybytes, capacityiops and the overriding url). Image: `zone` (true, false = no zone, or
/// {"requiredWhen": CONDITIONS, "send": false}), `offeredWith` (offered after that server-listed provider).
///
/// FIELD: `key`, `label`, `kind` (text, secret, number, bool, select), `required`, `default`, `help`, `options`
/// (["v", …] or [{"value", "label"}]), `source` (zones, pods, clusters, hosts, providers, storageTags), `format`
/// (host, path, url, hostOrURL, bucket, iqn, name), `min`, `max`, `integer`, `to` (url, param (default), detail, none),
/// `name` (parameter or detail name, default key), `showIf` (CONDITIONS), `transform` (uri, commas, list, bytes: "500G", "40T" or a plain count, sent as bytes).
///
/// CONDITIONS: {"fieldKey": ["value", …]}: every listed field has one of its values.
/// Templates: `{key}`, `{key|slash|uri|urlsafe64|scheme:nfs}`, `[optional group]`; every key must be a field's.
enum FormParser {
    static func join(_ path: String, _ key: String) -> String { JSONReader.join(path, key) }

    /// Form files are read with the one strict reader.
    typealias Obj = JSONReader

    // MARK: Fields

    static let fieldKeys = [
        "key", "label", "kind", "required", "default", "help", "options", "source", "format", "min", "max", "integer",
        "to", "name", "showIf", "transform",
    ]
    /// An action's form fields may also start from the row (`rowField`), say when they are sent (`send`) and take
    /// their kind from the row (`typeField`).
    static let inputKeys = fieldKeys + ["rowField", "send", "typeField", "multiple"]

    /// Kinds as forms name them; an action's inputs may also use `password`, `checkbox` and `bytes` (a number sent as
    /// a byte count), the names the web UI's forms use.
    static func kind(_ text: String, input: Bool) -> (FieldSpec.Kind, transform: String?)? {
        switch text {
        case "password" where input: return (.secret, nil)
        case "checkbox" where input: return (.bool, nil)
        case "bytes" where input: return (.number, "bytes")
        default: return FieldSpec.Kind(rawValue: text).map { ($0, nil) }
        }
    }

    static func field(_ v: JSONValue, path: String, computedOptions: Bool = false, input: Bool = false) throws(FormSpecError) -> FieldSpec {
        let o = try Obj(v, path: path, allowed: input ? inputKeys : fieldKeys)
        let key = try o.requiredString("key")
        let kindText = input ? try o.string("kind") ?? "text" : try o.requiredString("kind")
        guard let (kind, impliedTransform) = kind(kindText, input: input) else {
            let kinds = input ? "text, secret, password, number, bytes, bool, checkbox, select" : "text, secret, number, bool, select"
            throw FormSpecError(path: o.at("kind"), problem: "unknown kind '\(kindText)' (\(kinds))")
        }
        var f = FieldSpec(key: key, label: try o.string("label") ?? key, kind: kind)
        f.transform = impliedTransform
        f.required = try o.bool("required") ?? false
        f.defaultValue = try o.scalarText("default")
        f.help = try o.string("help")
        if let api = o["options"], api.objectValue != nil {
            // Options from a list API: {"command": "listServiceOfferings", "value": "id", "label": "name", "parameters": {…}}.
            let ao = try Obj(api, path: o.at("options"), allowed: ["command", "parameters", "value", "label", "attributes", "limit"])
            let command = try ao.requiredString("command")
            // A list API, or a read that answers rows (findHostsForMigration): never one that changes something.
            guard command.lowercased().hasPrefix("list") || command.lowercased().hasPrefix("find") else {
                throw FormSpecError(path: ao.at("command"), problem: "'\(command)' is not a list API (list… or find…)")
            }
            f.optionsAPI = FieldSpec.OptionsAPI(command: command, parameters: try ao.stringPairs("parameters") ?? [],
                                                value: try ao.string("value") ?? "id", label: try ao.string("label") ?? "name",
                                                limit: try ao.int("limit", in: 1...500))
            f.optionsAPI?.attributes = try ao.strings("attributes") ?? []
            if kind != .select { throw FormSpecError(path: o.at("options"), problem: "only a select has options") }
        } else if let opts = try o.array("options") {
            for (i, ov) in opts.enumerated() {
                let p = "\(o.at("options"))[\(i)]"
                if case .string(let s) = ov {
                    f.options.append(FieldOption(value: s, label: s))
                } else {
                    let oo = try Obj(ov, path: p, allowed: ["value", "label"])
                    // An empty value is a choice that sends nothing: a filter's "any level".
                    guard let value = try oo.string("value") else { throw FormSpecError(path: oo.at("value"), problem: "missing") }
                    f.options.append(FieldOption(value: value, label: try oo.string("label") ?? value))
                }
            }
            if kind != .select { throw FormSpecError(path: o.at("options"), problem: "only a select has options") }
        }
        if let s = try o.string("source") {
            guard let src = FieldSpec.Source(rawValue: s) else {
                throw FormSpecError(
                    path: o.at("source"),
                    problem: "unknown source '\(s)' (zones, pods, clusters, hosts, providers, storageTags)")
            }
            f.source = src
        }
        if kind == .select && f.options.isEmpty && f.source == nil && f.optionsAPI == nil && !computedOptions {
            throw FormSpecError(path: o.at("kind"), problem: "a select needs options or a source")
        }
        if let s = try o.string("format") {
            guard let fmt = FieldSpec.Format(rawValue: s) else {
                throw FormSpecError(
                    path: o.at("format"), problem: "unknown format '\(s)' (host, path, url, hostOrURL, bucket, iqn, name, date)")
            }
            f.format = fmt
        }
        f.min = try o.number("min")
        f.max = try o.number("max")
        f.integer = try o.bool("integer") ?? false
        f.rowField = try o.string("rowField")
        f.typeField = try o.string("typeField")
        f.multiple = try o.bool("multiple") ?? false
        if f.multiple && kind != .select { throw FormSpecError(path: o.at("multiple"), problem: "only a select takes several values") }
        if let rule = try o.string("send") {
            guard let r = FieldSpec.SendRule(rawValue: rule) else {
                throw FormSpecError(path: o.at("send"), problem: "unknown rule '\(rule)' (filled, changed, checked)")
            }
            if r == .checked && kind != .bool { throw FormSpecError(path: o.at("send"), problem: "only a checkbox is sent when checked") }
            f.send = r
        }
        if (f.min != nil || f.max != nil || o.has("integer")) && kind != .number {
            throw FormSpecError(path: path, problem: "min, max and integer are for numbers")
        }
        if let lo = f.min, let hi = f.max, lo > hi { throw FormSpecError(path: o.at("min"), problem: "min is above max") }
        if let d = f.defaultValue, kind == .bool, d != "true" && d != "false" {
            throw FormSpecError(path: o.at("default"), problem: "a bool's default is true or false")
        }
        let name = try o.string("name")
        switch try o.string("to") ?? "param" {
        case "url": f.target = .url
        case "param": f.target = .param(name ?? key)
        case "detail": f.target = .detail(name ?? key)
        case "none": f.target = .none
        case let other:
            throw FormSpecError(path: o.at("to"), problem: "unknown target '\(other)' (url, param, detail, none)")
        }
        if name != nil, case .url = f.target { throw FormSpecError(path: o.at("name"), problem: "only a param or detail has a name") }
        if name != nil, case .none = f.target { throw FormSpecError(path: o.at("name"), problem: "only a param or detail has a name") }
        f.showIf = try o.conditions("showIf") ?? [:]
        if let t = try o.string("transform") {
            guard ["uri", "commas", "list", "bytes"].contains(t) else {
                throw FormSpecError(path: o.at("transform"), problem: "unknown transform '\(t)' (uri, commas, list, bytes)")
            }
            f.transform = t
        }
        return f
    }


    /// A list of fields; duplicate keys (also against `taken`) are errors.
    static func fields(
        _ values: [JSONValue]?, path: String, taken: Set<String> = [], computedOptions: Set<String> = [], input: Bool = false
    ) throws(FormSpecError) -> [FieldSpec] {
        var out: [FieldSpec] = []
        var seen = taken
        for (i, v) in (values ?? []).enumerated() {
            let p = "\(path)[\(i)]"
            let key = v["key"].flatMap { if case .string(let s) = $0 { s } else { nil } } ?? ""
            let f = try field(v, path: p, computedOptions: computedOptions.contains(key), input: input)
            if seen.contains(f.key) { throw FormSpecError(path: "\(p).key", problem: "duplicate field key '\(f.key)'") }
            seen.insert(f.key)
            out.append(f)
        }
        return out
    }

    static func template(_ o: Obj, _ k: String, keys: Set<String>) throws(FormSpecError) -> URLTemplate? {
        guard let text = try o.string(k) else { return nil }
        return try checkedTemplate(text, path: o.at(k), keys: keys)
    }

    static func checkedTemplate(_ text: String, path: String, keys: Set<String>) throws(FormSpecError) -> URLTemplate {
        let t: URLTemplate
        do { t = try URLTemplate(parsing: text) } catch { throw FormSpecError(path: path, problem: error.problem) }
        for k in t.keys where !keys.contains(k) {
            throw FormSpecError(path: path, problem: "the URL template names '\(k)', which no field has")
        }
        return t
    }

    // MARK: Providers

    static let providerKeys = [
        "name", "kind", "label", "help", "protocol", "fields", "url", "customFields", "freeDetails", "zone", "optional",
        "offeredWith", "then",
    ]

    /// One provider entry. `kind` is the section's kind for built-ins, nil when the entry must say it (contributed).
    static func provider(
        _ v: JSONValue, path: String, kind sectionKind: StorageKind?, forms: KindForms?,
        lookup: (StorageKind) -> KindForms?, generic: Bool = false
    ) throws(FormSpecError) -> ProviderForm {
        let o = try Obj(v, path: path, allowed: providerKeys)
        let kind: StorageKind
        if let k = try o.string("kind") {
            guard let sk = StorageKind(rawValue: k) else {
                throw FormSpecError(path: o.at("kind"), problem: "unknown kind '\(k)' (primary, image)")
            }
            if let s = sectionKind, s != sk { throw FormSpecError(path: o.at("kind"), problem: "must be '\(s.rawValue)' here") }
            kind = sk
        } else if let s = sectionKind {
            kind = s
        } else {
            throw FormSpecError(path: o.at("kind"), problem: "missing (primary or image)")
        }
        let forms = forms ?? lookup(kind)
        var p = ProviderForm(name: generic ? "" : try o.requiredString("name"), kind: kind)
        p.label = try o.string("label")
        p.help = try o.string("help")
        let commonKeys = Set((forms?.common ?? []).map(\.key))
        p.fields = try fields(try o.array("fields"), path: o.at("fields"), taken: commonKeys)
        let ownKeys = Set(p.fields.map(\.key))
        p.url = try template(o, "url", keys: ownKeys.union(commonKeys))
        p.freeDetails = try o.bool("freeDetails") ?? generic
        if let opt = try o.strings("optional") {
            for (i, k) in opt.enumerated() where !commonKeys.contains(k) {
                throw FormSpecError(path: "\(o.at("optional"))[\(i)]", problem: "'\(k)' is not a common field")
            }
            p.optional = opt
        }
        if let thens = try o.array("then") {
            for (i, tv) in thens.enumerated() {
                let tp = "\(o.at("then"))[\(i)]"
                let to = try Obj(tv, path: tp, allowed: ["command", "when", "params"])
                var f = FollowUp(command: try to.requiredString("command"), when: try to.conditions("when") ?? [:], params: [])
                for (j, pv) in (try to.array("params") ?? []).enumerated() {
                    let pp = "\(to.at("params"))[\(j)]"
                    guard let pair = pv.arrayValue, pair.count == 2, case .string(let n) = pair[0], case .string(let t) = pair[1]
                    else { throw FormSpecError(path: pp, problem: "expected [\"name\", \"value template\"]") }
                    f.params.append((n, try checkedTemplate(t, path: pp, keys: ownKeys.union(commonKeys))))
                }
                p.then.append(f)
            }
        }
        switch kind {
        case .primary:
            if o.has("zone") { throw FormSpecError(path: o.at("zone"), problem: "only image providers have 'zone'") }
            if o.has("offeredWith") { throw FormSpecError(path: o.at("offeredWith"), problem: "only image providers have 'offeredWith'") }
            if let proto = try o.string("protocol") {
                let known = (forms?.protocols ?? []).map(\.name)
                if forms != nil && !known.contains(proto) {
                    var names: [String] = []
                    for n in known where !names.contains(n) { names.append(n) }
                    throw FormSpecError(
                        path: o.at("protocol"), problem: "unknown protocol '\(proto)' (\(names.joined(separator: ", ")))")
                }
                p.protocolName = proto
            }
            p.customFields = try o.bool("customFields") ?? true
            // A provider with its own URL template makes the URL itself: the protocol is custom unless it says otherwise.
            if p.url != nil && p.protocolName == nil { p.protocolName = "custom" }
        case .image:
            if o.has("protocol") { throw FormSpecError(path: o.at("protocol"), problem: "only primary providers have 'protocol'") }
            if o.has("customFields") {
                throw FormSpecError(path: o.at("customFields"), problem: "only primary providers have 'customFields'")
            }
            p.customFields = false
            p.offeredWith = try o.string("offeredWith")
            if let z = o.object["zone"] {
                switch z {
                case .bool(let b): p.zone = ZoneUse(shown: b, requiredWhen: nil, send: b)
                case .object:
                    let zo = try Obj(z, path: o.at("zone"), allowed: ["requiredWhen", "send"])
                    p.zone = ZoneUse(shown: true, requiredWhen: try zo.conditions("requiredWhen"), send: try zo.bool("send") ?? true)
                default:
                    throw FormSpecError(path: o.at("zone"), problem: "expected true, false or {\"requiredWhen\", \"send\"}")
                }
            }
        }
        for (i, f) in p.fields.enumerated() {
            if case .url = f.target, p.url == nil {
                throw FormSpecError(path: "\(o.at("fields"))[\(i)].to", problem: "goes to the URL, but there is no 'url' template")
            }
        }
        return p
    }

    // MARK: Catalog

    static func kindForms(_ v: JSONValue, path: String, kind: StorageKind) throws(FormSpecError) -> KindForms {
        let allowed =
            kind == .primary
            ? ["fields", "paramOrder", "defaultProvider", "protocolsByHypervisor", "protocolsWhenAPI", "protocols", "providers",
                "customProviderFields", "urlOverride", "genericProvider"]
            : ["fields", "paramOrder", "defaultProvider", "providers", "genericProvider"]
        let o = try Obj(v, path: path, allowed: allowed)
        let common = try fields(
            try o.array("fields"), path: o.at("fields"), computedOptions: kind == .primary ? ["protocol"] : [])
        for needed in kind == .primary ? ["scope", "zone", "protocol", "provider"] : ["provider", "zone"]
        where !common.contains(where: { $0.key == needed }) {
            throw FormSpecError(path: o.at("fields"), problem: "needs a '\(needed)' field")
        }
        var forms = KindForms(
            kind: kind, common: common, paramOrder: try o.strings("paramOrder") ?? [],
            defaultProvider: try o.string("defaultProvider"), providers: [], generic: ProviderForm(name: "", kind: kind))
        let commonKeys = Set(common.map(\.key))
        if kind == .primary {
            forms.protocolsByHypervisor = (try o.stringTable("protocolsByHypervisor") ?? []).map { ($0.0, $0.1) }
            if let w = o.object["protocolsWhenAPI"] {
                let wo = try Obj(w, path: o.at("protocolsWhenAPI"), allowed: w.objectValue?.keys ?? [])
                for api in wo.object.keys {
                    let table = try wo.stringTable(api) ?? []
                    forms.protocolsWhenAPI.append((api, table.map { ($0.0, $0.1) }))
                }
            }
            for (i, pv) in (try o.array("protocols") ?? []).enumerated() {
                let pp = "\(o.at("protocols"))[\(i)]"
                let po = try Obj(pv, path: pp, allowed: ["name", "hypervisors", "fields", "url", "provider"])
                let pf = try fields(try po.array("fields"), path: po.at("fields"), taken: commonKeys)
                let proto = ProtocolForm(
                    name: try po.requiredString("name"), hypervisors: try po.strings("hypervisors"), fields: pf,
                    url: try template(po, "url", keys: Set(pf.map(\.key))), provider: try po.string("provider"))
                if proto.url == nil { throw FormSpecError(path: po.at("url"), problem: "missing") }
                forms.protocols.append(proto)
            }
            let listed = forms.protocolsByHypervisor.flatMap(\.protocols) + forms.protocolsWhenAPI.flatMap { $0.table.flatMap(\.protocols) }
            for name in listed where !forms.protocols.contains(where: { $0.name == name }) {
                throw FormSpecError(path: o.at("protocolsByHypervisor"), problem: "protocol '\(name)' has no entry in 'protocols'")
            }
            forms.customProviderFields = try fields(
                try o.array("customProviderFields"), path: o.at("customProviderFields"), taken: commonKeys)
            forms.urlOverride = try o.string("urlOverride")
        }
        for (i, pv) in (try o.array("providers") ?? []).enumerated() {
            let p = try provider(pv, path: "\(o.at("providers"))[\(i)]", kind: kind, forms: forms, lookup: { _ in nil })
            if forms.providers.contains(where: { $0.name == p.name }) {
                throw FormSpecError(path: "\(o.at("providers"))[\(i)].name", problem: "duplicate provider '\(p.name)'")
            }
            forms.providers.append(p)
        }
        if let g = o.object["genericProvider"] {
            forms.generic = try provider(g, path: o.at("genericProvider"), kind: kind, forms: forms, lookup: { _ in nil }, generic: true)
        }
        return forms
    }
}
