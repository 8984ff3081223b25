import TUI

/// Keys while an overlay is open. Each overlay is a sub-model with its own `update(key) -> outcome`; this only says
/// what each outcome does to the console.
enum Overlays {
    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard let overlay = s.overlay else { return [] }
        switch overlay {
        case .help(var help):
            s.overlay = HelpOverlay.update(&help, key) ? .help(help) : nil
        case .tray(var tray):
            s.overlay = TrayOverlay.update(&tray, key) ? .tray(tray) : nil
        case .message(var dialog):
            switch Confirmation.update(&dialog, key, shortcuts: false) {
            case .open:
                s.overlay = .message(dialog)
            case .yes, .no:
                s.overlay = nil
                if dialog.buttons == ["Quit"] {
                    s.quitting = true
                    return [.quit]
                }
            }
        case .confirm(var dialog, let pending):
            if key == .escape, let form = s.reviewedForm {
                s.reviewedForm = nil
                s.overlay = .form(form)
                return []
            }
            switch Confirmation.update(&dialog, key) {
            case .open: s.overlay = .confirm(dialog, pending)
            case .yes:
                s.overlay = nil
                s.reviewedForm = nil
                return Actions.run(pending, &s)
            case .no:
                s.overlay = nil
                s.reviewedForm = nil
            }
        case .storage:
            return StorageDialogs.handle(key, &s)
        case .form(var f):
            switch f.update(key) {
            case .editing:
                // A step moved on, or a value a picker depends on changed: its choices are asked for again.
                let effects = f.takeOptionLoads()
                s.overlay = .form(f)
                return effects
            case .cancelled:
                s.overlay = nil
                Update.flash(&s, "\(f.pending.action.label): cancelled", error: false)
            case .submit(let values) where f.narrowsList:
                s.overlay = nil
                return ServerFilter.apply(values, f, &s)
            case .submit(let values):
                var pending = f.pending
                pending.context.inputs = values
                pending.choiceLabels = f.choiceLabels
                s.overlay = nil
                let effects = Actions.confirmOrRun(pending, &s)
                // A wizard's review: Esc on it goes back to the last step, everything typed kept.
                if case .confirm? = s.overlay, !f.steps.isEmpty { s.reviewedForm = f }
                return effects
            }
        case .actionMenu(var menu):
            switch menu.update(key) {
            case .open: s.overlay = .actionMenu(menu)
            case .closed: s.overlay = nil
            case .run(let action):
                s.overlay = nil
                return Actions.trigger(action, view: menu.listView, row: menu.row, &s)
            }
        case .palette(var palette):
            switch palette.update(key, suggest: { PaletteCommands.suggestions(for: $0, s) }) {
            case .open: s.overlay = .palette(palette)
            case .closed: s.overlay = nil
            case .execute(let text):
                s.overlay = nil
                return PaletteCommands.execute(text, &s)
            }
        }
        return []
    }
}
