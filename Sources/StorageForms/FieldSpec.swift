import CloudStack
import Foundation

/// One field of a form, as the forms JSON, a section file or a plugin's config.json describes it: the add-storage
/// dialogs and every action's inputs use this one vocabulary.
public struct FieldSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case text, secret, number, bool, select }
    /// Where the value goes.  url: only used by the URL template; param: a top-level API parameter named `name`
    /// (default: key); detail: a details entry named `name` (default: key); none: not sent (e.g. the staging switch).
    /// The free details field (key `details`, "k=v, k2=v2") has target `detail("*")`: every pair becomes a details entry.
    public enum Target: Sendable, Equatable { case url, param(String), detail(String), none }
    public enum Format: String, Sendable { case host, path, url, hostOrURL, bucket, iqn, name, date }
    /// Options filled by the console from the API: zones, pods (of the zone), clusters (of the pod), hosts (of the cluster),
    /// providers (listStorageProviders of the form's kind), storageTags (listStorageTags), or none (fixed `options`).
    public enum Source: String, Sendable { case zones, pods, clusters, hosts, providers, storageTags }
    public var key: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var defaultValue: String?
    public var help: String?
    public var options: [FieldOption]          // fixed options of a select
    public var source: Source?                 // dynamic options of a select
    public var format: Format?
    public var min: Double?
    public var max: Double?
    public var integer: Bool                   // numbers: whole numbers only
    public var target: Target
    /// Shown only when every listed field currently has one of the listed values, e.g. ["staging": ["true"]].
    public var showIf: [String: [String]]
    /// Transform applied to the value where it is sent (detail/param): nil, "uri" (encodeURIComponent),
    /// "commas" (strip ,), "bytes" (a size such as 40T, sent as a byte count), "list" (comma list: items trimmed, empty items dropped, joined with ",").
    public var transform: String?
    /// The selected row's field the value starts from (an Update form shows the row's current name).
    public var rowField: String?
    /// When an action sends the field: `filled` (default: when not empty; a checkbox always), `changed` (only when it
    /// differs from the row's value; an emptied field is sent empty, to clear it), `checked` (a checkbox only when ticked).
    public var send: SendRule = .filled
    /// A select's options from a list API (an action form's offering or host picker).
    public var optionsAPI: OptionsAPI?
    /// The row field that names the value's type as the server does for settings (`type`: Boolean, Integer, Long,
    /// Float, …): the field becomes a true/false choice or a number of that kind (`typed(by:)`).
    public var typeField: String?
    /// A select of several values, sent as a comma list (a new VM's `networkids`, `affinitygroupids`).
    public var multiple = false

    /// When an action sends a field.
    public enum SendRule: String, Sendable, Equatable { case filled, changed, checked }

    /// A select's options read from a list API: each item's `value` field is sent, its `label` field shown.
    public struct OptionsAPI: Sendable, Equatable {
        public var command: String
        public var parameters: [(String, String)]
        public var value: String
        public var label: String
        /// At most this many choices (the first page): a picker over a cloud's every VM would load 100,000 rows.
        public var limit: Int?
        /// Item fields kept with each choice (`FieldOption.attributes`), e.g. an offering's `iscustomized`.
        public var attributes: [String] = []

        public init(command: String, parameters: [(String, String)] = [], value: String = "id", label: String = "name", limit: Int? = nil) {
            self.command = command
            self.parameters = parameters
            self.value = value
            self.label = label
            self.limit = limit
        }

        public static func == (a: OptionsAPI, b: OptionsAPI) -> Bool {
            a.command == b.command && a.value == b.value && a.label == b.label && a.limit == b.limit && a.attributes == b.attributes
                && a.parameters.map { "\($0.0)=\($0.1)" } == b.parameters.map { "\($0.0)=\($0.1)" }
        }
    }

    public init(
        key: String, label: String, kind: Kind, required: Bool = false, defaultValue: String? = nil, help: String? = nil,
        options: [FieldOption] = [], source: Source? = nil, format: Format? = nil, min: Double? = nil, max: Double? = nil,
        integer: Bool = false, target: Target = .none, showIf: [String: [String]] = [:], transform: String? = nil
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.help = help
        self.options = options
        self.source = source
        self.format = format
        self.min = min
        self.max = max
        self.integer = integer
        self.target = target
        self.showIf = showIf
        self.transform = transform
    }

    /// The free details field of a generic (form-less) provider.
    static let freeDetails = FieldSpec(
        key: "details", label: "Details", kind: .text, help: "key=value pairs: k=v, k2=v2", target: .detail("*"))
}

extension FieldSpec {
    /// Why `raw` cannot be sent for this field (a short message drawn beside it), or nil when it can.
    public func problem(_ raw: String) -> String? { FieldCheck.message(self, raw) }

