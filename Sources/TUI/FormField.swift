/// One labelled field of a `FormView`.
public struct FormField: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text(TextInput)
        /// Shown as one "•" per character; the value never reaches the screen.
        case password(TextInput)
        /// One of `options` (what is shown), changed with ←/→, Space, or the first letter of an option.
        case select(options: [String], selected: Int)
        case checkbox(Bool)
    }

    /// Key the application reads the value by ("name", "zoneid").
    public var id: String
    public var label: String
    public var kind: Kind
    /// Shown beside the field (or under it when there is no room) in the error style.
    public var error: String?
    public var isRequired: Bool
    /// For a select: the value submitted for each option (an id), when it differs from the label shown.
    public var optionValues: [String]?
    /// Shown dimmed while the field is empty: an example ("/export/primary") or a state ("loading…").
    public var placeholder: String?
    /// One line about the field, shown by the form's owner while the field has the focus.
    public var help: String?
    /// A select's search as typed: the first option whose label contains it is chosen (500 VMs in a picker).
    public var search = ""
    /// A select of several values (networks of a new VM): the indices ticked with Space; nil for a select of one.
    /// ←/→ move through the options, Space ticks the one shown, the value is the ticked ones in option order.
    public var chosen: Set<Int>?
    /// Its owner searches the server with what is typed (the choices are only a first page): the search is kept
    /// even when no choice loaded yet holds it.
    public var searchesRemotely = false

    public init(id: String, label: String, kind: Kind, error: String? = nil, isRequired: Bool = false,
                optionValues: [String]? = nil, placeholder: String? = nil, help: String? = nil) {
        self.id = id
        self.label = label
        self.kind = kind
        self.error = error
        self.isRequired = isRequired
        self.optionValues = optionValues
        self.placeholder = placeholder
        self.help = help
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

    /// A select whose options are (submitted value, shown label) pairs, with `value` chosen when present.
    public static func select(_ id: String, _ label: String, choices: [(value: String, label: String)], value: String?,
                              required: Bool = false) -> FormField {
        let index = choices.firstIndex { $0.value == value } ?? 0
        return FormField(id: id, label: label, kind: .select(options: choices.map(\.label), selected: index), isRequired: required,
                         optionValues: choices.map(\.value))
    }

    /// A select of several: `value` is a comma list of the ticked options' values.
    public static func multiSelect(_ id: String, _ label: String, choices: [(value: String, label: String)], value: String,
                                   required: Bool = false) -> FormField {
        let wanted = Set(value.split(separator: ",").map(String.init))
        var field = FormField(id: id, label: label, kind: .select(options: choices.map(\.label), selected: 0), isRequired: required,
                              optionValues: choices.map(\.value))
        field.chosen = Set(choices.indices.filter { wanted.contains(choices[$0].value) })
        return field
    }

    public static func checkbox(_ id: String, _ label: String, checked: Bool = false) -> FormField {
        FormField(id: id, label: label, kind: .checkbox(checked))
    }

    /// The value as the application submits it: text, the chosen option's value, or "true"/"false".
    public var value: String {
        switch kind {
        case .text(let input), .password(let input): input.text
        case .select(let options, _) where chosen != nil:
            (chosen ?? []).sorted().compactMap { i in
                let values = optionValues ?? options
                return values.indices.contains(i) && !values[i].isEmpty ? values[i] : nil
            }.joined(separator: ",")
        case .select(let options, let selected):
            if let values = optionValues { values.indices.contains(selected) ? values[selected] : "" }
            else { options.indices.contains(selected) ? options[selected] : "" }
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
            case .char(" ") where chosen != nil:
                if chosen?.contains(selected) == true { chosen?.remove(selected) } else { chosen?.insert(selected) }
            case .right, .char(" "): kind = .select(options: options, selected: (selected + 1) % options.count)
            case .home: kind = .select(options: options, selected: 0)
            case .end: kind = .select(options: options, selected: options.count - 1)
            case .char(let c):
                // Type-to-find: what is typed so far is searched for in every label; the first that contains it is
                // chosen. When nothing contains it, the letter alone finds the next label starting with it.
                let wanted = (search + String(c)).lowercased()
                if let hit = options.firstIndex(where: { $0.lowercased().contains(wanted) }) {
                    search += String(c)
                    kind = .select(options: options, selected: hit)
                } else if searchesRemotely {
                    search += String(c)
                } else {
                    let letter = String(c).lowercased()
                    let order = (1...options.count).map { (selected + $0) % options.count }
                    guard let next = order.first(where: { options[$0].lowercased().hasPrefix(letter) }) else { return false }
                    search = String(c)
                    kind = .select(options: options, selected: next)
                }
                return true
            case .backspace:
                guard !search.isEmpty else { return false }
                search.removeLast()
                let wanted = search.lowercased()
                if !wanted.isEmpty, let hit = options.firstIndex(where: { $0.lowercased().contains(wanted) }) {
                    kind = .select(options: options, selected: hit)
                }
                return true
            default: return false
            }
            search = ""
        case .checkbox(let on):
            guard key == .char(" ") || key == .char("x") else { return false }
            kind = .checkbox(!on)
        }
        return true
    }
}
