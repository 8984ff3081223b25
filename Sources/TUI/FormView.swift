/// A form of labelled fields and a row of buttons, one of them focused. Tab/Shift-Tab and ↑/↓ move the focus
/// through the fields and then the buttons; other keys go to the focused field.
public struct FormView: Hashable, Sendable {
    public var fields: [FormField]
    /// Pressed with Enter while focused, e.g. ["Add", "Test S3", "Cancel"]; the owner decides what each does.
    public var buttons: [String]
    /// Index into the fields, then the buttons (`fields.count + i` is button i).
    public var focus: Int

    public init(fields: [FormField], buttons: [String] = [], focus: Int = 0) {
        self.fields = fields
        self.buttons = buttons
        self.focus = min(max(0, focus), max(0, fields.count + buttons.count - 1))
    }

    /// Field values by id, for submitting.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// The focused button's index, when a button has the focus.
    public var focusedButton: Int? {
        focus >= fields.count && focus < fields.count + buttons.count ? focus - fields.count : nil
    }

    /// The focused field, when a field has the focus.
    public var focusedField: FormField? { fields.indices.contains(focus) ? fields[focus] : nil }

    /// Moves the focus to the field with `id`; returns whether it exists.
    @discardableResult
    public mutating func focus(on id: String) -> Bool {
        guard let i = fields.firstIndex(where: { $0.id == id }) else { return false }
        focus = i
        return true
    }

