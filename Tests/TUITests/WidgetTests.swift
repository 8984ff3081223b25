import Testing
@testable import TUI

@Suite struct WidgetTests {
    let theme = Theme.builtIn

    @Test func footerDropsTheLeastImportantHintsWhenNarrow() {
        let footer = Footer(hints: [
            KeyHint("↑↓", "move", priority: 5), KeyHint("Enter", "details", priority: 4), KeyHint("/", "filter", priority: 3),
            KeyHint("s", "sort", priority: 1), KeyHint("r", "refresh", priority: 2), KeyHint("?", "help", priority: 9),
        ])
        var wide = Screen(width: 80, height: 1)
        footer.draw(into: &wide, in: wide.bounds, theme: theme)
        for label in ["move", "details", "filter", "sort", "refresh", "help"] { #expect(wide.text(at: 0).contains(label)) }
        var narrow = Screen(width: 30, height: 1)
        footer.draw(into: &narrow, in: narrow.bounds, theme: theme)
        let line = narrow.text(at: 0)
        #expect(line.contains("help") && line.contains("move"))
        #expect(!line.contains("sort"))
        #expect(!line.contains("refresh"))
        #expect(!line.contains("…"), "whole hints are dropped rather than cut")
        // Order is kept: "move" still comes before "help".
        if let m = line.range(of: "move"), let h = line.range(of: "help") { #expect(m.lowerBound < h.lowerBound) }
        let key = narrow.position(of: "?")!
        #expect(narrow.style(x: key.x, y: 0) == theme[.footerKey])
    }

    @Test func dialogIsCentredAndClippedAt40x10() {
        let dialog = Dialog(
            title: "Destroy instance",
            message: "Destroy the virtual machine web-frontend-01? Its root volume is deleted and it cannot be recovered unless the expunge delay has not yet passed and an administrator recovers it from the Destroyed state. Volumes attached as data disks are detached first.",
            buttons: ["Cancel", "Destroy"], focusedButton: 1, isDangerous: true)
        var screen = Screen(width: 40, height: 10)
        dialog.draw(into: &screen, in: screen.bounds, theme: theme)
        let box = dialog.frame(in: screen.bounds)
        #expect(box.width <= 40 && box.height <= 10)
        #expect(box.x >= 0 && box.maxX <= 40 && box.y >= 0 && box.maxY <= 10)
        #expect(screen.text(at: box.y).contains("Destroy instance"))
        #expect(screen[box.x, box.y].character == "┌")
        #expect(screen[box.maxX - 1, box.maxY - 1].character == "┘")
        let body = screen.renderedText
        #expect(body.contains("…"), "the message is cut, not drawn past the box")
        #expect(body.contains("[ Cancel ]") && body.contains("[ Destroy ]"), "the buttons stay visible")
        let destroy = screen.position(of: "[ Destroy ]")!
        #expect(screen.style(x: destroy.x, y: destroy.y) == theme[.buttonFocused])
        var tiny = Screen(width: 12, height: 3)
        dialog.draw(into: &tiny, in: tiny.bounds, theme: theme)
        #expect(dialog.frame(in: tiny.bounds).width <= 12)
    }

    @Test func dialogKeys() {
        var dialog = Dialog(title: "Stop", message: "Stop web-01?", buttons: ["Cancel", "Stop"])
        #expect(dialog.handle(.right) == .none)
        #expect(dialog.focusedButton == 1)
        #expect(dialog.handle(.enter) == .pressed(1))
        #expect(dialog.handle(.escape) == .cancelled)
        #expect(dialog.handle(.char("c")) == .pressed(0))
    }

    @Test func formShowsFieldErrorsAndNeverTheSecret() {
        var form = FormView(fields: [
            .text("name", "Name", required: true),
            .password("password", "Password", value: "s3cr3t-P@ss"),
            .select("scope", "Scope", options: ["Zone", "Cluster"]),
            .checkbox("managed", "Managed"),
        ])
        let validBefore = form.validateRequired()
        #expect(!validBefore)
        var screen = Screen(width: 50, height: 8)
        form.draw(into: &screen, in: screen.bounds, theme: theme)
        let text = screen.renderedText
        #expect(!text.contains("s3cr3t"))
        #expect(text.contains("•••••••••••"))
        #expect(text.contains("Name*:"))
        // The message sits beside its field when there is room, at the right edge.
        let error = screen.position(of: "required")!
        #expect(error.y == 0)
        #expect(error.x == 50 - "required".count)
        #expect(screen.style(x: error.x, y: error.y) == theme[.error])
        // Too narrow to share the row: it goes on the row below the field.
        var narrow = Screen(width: 30, height: 8)
        form.draw(into: &narrow, in: narrow.bounds, theme: theme)
        #expect(narrow.position(of: "required")?.y == 1)
        #expect(text.contains("Zone"))
        #expect(text.contains("[ ]"))
        // Typing fills the focused field and moving on fills the next one; values keep the real text.
        for c in "web" { _ = form.handle(.key(c)) }
        _ = form.handle(.tab)
        _ = form.handle(.char("!"))
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.tab)
        _ = form.handle(.char(" "))
        let validAfter = form.validateRequired()
        #expect(validAfter)
        #expect(form.values == ["name": "web", "password": "s3cr3t-P@ss!", "scope": "Cluster", "managed": "true"])
        var after = Screen(width: 50, height: 8)
        form.draw(into: &after, in: after.bounds, theme: theme)
        #expect(!after.renderedText.contains("s3cr3t"))
        #expect(!after.renderedText.contains("required"))
        #expect(after.renderedText.contains("[x]"))
    }

    @Test func textInputEditsLikeAShell() {
        var input = TextInput("list virtual")
        #expect(input.cursor == 12)
        _ = input.handle(.ctrl("w"))
        #expect(input.text == "list ")
        for c in "hosts" { _ = input.handle(.char(c)) }
        _ = input.handle(.home)
        _ = input.handle(.delete)
        #expect(input.text == "ist hosts")
        _ = input.handle(.end)
        _ = input.handle(.backspace)
        _ = input.handle(.left)
        _ = input.handle(.char("X"))
        #expect(input.text == "ist hosXt")
        #expect(input.cursor == 8)
        _ = input.handle(.ctrl("u"))
        #expect(input.text == "t")
        #expect(input.cursor == 0)
        _ = input.handle(.right)
        _ = input.handle(.right)
        #expect(input.cursor == 1)
    }

    @Test func textInputScrollsToKeepTheCursorVisible() {
        var screen = Screen(width: 10, height: 1)
        TextInput("abcdefghijklmnopqrstuvwxyz").draw(into: &screen, in: screen.bounds, style: .plain)
        #expect(screen.text(at: 0) == "rstuvwxyz ")
        #expect(screen.style(x: 9, y: 0).isReversed)
    }

    @Test func navbarShowsSectionsWithIndentedItemsAndTheSelection() {
        let nav = Navbar(items: [
            NavItem(id: "dashboard", title: "Dashboard"),
            NavItem(id: "instances", title: "Instances"),
            NavItem(id: "storage", title: "Storage", children: [
                NavItem(id: "storage.primary", title: "Primary Storage"),
                NavItem(id: "storage.secondary", title: "Secondary Storage"),
            ]),
            NavItem(id: "events", title: "Events"),
        ], selectedID: "storage.primary")
        var screen = Screen(width: 20, height: 8)
        nav.draw(into: &screen, in: screen.bounds, theme: theme)
        #expect(screen.text(at: 2).hasPrefix(" Storage"))
        #expect(screen.text(at: 3).hasPrefix("   Primary Storage"))
        #expect(screen.text(at: 4) == "   Secondary Storage")
        #expect(screen.style(x: 0, y: 3) == theme[.navbarSelected])
        #expect(screen.style(x: 19, y: 3) == theme[.navbarSelected])
        #expect(screen.style(x: 0, y: 1) != theme[.navbarSelected])
        #expect(nav.itemID(atY: 1, in: screen.bounds) == "instances")
        var moved = nav
        _ = moved.handle(.down)
        _ = moved.handle(.down)
        #expect(moved.selectedID == "events")
        _ = moved.handle(.down)
        #expect(moved.selectedID == "events")
    }

    @Test func statusLineShowsSegmentsAndPendingJobs() {
        var screen = Screen(width: 80, height: 1)
        StatusLine(segments: ["profile: lab", "cloud.example.org", "admin (Root Admin)"], right: "2 jobs pending", highlightsRight: true)
            .draw(into: &screen, in: screen.bounds, theme: theme)
        let line = screen.text(at: 0)
        #expect(line.hasPrefix(" profile: lab │ cloud.example.org │ admin (Root Admin)"))
        #expect(line.hasSuffix("2 jobs pending "))
        #expect(screen.style(x: 0, y: 0) == theme[.status])
        #expect(screen.style(x: 70, y: 0) == theme[.statusAccent])
    }

    @Test func gaugeShowsPercentageAndColourByFill() {
        var screen = Screen(width: 50, height: 2)
        Gauge(label: "CPU", fraction: 0.9).draw(into: &screen, in: screen.bounds.row(0), theme: theme)
        Gauge(label: "Memory", fraction: 0.25).draw(into: &screen, in: screen.bounds.row(1), theme: theme)
        #expect(screen.text(at: 0).hasPrefix("CPU"))
        #expect(screen.text(at: 0).contains("90%"))
        #expect(screen.text(at: 1).contains("25%"))
        #expect(screen.style(x: 12, y: 0) == theme[.gaugeHigh])
        #expect(screen.style(x: 12, y: 1) == theme[.gaugeLow])
        let line = screen.text(at: 1)
        #expect(line.filter { $0 == "█" }.count * 3 < line.filter { $0 == "░" }.count + 3)
        #expect(Gauge(label: "x", fraction: .nan).percent == 0)
        #expect(Gauge(label: "x", fraction: 3).percent == 100)
    }

    @Test func helpOverlayListsKeys() {
        let help = HelpView(sections: [
            .init("Lists", [.init("↑/↓ j/k", "move"), .init("/", "filter as you type")]),
            .init("Global", [.init(":", "command palette"), .init("q", "back / quit")]),
        ])
        var screen = Screen(width: 80, height: 24)
        help.draw(into: &screen, in: screen.bounds, theme: theme)
        let text = screen.renderedText
        #expect(text.contains("Keys"))
        #expect(text.contains("filter as you type"))
        #expect(text.contains("command palette"))
        let key = screen.position(of: "q ")!
        #expect(screen.style(x: key.x, y: key.y) == theme[.helpKey])
    }

    @Test func trayShowsJobStatesElapsedAndErrors() {
        var tray = Tray()
        tray.upsert(TrayItem(id: "j1", title: "Start web-01", status: .pending, elapsed: 3))
        tray.upsert(TrayItem(id: "j2", title: "Stop db-01", status: .failed, elapsed: 125, detail: "Unable to stop: host is in maintenance"))
        tray.upsert(TrayItem(id: "j1", title: "Start web-01", status: .succeeded, elapsed: 14))
        #expect(tray.pendingCount == 0)
        var screen = Screen(width: 50, height: 5)
        tray.draw(into: &screen, in: screen.bounds, theme: theme)
        #expect(screen.text(at: 0).contains("✗ Stop db-01"))
        #expect(screen.text(at: 0).contains("2m05s"))
        #expect(screen.text(at: 1).contains("Unable to stop"))
        #expect(screen.text(at: 2).contains("✓ Start web-01"))
        #expect(screen.text(at: 2).contains("14s"))
        let err = screen.position(of: "Unable")!
        #expect(screen.style(x: err.x, y: err.y) == theme[.error])
    }
}

extension FormView {
    /// Test helper: types one character.
    fileprivate mutating func handle(key c: Character) -> Bool { handle(.char(c)) }
}

extension Key {
    fileprivate static func key(_ c: Character) -> Key { .char(c) }
}

/// A select with many choices (a VM picker): typing searches every label.
@Suite("Select search")
struct SelectSearchTests {
    @Test("typing 'web-p' chooses the first label containing it; Backspace widens the search; Tab ends it")
    func typeToSearch() {
        let names = (1...500).map { "db-stage-\($0)" } + ["web-prod-7", "web-prod-42"]
        var form = FormView(fields: [FormField.select("vm", "VM", options: names), FormField.text("n", "Name")], buttons: ["OK"])
        for c in "web-p" { _ = form.handle(.char(c)) }
        #expect(form.fields[0].value == "web-prod-7")
        #expect(form.fields[0].search == "web-p")
        for c in "rod-4" { _ = form.handle(.char(c)) }
        #expect(form.fields[0].value == "web-prod-42")
        _ = form.handle(.backspace)
        _ = form.handle(.backspace)
        #expect(form.fields[0].search == "web-prod")
        _ = form.handle(.tab)
        #expect(form.fields[0].search.isEmpty)
        #expect(form.fields[0].value == "web-prod-7")
    }
}
