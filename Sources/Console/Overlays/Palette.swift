import TUI

/// The `:` command line, with completions: Enter runs it, Tab completes, Esc (or Backspace when empty) closes it.
struct Palette {
    enum Outcome: Equatable { case open, closed, execute(String) }

    var input = TextInput()
    var suggestions: [String] = []
    var error: String?

    mutating func update(_ key: Key, suggest: (String) -> [String]) -> Outcome {
        switch key {
        case .escape: return .closed
        case .enter: return .execute(input.text)
        case .tab:
            if let first = suggestions.first {
                input = TextInput(first)
                suggestions = suggest(first)
            }
        default:
            if key == .backspace, input.isEmpty { return .closed }
            _ = input.handle(key)
            suggestions = suggest(input.text)
        }
        return .open
    }
}