    /// Sets or clears the error shown beside a field.
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
        let count = fields.count + buttons.count
        guard count > 0 else { return false }
        // A select's search ends when the focus leaves it.
        if [.tab, .down, .backTab, .up].contains(key), fields.indices.contains(focus) { fields[focus].search = "" }
        switch key {
        case .tab, .down: focus = (focus + 1) % count
        case .backTab, .up: focus = (focus - 1 + count) % count
        case .left where focusedButton != nil: focus = max(fields.count, focus - 1)
        case .right where focusedButton != nil: focus = min(count - 1, focus + 1)
        default:
            guard fields.indices.contains(focus) else { return false }
            return fields[focus].handle(key)
        }
        return true
    }

    private func buttonLabel(_ title: String) -> String { "[ " + title + " ]" }

    /// The screen rectangle of each button when drawn in `rect`, for mouse clicks.
    public func buttonFrames(in rect: Rect) -> [Rect] {
        guard !buttons.isEmpty, rect.height >= 1 else { return [] }
        let labels = buttons.map(buttonLabel)
        let total = labels.map { DisplayWidth.of($0) }.reduce(0, +) + max(0, labels.count - 1) * 2
        var x = rect.x + max(0, (rect.width - total) / 2)
        return labels.map { label in
            let w = min(DisplayWidth.of(label), max(0, rect.maxX - x))
            defer { x += DisplayWidth.of(label) + 2 }
            return Rect(x: x, y: rect.maxY - 1, width: w, height: 1)
        }
    }

    /// Draws the fields, labels right-aligned in a column; an error goes beside its field when there is room
    /// (at least 16 cells are kept for the input), else on the row below. The buttons take the last row. Scrolls so
    /// the focused field is visible, with ▲/▼ where fields are cut off.
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme[.dialog])
        let buttonRows = buttons.isEmpty ? 0 : min(2, rect.height)
        let area = Rect(x: rect.x, y: rect.y, width: rect.width, height: max(0, rect.height - buttonRows))
        let longestLabel = fields.map { DisplayWidth.of($0.label) + ($0.isRequired ? 2 : 1) }.max() ?? 0
        let labelWidth = min(longestLabel, max(6, area.width * 2 / 5))
        let fieldX = area.x + labelWidth + 1
        let fieldWidth = max(0, area.maxX - fieldX)
        let minInput = 16
        func errorBeside(_ f: FormField) -> Bool {
            guard let e = f.error else { return false }
            return DisplayWidth.of(e) + 1 + minInput <= fieldWidth
        }
        let heights = fields.map { $0.error == nil || errorBeside($0) ? 1 : 2 }
        let target = min(focus, max(0, fields.count - 1))
        // First field drawn: the earliest one that still lets the focused field fit.
        var first = 0
        while first < target && heights[first...target].reduce(0, +) > area.height { first += 1 }
        var y = area.y
        var last = first - 1
        for index in first..<fields.count {
            guard y + heights[index] <= area.maxY || (y < area.maxY && index == first) else { break }
            let field = fields[index]
            let focused = index == focus
            let label = field.label + (field.isRequired ? "*" : "") + ":"
            screen.put(label, x: area.x, y: y, style: focused ? theme[.accent] : theme[.label], width: labelWidth, alignment: .right)
            let beside = errorBeside(field)
            let errorWidth = beside ? DisplayWidth.of(field.error ?? "") + 1 : 0
            let inputRect = Rect(x: fieldX, y: y, width: fieldWidth - errorWidth, height: 1)
            let inputStyle = focused ? theme[.inputFocused] : theme[.input]
            switch field.kind {
            case .text(let input):
                input.draw(into: &screen, in: inputRect, style: inputStyle, showsCursor: focused)
            case .password(let input):
                input.draw(into: &screen, in: inputRect, style: inputStyle, masked: true, showsCursor: focused)
            case .select(let options, let selected):
                var shown = options.indices.contains(selected) ? options[selected] : ""
                if let chosen = field.chosen {
                    // Several may be ticked: the one shown says whether it is, the count says how many are.
                    shown = (chosen.contains(selected) ? "[x] " : "[ ] ") + shown
                }
                screen.fill(inputRect, style: inputStyle)
                var more = options.count > 1 ? " ▸" : ""
                if let chosen = field.chosen { more += "  \(chosen.count) ticked" }
                let drawn = screen.put((options.count > 1 ? "◂ " : "  ") + shown + more, x: fieldX, y: y, style: inputStyle, maxWidth: inputRect.width)
                if focused, !field.search.isEmpty {
                    screen.put("  /" + field.search, x: fieldX + drawn, y: y, style: inputStyle.with(.dim), maxWidth: max(0, inputRect.width - drawn))
                }
            case .checkbox(let on):
                screen.put(on ? "[x]" : "[ ]", x: fieldX, y: y, style: inputStyle, maxWidth: inputRect.width)
            }
            if field.value.isEmpty, let placeholder = field.placeholder {
                let offset = focused ? 1 : 0
                if case .checkbox = field.kind {} else {
                    screen.put(placeholder, x: fieldX + offset + (isSelect(field) ? 2 : 0), y: y, style: inputStyle.with(.dim),
                               maxWidth: max(0, inputRect.width - offset - (isSelect(field) ? 2 : 0)))
                }
            }
            if let error = field.error {
                if beside {
                    screen.put(error, x: inputRect.maxX + 1, y: y, style: theme[.error], maxWidth: errorWidth - 1)
                } else if y + 1 < area.maxY {
                    screen.put(error, x: fieldX, y: y + 1, style: theme[.error], maxWidth: fieldWidth)
                }
            }
            y += heights[index]
            last = index
        }
        if first > 0 { screen.put("▲", x: area.maxX - 1, y: area.y, style: theme[.dim]) }
        if last < fields.count - 1, area.height > 0 { screen.put("▼", x: area.maxX - 1, y: area.maxY - 1, style: theme[.dim]) }
        for (i, (title, frame)) in zip(buttons, buttonFrames(in: rect)).enumerated() where frame.width > 0 {
            let style = focusedButton == i ? theme[.buttonFocused] : theme[.button]
            screen.put(buttonLabel(title), x: frame.x, y: frame.y, style: style, maxWidth: frame.width)
        }
    }

    private func isSelect(_ f: FormField) -> Bool {
        if case .select = f.kind { return true }
        return false
    }
}
