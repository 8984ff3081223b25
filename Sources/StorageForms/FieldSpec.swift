/// One field of an add-storage form, as described by the forms JSON.
public struct FieldSpec: Sendable, Equatable {
    public enum Kind: String, Sendable { case text, secret, number, bool, select }
    /// Where the value goes.  url: only used by the URL template; param: a top-level API parameter named `name`
    /// (default: key); detail: a details entry named `name` (default: key); none: not sent (e.g. the staging switch).
    /// The free details field (key `details`, "k=v, k2=v2") has target `detail("*")`: every pair becomes a details entry.
    public enum Target: Sendable, Equatable { case url, param(String), detail(String), none }
    public enum Format: String, Sendable { case host, path, url, hostOrURL, bucket, iqn, name }
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
