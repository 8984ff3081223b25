import TUI

/// The `?` overlay: every key, grouped, from the one key table; the current view's own action keys after them.
enum Help {
    static func view(for s: AppState) -> HelpView {
        var sections = [
            HelpView.Section("Everywhere", KeyBindings.help(.everywhere)),
            HelpView.Section("Navbar", KeyBindings.help(.navbar)),
            HelpView.Section("Lists", KeyBindings.help(.list)),
            HelpView.Section("Plugins section", KeyBindings.help(.pluginsListing)),
        ]
        if let list = s.currentList, !list.definition.actions.isEmpty || HeaderActions.first(list) != nil {
            var keys: [HelpView.Entry] = list.definition.actions.compactMap { a in
                a.key.map { .init(String($0), a.label + (a.isMutating && s.readOnly ? " (read-only: off)" : "")) }
            }
            let headers = list.definition.headerActions
            if let add = headers.first {
                let what = headers.count > 1 ? "a menu: " + headers.map(\.label).joined(separator: "; ")
                    : Components.storageKind(add.component) != nil ? add.label.lowercased() + ": a dialog whose fields follow the provider" : add.label
                keys.append(.init("A or +", what + (s.readOnly ? " (read-only: off)" : "")))
            }
            // Actions that share a key (Delete of an image or a staging store) are listed once.
            var seen = Set<String>()
            keys = keys.filter { seen.insert($0.key + $0.action).inserted }
            sections.append(HelpView.Section(list.definition.title, keys))
        }
        sections.append(HelpView.Section("Forms and dialogs", KeyBindings.help(.forms)))
        return HelpView(title: "Keys", sections: sections)
    }
}
