import TUI

/// The `?` overlay: every key, grouped.
enum Help {
    static func view(for s: AppState) -> HelpView {
        var sections = [
            HelpView.Section("Everywhere", [
                .init("?", "this help"), .init(":", "command palette (:instances, :listHosts, :q)"),
                .init("n", "notifications of actions and jobs"), .init("Tab", "switch between navbar and list"),
                .init("q / Esc", "back: close pane, clear filter, go to navbar; q in navbar quits"),
                .init("Ctrl-C", "quit"), .init("r", "refresh"), .init("a", "auto-refresh on/off"),
            ]),
            HelpView.Section("Lists", [
                .init("↑↓ j k", "move"), .init("PgUp PgDn", "page"), .init("g G", "first / last row"),
                .init("/", "filter as you type (Enter keeps, Esc clears)"), .init("o / O", "sort by next column / reverse"),
                .init("Enter", "details of the row"), .init("x", "actions for the row"), .init("mouse", "click rows and navbar items"),
            ]),
        ]
        sections.append(HelpView.Section("Plugins section", [
            .init("Enter", "details: author, link, files, loaded or failed and why"),
            .init("R", "reload plugins.json and every config.json, no restart"),
        ]))
        if let list = s.currentList, !list.definition.actions.isEmpty || HeaderActions.first(list) != nil {
            var keys: [HelpView.Entry] = list.definition.actions.compactMap { a in
                a.key.map { .init(String($0), a.label + (a.isMutating && s.readOnly ? " (read-only: off)" : "")) }
            }
            if let add = HeaderActions.first(list) {
                let what = Components.storageKind(add.component) != nil ? add.label.lowercased() + ": a dialog whose fields follow the provider" : add.label
                keys.append(.init("A or +", what + (s.readOnly ? " (read-only: off)" : "")))
            }
            sections.append(HelpView.Section(list.definition.title, keys))
        }
        sections.append(HelpView.Section("Forms and dialogs", [
            .init("Tab / Shift-Tab", "next / previous field or button"), .init("← → Space", "change a choice, tick a box"),
            .init("letter", "in a choice: the next option starting with it"), .init("Enter", "add or run (checks every field first)"),
            .init("Esc", "cancel; asks first when you have typed something"),
        ]))
        return HelpView(title: "Keys", sections: sections)
    }
}
