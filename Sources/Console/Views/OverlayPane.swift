import TUI

/// Overlays drawn over the main pane: help, notifications tray, dialogs, action menu, palette.
enum OverlayPane {
    static func draw(_ overlay: AppState.Overlay, _ s: AppState, into screen: inout Screen, in layout: ScreenLayout) {
        let theme = s.theme
        let area = Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2))
        switch overlay {
        case .help(let help):
            help.draw(into: &screen, in: area, theme: theme)
        case .tray:
            let rect = area.centered(width: min(area.width - 2, 90), height: min(area.height - 2, max(5, s.jobs.jobs.count + 2)))
            let inner = Frame(title: " Notifications ", borderRole: .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
                .draw(into: &screen, in: rect, theme: theme)
            if case .tray(var tray) = overlay {
                // Elapsed times move on while the tray is open.
                tray.items = s.jobs.jobs.map { $0.trayItem(now: s.now) }
                tray.draw(into: &screen, in: inner, theme: theme)
            }
        case .confirm(let dialog, _), .message(let dialog):
            dialog.draw(into: &screen, in: area, theme: theme)
        case .form(let f):
            let form = f.form
            // Fields, a row under each error, a gap and the buttons, the frame.
            // A line under the buttons for the focused field's help, when a field has one.
            let hasHelp = form.fields.contains { $0.help != nil }
            let rows = form.fields.count + form.fields.filter { $0.error != nil }.count + 2 + (hasHelp ? 1 : 0)
            let rect = area.centered(width: min(area.width - 2, 72), height: min(area.height, rows + 2))
            let subject = f.pending.row["name"] ?? f.pending.row.id
            var title = subject.isEmpty ? " \(f.pending.action.label) " : " \(f.pending.action.label): \(subject) "
            if let step = f.stepTitle { title += "— \(step) " }
            let inner = Frame(title: title, borderRole: .dialogBorder,
                              titleRole: .dialogTitle, fillRole: .dialog).draw(into: &screen, in: rect, theme: theme)
            let formRect = hasHelp ? Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1)) : inner
            form.draw(into: &screen, in: formRect, theme: theme)
            if hasHelp, inner.height > 1, let help = form.focusedField?.help {
                screen.put(" " + help, x: inner.x, y: inner.maxY - 1, style: theme[.dim], maxWidth: inner.width)
            }
            f.discard?.draw(into: &screen, in: area, theme: theme)
        case .storage(let dialog):
            StorageDialogPane.draw(dialog, theme: theme, into: &screen, in: area)
        case .actionMenu(let menu):
            let width = min(area.width - 2, max(30, (menu.actions.map { $0.label.count }.max() ?? 10) + 10))
            let rect = area.centered(width: width, height: min(area.height, menu.actions.count + 2))
            let subject = menu.row["name"] ?? menu.row.id
            let inner = Frame(title: subject.isEmpty ? " Actions " : " Actions: \(subject) ", borderRole: .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
                .draw(into: &screen, in: rect, theme: theme)
            for (i, a) in menu.actions.enumerated() where i < inner.height {
                let style = i == menu.selected ? theme[.selectedRow] : theme[.dialog]
                screen.fill(inner.row(i), style: style)
                let key = a.key.map { String($0) } ?? " "
                screen.put(" \(key)  \(a.label)", x: inner.x, y: inner.y + i, style: style, maxWidth: inner.width)
            }
        case .palette(let palette):
            let y = max(1, s.height - 2)
            let row = Rect(x: 0, y: y, width: s.width, height: 1)
            screen.fill(row, style: theme[.inputFocused])
            let text = ":" + palette.input.text
            screen.put(text + "▏", x: 0, y: y, style: theme[.inputFocused], maxWidth: s.width)
            if !palette.suggestions.isEmpty, y > 1 {
                let line = palette.suggestions.joined(separator: "  ")
                let srow = Rect(x: 0, y: y - 1, width: s.width, height: 1)
                screen.fill(srow, style: theme[.dialog])
                screen.put(" " + line, x: 0, y: y - 1, style: theme[.dim], maxWidth: s.width)
            }
        }
    }
}
