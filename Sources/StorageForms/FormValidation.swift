/// The values of a form are not valid: field key → short message (drawn beside the field).
public struct FormValidation: Error, Sendable, Equatable {
    public var messages: [String: String]

    public init(messages: [String: String]) { self.messages = messages }
}
