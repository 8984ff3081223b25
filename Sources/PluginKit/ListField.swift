/// One column of a list view: the response field it shows and its label, in display order.
public struct ListField: Sendable, Equatable {
    public var key: String
    public var label: String
    /// How the value is shown.
    public var format: FieldFormat
    /// The narrowest useful width; the widest columns give way first.
    public var minWidth: Int
    /// The other field a format reads: `tree` the depth (default `level`), `changed` the value compared with
    /// (default `defaultvalue`).
    public var other: String?

    public init(_ key: String, _ label: String, format: FieldFormat = .text, minWidth: Int = 4) {
        self.key = key
        self.label = label
        self.format = format
        self.minWidth = minWidth
    }
}

/// How a field's value is turned into cell text.
public enum FieldFormat: String, Sendable, Equatable, Codable {
    /// The value as the server sent it.
    case text
    /// A resource state (Running, Stopped, Up, Maintenance…), coloured by what it means.
    case state
    /// A byte count shown as KiB/MiB/GiB/TiB.
    case bytes
    /// A megabyte count (`memory`) shown as MiB/GiB.
    case megabytes
    /// An ISO-8601 date shown as `yyyy-MM-dd HH:mm`.
    case date
    /// true/false shown as yes/no.
    case bool
    /// A storage capacity bar read from the row's `disksizeused`, `disksizeallocated` and `disksizetotal`
    /// (whatever the field's key): `██▒▒░░░░ 31%/52% 7.3T`, █ used, ▒ allocated beyond used, ░ free.
    case capacity
    /// A name indented by the row's depth (`other`, default `level`): domains as a tree.
    case tree
    /// "changed" when the value differs from the row's `other` field (default `defaultvalue`): settings changed
    /// from their default.
    case changed
}
