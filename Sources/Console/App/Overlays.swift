import CloudStack
import Foundation
import PluginKit
import TUI

/// Keys while an overlay is open: help, notifications, confirmation, action menu, palette, messages.
enum Overlays {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard let overlay = s.overlay else { return [] }
        switch overlay {
        case .help(var help):
            if key == .escape || key == .char("q") || key == .char("?") || key == .enter {
                s.overlay = nil
            } else {
                _ = help.handle(key)
                s.overlay = .help(help)
            }
        case .tray(var tray):
            if key == .escape || key == .char("q") || key == .char("n") {
                s.overlay = nil
            } else {
                _ = tray.handle(key)
                s.overlay = .tray(tray)
            }
        case .message(var dialog):
            switch dialog.handle(key) {
            case .pressed, .cancelled:
                s.overlay = nil
                if dialog.buttons == ["Quit"] {
                    s.quitting = true
                    return [.quit]
                }
            case .none:
                s.overlay = .message(dialog)
            }
        case .confirm(var dialog, let pending):
            let outcome: Dialog.Outcome
            switch key {
            case .char("y"), .char("Y"): outcome = .pressed(0)
            case .char("n"), .char("N"), .char("q"): outcome = .cancelled
            default: outcome = dialog.handle(key)
            }
            switch outcome {
            case .pressed(0):
                s.overlay = nil
                return Actions.run(pending, &s)
            case .pressed, .cancelled:
                s.overlay = nil
            case .none:
                s.overlay = .confirm(dialog, pending)
            }
        case .storage:
            return StorageDialogs.handle(key, &s)
        case .form(var f):
            switch f.update(key) {
            case .editing:
                s.overlay = .form(f)
            case .cancelled:
                s.overlay = nil
                Update.flash(&s, "\(f.pending.action.label): cancelled", error: false)
            case .submit(let values):
                var pending = f.pending
                pending.context.inputs = values
                s.overlay = nil
                return Actions.confirmOrRun(pending, &s)
            }
        case .actionMenu(var menu):
            switch key {
            case .escape, .char("q"), .char("x"):
                s.overlay = nil
            case .up, .char("k"):
                menu.selected = max(0, menu.selected - 1)
                s.overlay = .actionMenu(menu)
            case .down, .char("j"):
                menu.selected = min(menu.actions.count - 1, menu.selected + 1)
                s.overlay = .actionMenu(menu)
            case .enter:
                s.overlay = nil
                return Actions.trigger(menu.actions[menu.selected], view: menu.listView, row: menu.row, &s)
            case .char(let c):
                if let action = menu.actions.first(where: { $0.key == c }) {
                    s.overlay = nil
                    return Actions.trigger(action, view: menu.listView, row: menu.row, &s)
                }
            default:
                break
            }
        case .palette(var palette):
            switch key {
            case .escape:
                s.overlay = nil
            case .enter:
                s.overlay = nil
                return PaletteCommands.execute(palette.input.text, &s)
            case .tab:
                if let first = palette.suggestions.first {
                    palette.input = TextInput(first)
                    palette.suggestions = PaletteCommands.suggestions(for: first, s)
                }
                s.overlay = .palette(palette)
            default:
                if key == .backspace, palette.input.isEmpty {
                    s.overlay = nil
                    return []
                }
                _ = palette.input.handle(key)
                palette.suggestions = PaletteCommands.suggestions(for: palette.input.text, s)
                s.overlay = .palette(palette)
            }
        }
        return []
    }
}

/// What `:` understands: q, section names, profile NAME, and any list* API listApis offers.
enum PaletteCommands {
    static func execute(_ text: String, _ s: inout AppState) -> [Effect] {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first?.lowercased() else { return [] }
        switch first {
        case "q", "q!", "quit", "exit":
            s.quitting = true
            return [.quit]
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
        Update.flash(&s, "Unknown command '\(words[0])': try :instances, :storage, :plugins, :dashboard, :listHosts or :q", error: true)
        return []
    }

    static func suggestions(for text: String, _ s: AppState) -> [String] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        let sections = ["dashboard", "instances", "storage", "secondary", "snapshots", "zones", "pods", "clusters", "hosts", "events", "plugins", "quit"]
        let lists = s.apis.map(\.name).filter { $0.hasPrefix("list") }
        return (sections + lists).filter { $0.lowercased().hasPrefix(needle) && $0.lowercased() != needle }.prefix(8).map { $0 }
    }
}

/// Mouse clicks on navbar items and rows, and the wheel.
enum Mouse {
    static func handle(_ m: MouseEvent, _ s: inout AppState) -> [Effect] {
        guard s.overlay == nil else { return [] }
        let layout = ScreenLayout(width: s.width, height: s.height, detailOpen: s.detail != nil)
        switch m.action {
        case .scrollUp, .scrollDown:
            guard var list = s.currentList else { return [] }
            list.table.move(by: m.action == .scrollUp ? -3 : 3, rowCount: list.visible.count, visibleRows: max(1, layout.table.height - 1))
            s.lists[list.id] = list
            return []
        case .click:
            if layout.navbar.contains(x: m.x, y: m.y), let id = s.navbar.itemID(atY: m.y, in: layout.navbar) {
                s.navbar.selectedID = id
                s.focus = .main
                s.navbar.isFocused = false
                return Update.open(id, &s)
            }
            if layout.table.contains(x: m.x, y: m.y), var list = s.currentList {
                let table = Table(columns: [], state: list.table)
                if let row = table.row(atY: m.y, in: layout.table, rowCount: list.visible.count) {
                    list.table.select(row, rowCount: list.visible.count, visibleRows: max(1, layout.table.height - 1))
                    s.lists[list.id] = list
                    s.focus = .main
                    s.navbar.isFocused = false
                }
            }
            return []
        }
    }
}
