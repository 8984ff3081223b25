import CloudStack

/// A value the user is asked for before an action runs (k9s's prompted variables).
public struct ActionInput: Sendable, Equatable {
    /// `bytes`: a size typed as `1099511627776`, `500G` or `40T` (binary units), passed on as the byte count.
    public enum Kind: String, Sendable, Equatable, Codable { case text, secret, number, bool, bytes }
    public var key: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var defaultValue: String?
    /// The selected row's field the input starts with (e.g. `tags` for an Update form); `defaultValue` when
    /// the row has no such field.
    public var rowField: String?

    public init(key: String, label: String, kind: Kind = .text, required: Bool = false, defaultValue: String? = nil, rowField: String? = nil) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.rowField = rowField
    }

    /// What the input starts with for `row`: the row's `rowField` when it has one, else `defaultValue`.
    public func initialValue(for row: Row) -> String? {
        if let rowField, let value = row[rowField] {
            if kind == .bytes, let n = Int64(value) { return ByteSize.short(n) }
            return value
        }
        return defaultValue
    }

    /// Why `typed` cannot be sent for this input, or nil when it can (empty optional inputs are not sent).
    public func problem(_ typed: String) -> String? {
        let t = typed.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return required && kind != .bool ? "required" : nil }
        switch kind {
        case .number: return Self.number(t) == nil ? "must be a number" : nil
        case .bytes: return ByteSize.parse(t) == nil ? ByteSize.expected : nil
        case .text, .secret, .bool: return nil
        }
    }

    /// The value as the server expects it: a byte count for sizes, a number without separators, `true`/`false`;
    /// nil when the input was left empty (or cannot be read: `problem` says why).
    public func wireValue(_ typed: String?) -> String? {
        guard let typed else { return kind == .bool ? "false" : nil }
        let t = typed.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .bool: return t == "true" ? "true" : "false"
        case .bytes: return t.isEmpty ? nil : ByteSize.parse(t).map(String.init)
        case .number: return t.isEmpty ? nil : Self.number(t)
        case .secret: return typed.isEmpty ? nil : typed
        case .text: return t.isEmpty ? nil : typed
        }
    }

    /// A number as typed with `,`/`_` separators, in the plain form the server reads; nil when it is not one.
    static func number(_ text: String) -> String? {
        let plain = text.filter { $0 != "," && $0 != "_" }
        if Int64(plain) != nil { return plain }
        if let d = Double(plain), d.isFinite, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) { return plain }
        return nil
    }

    /// The parameters `inputs` add to a call for the values typed (by input key), in declaration order.
    public static func parameters(_ inputs: [ActionInput], _ typed: [String: String]) -> [(String, String)] {
        inputs.compactMap { input in input.wireValue(typed[input.key]).map { (input.key, $0) } }
    }
}
