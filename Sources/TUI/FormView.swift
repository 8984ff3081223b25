/// A form of labelled fields with one focused; Tab/Shift-Tab and ↑/↓ move the focus, other keys go to the field.
public struct FormView: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int

    public init(fields: [FormField], focus: Int = 0) {
        self.fields = fields
        self.focus = min(max(0, focus), max(0, fields.count - 1))
    }

    /// Field values by id, for submitting.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Sets or clears the error shown under a field.
    public mutating func setError(_ message: String?, for id: String) {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return }
        fields[i].error = message
    }

    /// Marks required fields left empty with "required"; returns whether every field is valid.
    @discardableResult
    public mutating func validateRequired() -> Bool {
        var ok = true
        for i in fields.indices where fields[i].isRequired {
            if fields[i].value.isEmpty {
                fields[i].error = "required"
                ok = false
            } else if fields[i].error == "required" {
                fields[i].error = nil
            }
        }
        return ok
    }

    public mutating func handle(_ key: Key) -> Bool {
        guard !fields.isEmpty else { return false }
        switch key {
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus - 1 + fields.count) % fields.count
        default: return fields[focus].handle(key)
        }
        return true
    }

    /// Draws the fields, labels right-aligned in a column, errors on the row below their field; scrolls so the
    /// focused field is visible.
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme[.dialog])
        let longestLabel = fields.map { DisplayWidth.of($0.label) + ($0.isRequired ? 2 : 1) }.max() ?? 0
        let labelWidth = min(longestLabel, max(6, rect.width / 3))
        let fieldX = rect.x + labelWidth + 1
        let fieldWidth = max(0, rect.maxX - fieldX)
        let heights = fields.map { $0.error == nil ? 1 : 2 }
        // First field drawn: the earliest one that still lets the focused field fit.
        var first = 0
        while first < focus && heights[first...focus].reduce(0, +) > rect.height { first += 1 }
        var y = rect.y
        for index in first..<fields.count {
            guard y < rect.maxY else { break }
            let field = fields[index]
            let focused = index == focus
            let label = field.label + (field.isRequired ? "*" : "") + ":"
            screen.put(label, x: rect.x, y: y, style: focused ? theme[.accent] : theme[.label], width: labelWidth, alignment: .right)
            let fieldRect = Rect(x: fieldX, y: y, width: fieldWidth, height: 1)
            let inputStyle = focused ? theme[.inputFocused] : theme[.input]
            switch field.kind {
            case .text(let input):
                input.draw(into: &screen, in: fieldRect, style: inputStyle, showsCursor: focused)
            case .password(let input):
                input.draw(into: &screen, in: fieldRect, style: inputStyle, masked: true, showsCursor: focused)
            case .select(let options, let selected):
                let shown = options.indices.contains(selected) ? options[selected] : ""
                screen.fill(fieldRect, style: inputStyle)
                screen.put("◂ " + shown + " ▸", x: fieldX, y: y, style: inputStyle, maxWidth: fieldWidth)
            case .checkbox(let on):
                screen.put(on ? "[x]" : "[ ]", x: fieldX, y: y, style: inputStyle, maxWidth: fieldWidth)
            }
            y += 1
            if let error = field.error, y < rect.maxY {
                screen.put(error, x: fieldX, y: y, style: theme[.error], maxWidth: fieldWidth)
                y += 1
            }
        }
    }
}
