import PluginKit
import TUI

/// What `:` understands: q, section names, history, profile NAME, and any API listApis offers.
enum PaletteCommands {
    static func execute(_ text: String, _ s: inout AppState) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return [] }
        switch first {
        case "q", "q!", "quit", "exit":
            s.quitting = true
            return [.quit]
        case "history":
            return HistoryView.open(&s)
        case "profile":
            guard words.count > 1 else {
                Update.flash(&s, "usage: :profile NAME (a section of the config file)", error: true)
                return []
            }
            Update.flash(&s, "Connecting with profile \(words[1])…", error: false)
            return [.switchProfile(words[1])]
        default:
            break
        }
        if let section = Sections.aliases[first] {
            s.focus = .main
            s.navbar.isFocused = false
            return Update.open(section, &s)
        }
        if first.hasPrefix("list") {
            let info = s.apis.first { $0.name.lowercased() == first }
            if !s.apis.isEmpty, info == nil {
                Update.flash(&s, "\(words[0]) is not an API this account may call (listApis)", error: true)
                return []
            }
            let name = info?.name ?? words[0]
            let id = "api:" + name
            if s.lists[id] == nil { s.lists[id] = ListModel(definition: GenericListView.definition(for: name, info: info)) }
            s.focus = .main
            s.navbar.isFocused = false
            s.section = id
            s.detail = nil
            return Update.reload(id, &s)
        }
        if let info = s.apis.first(where: { $0.name.lowercased() == first }) {
            s.focus = .main
            s.navbar.isFocused = false
            return APIForm.open(info, &s)
        }
        Update.flash(&s, "Unknown command '\(words[0])': not a section nor an API this account may call; try :instances, :hosts, :listHosts, :stopVirtualMachine or :q",
                     error: true)
        return []
    }

    static func suggestions(for text: String, _ s: AppState) -> [String] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        // Section names from the sections' own ids and aliases, then every command listApis offers.
        let sections = ["dashboard", "plugins", "history", "quit"] + BuiltInSections.views.flatMap { [$0.id] + $0.aliases }
        let commands = s.apis.map(\.name)
        var seen = Set<String>()
        return (sections + commands).filter { $0.lowercased().hasPrefix(needle) && $0.lowercased() != needle && seen.insert($0.lowercased()).inserted }
            .prefix(8).map { $0 }
    }
}
