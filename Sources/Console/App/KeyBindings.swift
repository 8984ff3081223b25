import TUI

/// What a key does when no overlay is open.
enum KeyCommand: Equatable {
    case help, palette, notifications, switchFocus, back, refresh, autoRefresh
    case openSection, moveInNavbar
    case filter, serverFilter, sortNext, sortReverse, details, actionMenu, headerAction, toNavbar, move, related, mark, markAll
    case reloadPlugins, pluginDetails
    /// Keys a widget handles itself (forms, dialogs); listed for the help only.
    case widget
}

/// Where a binding applies.
enum KeyContext: Equatable {
    /// With no overlay open, wherever the focus is.
    case everywhere
    case navbar
    /// A list view with the focus.
    case list
    /// The Plugins listing with the focus.
    case pluginsListing
    /// A pane that is neither (the Dashboard).
    case page
    /// Inside forms and dialogs.
    case forms
}

/// One key binding: the keys, what they do, where, and how the help and the footer name them.
struct KeyBinding {
    var keys: [Key]
    /// The keys as the help shows them ("↑↓ j k").
    var shown: String
    var help: String
    var contexts: [KeyContext]
    var command: KeyCommand
    /// Footer hint per context: its label and priority (higher stays longer on a narrow screen).
    var hints: [(context: KeyContext, key: String, label: String, priority: Int)] = []
}

/// The one key table: dispatch, the `?` help and the footer hints are all made from it.
enum KeyBindings {
    static let moveKeys: [Key] = [.up, .down, .char("j"), .char("k"), .home, .end, .char("g"), .char("G"), .pageUp, .pageDown]

