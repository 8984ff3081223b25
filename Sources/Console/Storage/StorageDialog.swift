import Foundation
import StorageForms
import TUI

/// Options a dialog field needs from the API, e.g. the pods of a zone; `key` caches them.
struct OptionRequest: Sendable, Hashable {
    var source: FieldSpec.Source
    /// The id the options belong to (the zone of pods, the pod of clusters, the cluster of hosts).
    var parent: String?
    var kind: StorageKind

    var key: String { [source.rawValue, parent ?? "", kind.rawValue].joined(separator: ":") }
}

/// The Add Primary Storage / Add Secondary Storage dialog: the values typed so far, the fields the catalog shows for
/// them, options loaded from the API, and where a submission stands. The catalog decides what is shown and sent;
/// this keeps the values across every change of fields, so nothing typed is lost when a choice changes the form.
struct StorageDialog {
    let id: Int
    let kind: StorageKind
    /// Raw values by field key (a select holds its option's value), including those of fields not shown now.
    var values: [String: String] = [:]
    var specs: [FieldSpec] = []
    var form = FormView(fields: [])
    /// Loaded options by `OptionRequest.key`.
    var options: [String: [FieldOption]] = [:]
    var loading: Set<String> = []
    var optionErrors: [String: String] = [:]
    /// listStorageProviders' names for this kind; nil until loaded.
    var providers: [String]? { options[OptionRequest(source: .providers, parent: nil, kind: kind).key]?.map(\.value) }
    /// Cluster id → hypervisor type, from listClusters.
    var clusterHypervisors: [String: String] = [:]
    var availableAPIs: Set<String> = []
    /// Field key → message beside the field.
    var errors: [String: String] = [:]
    /// The user typed something (choices of selects and checkboxes are quick to redo): Esc asks before throwing it away.
    var touched = false
    /// After the first submission attempt, fields are checked as they change.
    var validating = false
    /// A line over the form: what is happening, or what the server said.
    var message: (text: String, isError: Bool)?
    var submitting = false
    var testingS3 = false
    /// Requests of the submission already done (an S3 store added while its staging store failed is not added twice).
    var stepsDone = 0
    /// The S3 test's table, shown under the message until the form changes.
    var s3Report: [String] = []
    /// The S3 test's table is open over the form (any key closes it).
    var showingReport = false
    /// "Discard what you typed?" while open.
    var discard: Dialog?

    init(id: Int, kind: StorageKind, availableAPIs: Set<String>) {
        self.id = id
        self.kind = kind
        self.availableAPIs = availableAPIs
    }

    var title: String { kind == .primary ? "Add primary storage" : "Add secondary storage" }

    var context: FormContext {
        FormContext(clusterHypervisor: value(of: .clusters).flatMap { clusterHypervisors[$0] }, availableAPIs: availableAPIs)
    }

    /// The value of the shown field whose options come from `source` (the chosen zone, pod, cluster…).
    func value(of source: FieldSpec.Source) -> String? {
        guard let spec = specs.first(where: { $0.source == source }), let v = values[spec.key], !v.isEmpty else { return nil }
        return v
    }

    /// What to load for a field's options; nil when its parent is not chosen yet.
    func request(for source: FieldSpec.Source) -> OptionRequest? {
        switch source {
        case .zones, .providers, .storageTags: return OptionRequest(source: source, parent: nil, kind: kind)
        case .pods: return value(of: .zones).map { OptionRequest(source: .pods, parent: $0, kind: kind) }
        case .clusters: return value(of: .pods).map { OptionRequest(source: .clusters, parent: $0, kind: kind) }
        case .hosts: return value(of: .clusters).map { OptionRequest(source: .hosts, parent: $0, kind: kind) }
        }
    }

    /// A select's choices: its fixed options, or those loaded for it; nil while they are loading.
    func choices(for spec: FieldSpec) -> [FieldOption]? {
        if !spec.options.isEmpty { return spec.options }
        guard let source = spec.source else { return [] }
        guard let req = request(for: source) else { return [] }
        return options[req.key]
    }

    var providerNames: [String] { providers ?? [] }

