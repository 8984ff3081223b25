import CloudStack

/// The add-storage forms: built-in ones from Forms/builtin-forms.json plus providers contributed by plugins.
public struct StorageFormCatalog: Sendable {
    var primary: KindForms
    var image: KindForms
    /// "kind/provider" → plugin that contributed the form.
    var contributors: [String: String] = [:]

    init(primary: KindForms, image: KindForms) {
        self.primary = primary
        self.image = image
    }

    func forms(_ kind: StorageKind) -> KindForms { kind == .primary ? primary : image }

    private static let builtInCatalog: StorageFormCatalog = {
        let json: JSONValue
        do {
            json = try JSONParser.parse(PackageResources.builtin_forms_json)
        } catch {
            preconditionFailure("Forms/builtin-forms.json: \(error)")
        }
        do {
            return try parse(json, path: "builtin-forms.json")
        } catch {
            preconditionFailure("Forms/builtin-forms.json: \(error)")
        }
    }()

    /// The built-in forms from Forms/builtin-forms.json (a bug there is a programming error: precondition with the message).
    public static func builtIn() -> StorageFormCatalog { builtInCatalog }

    /// Parses a catalog JSON (same shape as builtin-forms.json). `path` prefixes the key paths of errors
    /// (pass "" for bare key paths such as "primary.protocols[3].url").
    public static func parse(_ json: JSONValue, path: String) throws(FormSpecError) -> StorageFormCatalog {
        let o = try FormParser.Obj(json, path: path, allowed: ["primary", "image"])
        guard let p = o.object["primary"] else { throw FormSpecError(path: o.at("primary"), problem: "missing") }
        guard let i = o.object["image"] else { throw FormSpecError(path: o.at("image"), problem: "missing") }
        return StorageFormCatalog(
            primary: try FormParser.kindForms(p, path: o.at("primary"), kind: .primary),
            image: try FormParser.kindForms(i, path: o.at("image"), kind: .image))
    }

    /// A third-party storage plugin's provider forms (config.json "storageProviders": [ProviderForm JSON...]).
    /// Errors name `path` + the key ("storageProviders[1].url"). A contributed provider replaces a built-in of the same name and kind.
    /// `json` is the array (or a single provider object). Nothing is added when any entry is broken.
    public mutating func addContributed(_ json: JSONValue, path: String, plugin: String) throws(FormSpecError) {
        let entries: [(JSONValue, String)]
        switch json {
        case .array(let a): entries = a.enumerated().map { ($1, "\(path)[\($0)]") }
        case .object: entries = [(json, path)]
        default: throw FormSpecError(path: path, problem: "expected an array of provider forms")
        }
        var parsed: [ProviderForm] = []
        for (v, p) in entries {
            let primary = self.primary, image = self.image
            let form = try FormParser.provider(
                v, path: p, kind: nil, forms: nil, lookup: { $0 == .primary ? primary : image })
            if parsed.contains(where: { $0.name == form.name && $0.kind == form.kind }) {
                throw FormSpecError(path: FormParser.join(p, "name"), problem: "duplicate provider '\(form.name)'")
            }
            parsed.append(form)
        }
        for form in parsed {
            if form.kind == .primary {
                primary.providers.removeAll { $0.name == form.name }
                primary.providers.append(form)
            } else {
                image.providers.removeAll { $0.name == form.name }
                image.providers.append(form)
            }
            contributors["\(form.kind.rawValue)/\(form.name)"] = plugin
        }
    }

    /// Which plugin contributed a provider's form, if any (for the UI's "form from plugin X" hint).
    public func contributor(of provider: String, kind: StorageKind) -> String? {
        contributors["\(kind.rawValue)/\(provider)"]
    }

    /// A provider form's help line ("The sample storage plugin…"), if it has one.
    public func help(of provider: String, kind: StorageKind) -> String? {
        forms(kind).providers.first { $0.name == provider }?.help
    }

    /// The fields to show now, in order, given the current values (keys → raw values; selects hold the option value,
    /// bools "true"/"false"). Includes the common fields (primary: scope, zone, pod, cluster, host, hypervisor, name, protocol,
    /// provider, tags; image: provider, name, zone) followed by the protocol's and provider's fields, filtered by showIf.
    /// `providers` is what listStorageProviders returned for this kind (names); the provider select offers those, in the
    /// server's order; a name with no form gets the generic form (url + free details, see below).
    public func fields(kind: StorageKind, values: [String: String], providers: [String], context: FormContext) -> [FieldSpec] {
        resolve(kind: kind, values: values, providers: providers, context: context).fields
    }

    /// The protocol options for the current scope/cluster hypervisor (§5.2 table) — also what `fields` puts in the protocol select.
    /// Zone scope uses the chosen `hypervisor` value; cluster and host scope use `context.clusterHypervisor`.
    public func protocols(values: [String: String], context: FormContext) -> [String] {
        let eff = Self.withDefaults(values, primary.common)
        let hypervisor = eff["scope"] == "zone" ? eff["hypervisor"] : context.clusterHypervisor
        func lookup(_ table: [(hypervisor: String, protocols: [String])], _ h: String) -> [String]? {
            table.first { $0.hypervisor.lowercased() == h.lowercased() }?.protocols
        }
        if let h = hypervisor, !h.isEmpty {
            for (api, table) in primary.protocolsWhenAPI where context.availableAPIs.contains(api) {
                if let list = lookup(table, h) { return list }
            }
            if let list = lookup(primary.protocolsByHypervisor, h) { return list }
        }
        return lookup(primary.protocolsByHypervisor, "*") ?? []
    }

    /// Default values of the fields shown for `values` that have none yet (so the console can seed new fields):
    /// every given field's default (the protocol select's is the first offered protocol, the provider select's
    /// DefaultPrimary/NFS when offered); the console applies those whose key has no value yet.
    public func defaults(for fields: [FieldSpec]) -> [String: String] {
        var out: [String: String] = [:]
        for f in fields { if let d = f.defaultValue { out[f.key] = d } }
        return out
    }

    /// Field key → message, for every shown field whose value is invalid: "required", "must be a whole number",
    /// "must be between 1 and 100", "not a host name or IP address", "a path starts with / and has no spaces",
    /// "not a URL (scheme://host/…)", "bucket: 3–63 of a-z 0-9 . -", etc. Messages are at most 38 characters.
    public func validate(kind: StorageKind, values: [String: String], providers: [String], context: FormContext) -> [String: String] {
        let r = resolve(kind: kind, values: values, providers: providers, context: context)
        var out: [String: String] = [:]
        for f in r.fields {
            if let m = FieldCheck.message(f, r.values[f.key] ?? "") { out[f.key] = m }
        }
        return out
    }

    /// The requests to send, in order, for valid values. Primary: one createStoragePool (POST) with details as
    /// `details[N].<name>=<value>`. Image: one addImageStore with details as `details[N].key`/`details[N].value`, then for
    /// S3 with the staging switch on, createSecondaryStagingStore provider=nfs zoneid url=nfs://server/path.
    /// Throws the validation map if invalid.
    public func requests(
        kind: StorageKind, values: [String: String], providers: [String], context: FormContext
    ) throws(FormValidation) -> [StorageRequest] {
        let messages = validate(kind: kind, values: values, providers: providers, context: context)
        if !messages.isEmpty { throw FormValidation(messages: messages) }
        let r = resolve(kind: kind, values: values, providers: providers, context: context)
        return RequestBuilder.build(r)
    }
}
