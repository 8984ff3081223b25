/// One labelled field of a `FormView`.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text(TextInput)
        /// Shown as one "•" per character; the value never reaches the screen.
        case password(TextInput)
        /// One of `options`, changed with ←/→ or Space.
        case select(options: [String], selected: Int)
        case checkbox(Bool)
    }

    /// Key the application reads the value by ("name", "zoneid").
    public var id: String
    public var label: String
    public var kind: Kind
    /// Shown under the field in the error style.
    public var error: String?
    public var isRequired: Bool

    public init(id: String, label: String, kind: Kind, error: String? = nil, isRequired: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.error = error
        self.isRequired = isRequired
    }

    public static func text(_ id: String, _ label: String, value: String = "", required: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .text(TextInput(value)), isRequired: required)
    }

    public static func password(_ id: String, _ label: String, value: String = "", required: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .password(TextInput(value)), isRequired: required)
    }

    public static func select(_ id: String, _ label: String, options: [String], selected: Int = 0) -> FormField {
        FormField(id: id, label: label, kind: .select(options: options, selected: selected))
    }

    public static func checkbox(_ id: String, _ label: String, checked: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .checkbox(checked))
    }

    /// The value as the application submits it: text, the chosen option, or "true"/"false".
    public var value: String {
        switch kind {
        case .text(let input), .password(let input): input.text
        case .select(let options, let selected): options.indices.contains(selected) ? options[selected] : ""
        case .checkbox(let on): on ? "true" : "false"
        }
    }

    /// Applies a key meant for this field; returns whether it was used.
    public mutating func handle(_ key: Key) -> Bool {
        switch kind {
        case .text(var input):
            guard input.handle(key) else { return false }
            kind = .text(input)
        case .password(var input):
            guard input.handle(key) else { return false }
            kind = .password(input)
        case .select(let options, let selected):
            guard !options.isEmpty else { return false }
            switch key {
            case .left: kind = .select(options: options, selected: (selected - 1 + options.count) % options.count)
            case .right, .char(" "): kind = .select(options: options, selected: (selected + 1) % options.count)
            default: return false
            }
        case .checkbox(let on):
            guard key == .char(" ") || key == .char("x") else { return false }
            kind = .checkbox(!on)
        }
        return true
    }
}
