/// Keys the console keeps for navigation and global commands; no plugin action may take them.
public enum ReservedKeys {
    /// j k g G h l (move), / (filter), : (palette), ? (help), q (back), n (notifications), r (refresh),
    /// a (auto-refresh), x (action menu), o O (sort), A + (add), f (server-side filter), * (mark all), 1-9 (related views), and the
    /// space bar.
    public static let characters: Set<Character> = ["j", "k", "g", "G", "h", "l", "/", ":", "?", "q", "n", "r", "a", "x", "o", "O", "A", "+", " ", "f", "*",
                                                    "1", "2", "3", "4", "5", "6", "7", "8", "9"]

    /// Why `key` cannot run a plugin action, or nil when it can.
    public static func problem(_ key: Character) -> String? {
        if key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format }) {
            return "is a control character (Tab, Enter, Esc and Ctrl keys belong to the console)"
        }
        if characters.contains(key) {
            return "'\(key)' is the console's own key (\(description(key))); choose another, e.g. an upper-case letter"
        }
        if !key.isLetter && !key.isNumber && !key.isPunctuation && !key.isSymbol {
            return "must be a letter, digit or symbol you can type"
        }
        return nil
    }

    private static func description(_ key: Character) -> String {
        switch key {
        case "j", "k", "g", "G", "h", "l": return "moving"
        case "/": return "filter"
        case ":": return "command palette"
        case "?": return "help"
        case "q": return "back and quit"
        case "n": return "notifications"
        case "r": return "refresh"
        case "a": return "auto-refresh"
        case "x": return "action menu"
        case "o", "O": return "sort"
        case "A", "+": return "add"
        case "f": return "server-side filter"
        case "*": return "mark all"
        case "1", "2", "3", "4", "5", "6", "7", "8", "9": return "related views"
        default: return "marking rows"
        }
    }
}