    /// Recomputes the shown fields from the values (seeding defaults and first options of selects, which can change
    /// the fields again), rebuilds the form keeping the focus and typed text, and returns the options to load.
    mutating func rebuild(_ catalog: StorageFormCatalog) -> [OptionRequest] {
        for _ in 0..<8 {
            specs = catalog.fields(kind: kind, values: values, providers: providerNames, context: context)
            var changed = false
            for (k, v) in catalog.defaults(for: specs) where values[k] == nil {
                values[k] = v
                changed = true
            }
            for spec in specs where spec.kind == .select {
                guard let choices = choices(for: spec), let first = choices.first else { continue }
                if !choices.contains(where: { $0.value == values[spec.key] }) {
                    values[spec.key] = first.value
                    changed = true
                }
            }
            if !changed { break }
        }
        var needed: [OptionRequest] = []
        for spec in specs {
            guard let source = spec.source, spec.options.isEmpty || source == .providers, let req = request(for: source) else { continue }
            if options[req.key] == nil, !loading.contains(req.key), optionErrors[req.key] == nil {
                loading.insert(req.key)
                needed.append(req)
            }
        }
        if validating { errors = catalog.validate(kind: kind, values: values, providers: providerNames, context: context) }
        form = makeForm(catalog)
        return needed
    }

    /// The form for the current specs through the one binding, reusing fields whose kind and value did not change
    /// (their cursor stays).
    func makeForm(_ catalog: StorageFormCatalog) -> FormView {
        let fields = specs.map { spec -> FormField in
            let choices = choices(for: spec)
            var field = FormBinding.widget(spec, value: values[spec.key] ?? "", choices: choices)
            if spec.kind == .select, choices?.isEmpty == true {
                let req = spec.source.flatMap { request(for: $0) }
                field.placeholder = req.flatMap { optionErrors[$0.key] }.map { "failed: " + $0 } ?? (req == nil ? "choose the field above first" : "none found")
            }
            field.help = help(for: spec, catalog)
            if field.placeholder == nil, spec.kind != .select, spec.kind != .bool { field.placeholder = placeholder(for: spec) }
            field.error = errors[spec.key]
            return field
        }
        return FormBinding.form(fields, buttons: buttons, previous: form)
    }

    /// Add, the S3 test when the S3 provider is chosen, Cancel.
    var buttons: [String] {
        isS3 ? ["Add", "Test S3", "Cancel"] : ["Add", "Cancel"]
    }

    var isS3: Bool { kind == .image && providerValue == "S3" }

    var providerValue: String? {
        specs.first { $0.source == .providers }.flatMap { values[$0.key] }
    }

    /// The focused field's help line: with the existing tags for a tags field, and for the provider its form's help
    /// and the plugin that contributed it.
    func help(for spec: FieldSpec, _ catalog: StorageFormCatalog) -> String? {
        var text = spec.help
        if spec.source == .providers, let provider = values[spec.key] {
            let parts = [catalog.help(of: provider, kind: kind), catalog.contributor(of: provider, kind: kind).map { "form from plugin \($0)" }]
            let joined = parts.compactMap { $0 }.joined(separator: "; ")
            if !joined.isEmpty { text = joined }
        }
        if spec.source == .storageTags, let tags = options[OptionRequest(source: .storageTags, parent: nil, kind: kind).key], !tags.isEmpty {
            let list = "existing tags: " + tags.map(\.label).joined(separator: ", ")
            text = text.map { $0 + "; " + list } ?? list
        }
        return text
    }

    /// `text` with every typed secret masked, in every spelling a request can carry it (`secretSpellings`).
    func masking(_ text: String) -> String {
        var out = text
        for spec in specs where spec.kind == .secret {
            guard let secret = values[spec.key], secret.count >= 3 else { continue }
            for form in secretSpellings(secret) { out = out.replacingOccurrences(of: form, with: "••••") }
        }
        return out
    }

    /// A dimmed example in an empty field, from its format.
    func placeholder(for spec: FieldSpec) -> String? {
        switch spec.format {
        case .host?: return "host.example.com or 10.0.0.5"
        case .path?: return "/export/…"
        case .url?: return "scheme://host/…"
        case .hostOrURL?: return spec.key == "endpoint" ? "s3.example.com:9000 or https://…" : "server or nfs://server"
        case .bucket?: return "bucket-name"
        case .iqn?: return "iqn.2026-01.com.example:target"
        default: return nil
        }
    }
}
