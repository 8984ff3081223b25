/// One choice of a select: the value that is sent and the label that is shown.
public struct FieldOption: Sendable, Equatable {
    public var value: String
    public var label: String
    /// More fields of the list item it came from (`iscustomized` of an offering), for `showIf` on
    /// `field.attribute` (custom CPU and memory shown only for a custom offering).
    public var attributes: [String: String] = [:]

    public init(value: String, label: String, attributes: [String: String] = [:]) {
        self.value = value
        self.label = label
        self.attributes = attributes
    }
}