    /// The value as the server expects it (after the transform: a size as a byte count, a number without commas);
    /// nil when an optional field is empty. Checkboxes are `true`/`false`.
    public func wireValue(_ raw: String) -> String? { RequestBuilder.sendValue(self, raw) }

    /// What the field starts with for a row: the row's `rowField` (a byte count shown as `40T`), else the default.
    public func initialValue(row: JSONObject?) -> String? {
        if let rowField, let value = row?[rowField]?.text {
            if transform == "bytes", let n = Int64(value), n > 0 { return ByteSize.short(n) }
            return value
        }
        return defaultValue
    }

    /// The picker's list API with `{field}` in its parameters filled from the form's values, else from the row
    /// (`{"zoneid": "{zoneid}"}`: the VMs of the zone chosen in an earlier step, or of the volume's zone). A
    /// parameter whose field has no value yet is left out rather than sent empty.
    public func resolvedOptionsAPI(values: [String: String], row: JSONObject?) -> OptionsAPI? {
        guard var api = optionsAPI else { return nil }
        var merged = row ?? JSONObject()
        for (k, v) in values where !v.isEmpty { merged[k] = .string(v) }
        api.parameters = api.parameters.compactMap { name, value in
            let filled = Self.fill(value, row: merged)
            return value.contains("{") && filled.isEmpty ? nil : (name, filled)
        }
        return api
    }

    /// The field for `row`: its kind following the row's `typeField` (a Boolean setting is a true/false choice, an
    /// Integer one a whole number in Java's int range, a Number one a whole number, a Float or Decimal one any number,
    /// a Range one a share from 0 to 1); a type it does not know stays text.
    public func typed(by row: JSONObject?) -> FieldSpec {
        var f = self
        guard let typeField, let type = row?[typeField]?.text else { return f }
        switch type.lowercased() {
        case "boolean":
            f.kind = .select
            f.options = [FieldOption(value: "true", label: "true"), FieldOption(value: "false", label: "false")]
        case "integer", "short":
            f.kind = .number
            f.integer = true
            f.min = f.min ?? (type.lowercased() == "short" ? -32768 : -2_147_483_648)
            f.max = f.max ?? (type.lowercased() == "short" ? 32767 : 2_147_483_647)
        case "long", "number":
            // The web UI's "Number" covers Integer and Long settings: a whole number.
            f.kind = .number
            f.integer = true
        case "float", "double", "decimal":
            f.kind = .number
        case "range":
            // A share: 0 to 1.
            f.kind = .number
            f.min = f.min ?? 0
            f.max = f.max ?? 1
        default:
            break
        }
        return f
    }

    /// `{field}` in `text` replaced by the row's value of that field (empty when it has none).
    public static func fill(_ text: String, row: JSONObject?) -> String {
        guard text.contains("{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += row?[String(rest[rest.index(after: open)..<close])]?.text ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Whether `conditions` hold for `values` (every listed field has one of its values).
    public static func matches(_ conditions: [String: [String]], _ values: [String: String]) -> Bool {
        conditions.allSatisfy { key, allowed in allowed.contains((values[key] ?? "").trimmingCharacters(in: .whitespaces)) }
    }

    /// The fields shown for `values` (those whose showIf holds).
    public static func shown(_ fields: [FieldSpec], values: [String: String]) -> [FieldSpec] {
        fields.filter { matches($0.showIf, values) }
    }

    /// Field key → message for every shown field whose value cannot be sent.
    public static func problems(_ fields: [FieldSpec], values: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for f in shown(fields, values: values) { if let m = f.problem(values[f.key] ?? "") { out[f.key] = m } }
        return out
    }

    /// The parameters an action sends for these values: shown fields that go to a parameter, as their send rule says,
    /// in field order. `row` is what `changed` compares with.
    public static func parameters(_ fields: [FieldSpec], values: [String: String], row: JSONObject?) -> [(String, String)] {
        var out: [(String, String)] = []
        for f in shown(fields, values: values) {
            guard case .param(let name) = f.target else { continue }
            let raw = values[f.key] ?? ""
            switch f.send {
            case .filled:
                if let v = f.wireValue(raw) { out.append((name, v)) }
            case .checked:
                if raw == "true" { out.append((name, "true")) }
            case .changed:
                let before = f.initialValue(row: row).flatMap { f.wireValue($0) }
                let now = f.wireValue(raw)
                if now != before { out.append((name, now ?? "")) }
            }
        }
        return out
    }
}

extension FieldSpec {
    /// Reads a list of fields (an action's `inputs`) in the forms vocabulary; duplicate keys are errors. Each goes
    /// to the parameter named by its key unless `to`/`name` say otherwise.
    public static func read(_ values: [JSONValue], path: String) throws(FormSpecError) -> [FieldSpec] {
        try FormParser.fields(values, path: path, input: true)
    }
}