    static let table: [KeyBinding] = [
        KeyBinding(keys: [.char("?")], shown: "?", help: "this help", contexts: [.everywhere], command: .help,
                   hints: [(.list, "?", "help", 9), (.navbar, "?", "help", 9), (.pluginsListing, "?", "help", 9), (.page, "?", "help", 9)]),
        KeyBinding(keys: [.up, .down], shown: "↑↓", help: "move through the navbar's sections", contexts: [.navbar], command: .moveInNavbar,
                   hints: [(.navbar, "↑↓", "section", 9)]),
        KeyBinding(keys: [.char(":")], shown: ":", help: "command palette (:instances, :listHosts, :q)", contexts: [.everywhere], command: .palette,
                   hints: [(.list, ":", "command", 5), (.navbar, ":", "command", 6), (.pluginsListing, ":", "command", 5), (.page, ":", "command", 6)]),
        KeyBinding(keys: [.char("n")], shown: "n", help: "notifications of actions and jobs", contexts: [.everywhere], command: .notifications,
                   hints: [(.list, "n", "jobs", 5), (.page, "n", "jobs", 5)]),
        KeyBinding(keys: [.tab, .backTab], shown: "Tab", help: "switch between navbar and list", contexts: [.everywhere], command: .switchFocus,
                   hints: [(.page, "Tab", "navbar", 6)]),
        KeyBinding(keys: [.char("q"), .escape], shown: "q / Esc", help: "back: close pane, clear marks, clear filter, up from a related view, to navbar; q in navbar quits",
                   contexts: [.everywhere], command: .back,
                   hints: [(.list, "q", "back", 6), (.navbar, "q", "quit", 7), (.pluginsListing, "q", "back", 6), (.page, "q", "back", 6)]),
        KeyBinding(keys: [.ctrl("c")], shown: "Ctrl-C", help: "quit", contexts: [.everywhere], command: .widget),
        KeyBinding(keys: [.char("r")], shown: "r", help: "refresh", contexts: [.list, .navbar, .page], command: .refresh,
                   hints: [(.list, "r", "refresh", 6), (.page, "r", "refresh", 7)]),
        KeyBinding(keys: [.char("a")], shown: "a", help: "auto-refresh on/off", contexts: [.everywhere], command: .autoRefresh),
        KeyBinding(keys: [.enter, .right, .char("l")], shown: "Enter", help: "open the section", contexts: [.navbar], command: .openSection,
                   hints: [(.navbar, "Enter", "open", 8)]),
        KeyBinding(keys: [.char("j"), .char("k"), .home, .end, .char("g"), .char("G")], shown: "j k g G", help: "move, first, last",
                   contexts: [.navbar], command: .moveInNavbar),
        KeyBinding(keys: [.up, .down, .char("j"), .char("k")], shown: "↑↓ j k", help: "move", contexts: [.list, .pluginsListing], command: .move,
                   hints: [(.pluginsListing, "↑↓", "plugin", 7)]),
        KeyBinding(keys: [.pageUp, .pageDown], shown: "PgUp PgDn", help: "page", contexts: [.list, .pluginsListing], command: .move),
        KeyBinding(keys: [.home, .end, .char("g"), .char("G")], shown: "g G", help: "first / last row", contexts: [.list, .pluginsListing], command: .move),
        KeyBinding(keys: [.char("/")], shown: "/", help: "filter as you type (Enter keeps, Esc clears)", contexts: [.list], command: .filter,
                   hints: [(.list, "/", "filter", 8)]),
        KeyBinding(keys: [.char(" ")], shown: "Space", help: "mark the row for an action on several rows (Esc clears the marks)",
                   contexts: [.list], command: .mark),
        KeyBinding(keys: [.char("*")], shown: "*", help: "mark every row the filter shows (again: clear the marks)", contexts: [.list],
                   command: .markAll),
        KeyBinding(keys: [.char("f")], shown: "f", help: "filter on the server by the view's fields (events: level, type, dates)",
                   contexts: [.list], command: .serverFilter),
        KeyBinding(keys: [.char("o")], shown: "o", help: "sort by the next column", contexts: [.list], command: .sortNext,
                   hints: [(.list, "o", "sort", 4)]),
        KeyBinding(keys: [.char("O")], shown: "O", help: "reverse the sort", contexts: [.list], command: .sortReverse),
        KeyBinding(keys: [.enter], shown: "Enter", help: "details of the row", contexts: [.list], command: .details,
                   hints: [(.list, "Enter", "details", 7)]),
        KeyBinding(keys: [.char("x")], shown: "x", help: "actions for the row", contexts: [.list], command: .actionMenu,
                   hints: [(.list, "x", "actions", 8)]),
        KeyBinding(keys: (1...9).map { .char(Character(String($0))) }, shown: "1-9",
                   help: "a related view of the row, narrowed to it (a host's instances; listed in its details)", contexts: [.list],
                   command: .related),
        KeyBinding(keys: [.char("A"), .char("+")], shown: "A or +", help: "the view's add action", contexts: [.list], command: .headerAction),
        KeyBinding(keys: [.left, .char("h")], shown: "← h", help: "to the navbar", contexts: [.list, .pluginsListing], command: .toNavbar),
        KeyBinding(keys: [.enter], shown: "Enter", help: "details: author, link, files, loaded or failed and why", contexts: [.pluginsListing],
                   command: .pluginDetails, hints: [(.pluginsListing, "Enter", "details", 8)]),
        KeyBinding(keys: [.char("R"), .char("r")], shown: "R", help: "reload plugins.json and every config.json, no restart",
                   contexts: [.pluginsListing], command: .reloadPlugins, hints: [(.pluginsListing, "R", "reload plugins", 8)]),
        KeyBinding(keys: [], shown: "mouse", help: "click rows and navbar items", contexts: [.list], command: .widget),
        KeyBinding(keys: [], shown: "Tab / Shift-Tab", help: "next / previous field or button", contexts: [.forms], command: .widget),
        KeyBinding(keys: [], shown: "← → Space", help: "change a choice, tick a box", contexts: [.forms], command: .widget),
        KeyBinding(keys: [], shown: "letter", help: "in a choice: the next option starting with it", contexts: [.forms], command: .widget),
        KeyBinding(keys: [], shown: "Enter", help: "add or run (checks every field first)", contexts: [.forms], command: .widget),
        KeyBinding(keys: [], shown: "Esc", help: "cancel; asks first when you have typed something", contexts: [.forms], command: .widget),
    ]

    /// The context of the keys now: the focused pane.
    static func context(_ s: AppState) -> KeyContext {
        if s.focus == .navbar { return .navbar }
        if s.section == Sections.plugins { return .pluginsListing }
        return s.currentList != nil ? .list : .page
    }

    /// The command `key` runs in `context`: the first binding of that context (or of everywhere) with the key.
    static func command(for key: Key, in context: KeyContext) -> KeyCommand? {
        // A context's own binding wins over an everywhere one (Enter in the navbar opens; r in Plugins reloads).
        let own = table.first { $0.contexts.contains(context) && $0.keys.contains(key) && $0.command != .widget }
        let everywhere = table.first { $0.contexts.contains(.everywhere) && $0.keys.contains(key) && $0.command != .widget }
        return (own ?? everywhere)?.command
    }

    /// Footer hints of a context, in table order.
    static func hints(_ context: KeyContext) -> [KeyHint] {
        table.flatMap { b in b.hints.filter { $0.context == context }.map { KeyHint($0.key, $0.label, priority: $0.priority) } }
    }

    /// Help entries of a context.
    static func help(_ context: KeyContext) -> [HelpView.Entry] {
        table.filter { $0.contexts.contains(context) }.map { HelpView.Entry($0.shown, $0.help) }
    }
}
