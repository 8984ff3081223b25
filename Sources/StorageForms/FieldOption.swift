/// One choice of a select: the value that is sent and the label that is shown.
public struct FieldOption: Sendable, Equatable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
