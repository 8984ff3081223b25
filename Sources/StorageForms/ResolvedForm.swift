import Foundation

/// A form worked out for the current values: which provider and protocol apply, the fields shown, the URL template.
struct ResolvedForm {
    var kind: StorageKind
    var forms: KindForms
    /// The values with the defaults of the form's fields filled in where the console has none (or an empty one).
    var values: [String: String]
    var fields: [FieldSpec]
    /// The provider sent (Linstor when the Linstor protocol is chosen, whatever the provider select says).
    var provider: String
    var providerForm: ProviderForm
    var protocolForm: ProtocolForm?
    var url: URLTemplate?
}

extension StorageFormCatalog {
    static func withDefaults(_ values: [String: String], _ fields: [FieldSpec]) -> [String: String] {
        var eff = values
        for f in fields where (eff[f.key] ?? "").isEmpty {
            if let d = f.defaultValue { eff[f.key] = d }
        }
        return eff
    }

    static func matches(_ conditions: [String: [String]], _ values: [String: String]) -> Bool {
        FieldSpec.matches(conditions, values)
    }

    func providerForm(_ name: String, kind: StorageKind) -> ProviderForm? {
        forms(kind).providers.first { $0.name == name }
    }

    /// The provider select's options: the server's names in its order, each followed by the forms offered with it
    /// (SMB/CIFS after NFS). With no list from the server, the providers that have forms.
    func providerOptions(kind: StorageKind, providers: [String]) -> [FieldOption] {
        let forms = self.forms(kind)
        let names = providers.isEmpty ? forms.providers.filter { $0.offeredWith == nil }.map(\.name) : providers
        var out: [FieldOption] = []
        for name in names where !out.contains(where: { $0.value == name }) {
            out.append(FieldOption(value: name, label: providerForm(name, kind: kind)?.label ?? name))
            for extra in forms.providers where extra.offeredWith == name && !names.contains(extra.name) {
                out.append(FieldOption(value: extra.name, label: extra.label ?? extra.name))
            }
        }
        return out
    }

    /// The protocol form for a protocol name: the variant for this hypervisor, else the general one.
    func protocolForm(_ name: String, hypervisor: String?) -> ProtocolForm? {
        let candidates = primary.protocols.filter { $0.name == name }
        if let h = hypervisor?.lowercased(),
            let v = candidates.first(where: { $0.hypervisors?.contains { $0.lowercased() == h } ?? false })
        {
            return v
        }
        return candidates.first { $0.hypervisors == nil }
    }

    func resolve(kind: StorageKind, values: [String: String], providers: [String], context: FormContext) -> ResolvedForm {
        let forms = self.forms(kind)
        var eff = Self.withDefaults(values, forms.common)
        let offered = providerOptions(kind: kind, providers: providers)
        let defaultProvider =
            forms.defaultProvider.flatMap { d in offered.contains { $0.value == d } ? d : nil } ?? offered.first?.value
        if (eff["provider"] ?? "").isEmpty, let d = defaultProvider { eff["provider"] = d }
        var providerName = (eff["provider"] ?? "").trimmingCharacters(in: .whitespaces)
        func formFor(_ name: String) -> ProviderForm {
            if let f = providerForm(name, kind: kind) { return f }
            var g = forms.generic
            g.name = name
            return g
        }
        var pform = formFor(providerName)
        /// The protocol the chosen provider forces (PowerFlex → custom); the protocol select is then hidden.
        let forcedProtocol = kind == .primary ? pform.protocolName : nil

        var protocolList: [String] = []
        var protoForm: ProtocolForm?
        var fixedProvider: String?
        if kind == .primary {
            protocolList = protocols(values: eff, context: context)
            let hypervisor = eff["scope"] == "zone" ? eff["hypervisor"] : context.clusterHypervisor
            let protoName: String
            if let forced = forcedProtocol {
                protoName = forced
            } else {
                if (eff["protocol"] ?? "").isEmpty, let first = protocolList.first { eff["protocol"] = first }
                // A protocol the list no longer offers (the hypervisor changed) is reported by validation; the fields
                // shown meanwhile are the first offered protocol's.
                let chosen = eff["protocol"] ?? ""
                protoName = protocolList.contains(chosen) ? chosen : (protocolList.first ?? chosen)
            }
            protoForm = protocolForm(protoName, hypervisor: hypervisor)
            if forcedProtocol == nil, let fp = protoForm?.provider {
                fixedProvider = fp
                providerName = fp
                pform = formFor(fp)
            }
        }

        var list: [FieldSpec] = []
        for var f in forms.common {
            if pform.optional.contains(f.key) { f.required = false }
            switch f.key {
            case "protocol" where kind == .primary:
                if forcedProtocol != nil { continue }
                f.options = protocolList.map { FieldOption(value: $0, label: $0) }
                f.defaultValue = protocolList.first
            case "provider":
                if fixedProvider != nil { continue }
                f.options = offered
                f.defaultValue = defaultProvider
            case "zone" where kind == .image:
                if !pform.zone.shown { continue }
                if let rw = pform.zone.requiredWhen {
                    f.required = Self.matches(rw, Self.withDefaults(eff, pform.fields))
                }
                if !pform.zone.send { f.target = .none }
            default: break
            }
            list.append(f)
        }
        if kind == .primary, pform.url == nil, let pf = protoForm { list += pf.fields }
        list += pform.fields
        if kind == .primary, pform.customFields { list += forms.customProviderFields }
        if pform.freeDetails { list.append(.freeDetails) }
        var seen: Set<String> = []
        list = list.filter { seen.insert($0.key).inserted }
        eff = Self.withDefaults(eff, list)
        let shown = list.filter { Self.matches($0.showIf, eff) }
        return ResolvedForm(
            kind: kind, forms: forms, values: eff, fields: shown, provider: providerName, providerForm: pform,
            protocolForm: protoForm, url: kind == .primary ? (pform.url ?? protoForm?.url) : pform.url)
    }
}
