import TUI

/// The add-storage dialog: a status line (what is happening or what the server said), the fields with their
/// errors beside them, the buttons, and the focused field's help; the S3 test's table and the discard question on top.
enum StorageDialogPane {
    static func draw(_ d: StorageDialog, theme: Theme, into screen: inout Screen, in area: Rect) {
        let width = min(area.width - 2, 96)
        let messageLines = d.message.map { TextWrap.lines($0.text, width: max(1, width - 4)).prefix(3).count } ?? 0
        let fieldRows = d.form.fields.reduce(0) { $0 + ($1.error == nil ? 1 : 2) }
        let height = min(area.height, fieldRows + messageLines + 2 + 1 + 2 + 1)
        let box = area.centered(width: width, height: height)
        let inner = Frame(title: " \(d.title) ", borderRole: .dialogBorder, titleRole: .dialogTitle, fillRole: .dialog)
            .draw(into: &screen, in: box, theme: theme)
        guard !inner.isEmpty else { return }
        let content = inner.inset(left: 1, right: 1)
        var y = content.y
        if let message = d.message {
            let style = message.isError ? theme[.error] : theme[.dim]
            for line in TextWrap.lines(message.text, width: max(1, content.width)).prefix(3) where y < content.maxY - 2 {
                screen.put(line, x: content.x, y: y, style: style, maxWidth: content.width)
                y += 1
            }
            y += 1
        }
        let helpRow = content.maxY - 1
        let formRect = Rect(x: content.x, y: y, width: content.width, height: max(0, helpRow - y))
        d.form.draw(into: &screen, in: formRect, theme: theme)
        if let help = d.form.focusedField?.help, helpRow > y {
            screen.put(help, x: content.x, y: helpRow, style: theme[.dim], maxWidth: content.width)
        }
        if d.showingReport, !d.s3Report.isEmpty {
            Dialog(title: "S3 test", message: d.s3Report.joined(separator: "\n"), buttons: ["OK"], isDangerous: d.message?.isError == true)
                .draw(into: &screen, in: area, theme: theme)
        }
        d.discard?.draw(into: &screen, in: area, theme: theme)
    }
}
