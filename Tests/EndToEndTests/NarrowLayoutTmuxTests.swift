import Foundation
import Testing
import TestSupport

/// The console at 80x24, as an operator in a small SSH window sees it.
@Suite("80-column layout in tmux", .serialized)
struct NarrowLayoutTmuxTests {
    /// The lines of a screen that start with a VM's name and show `state`.
    static func rows(_ screen: String, state: String) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { !$0.hasPrefix(" ") && $0.contains(" \(state) ") }
    }

    @Test("arrows move in the navbar on start; in a list the navbar folds and every host name shows in full")
    func hostColumnFits() throws {
        let t = try Tmux(width: 80, height: 24)
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 300; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        // ↓ on start moves the navbar's selection from Dashboard to Instances and opens it beside the navbar.
        try t.press("Down")
        let beside = try t.waitFor("Instances  300 rows")
        #expect(beside.contains("│Name"))
        try t.press("Enter")
        // Focus in the list: the navbar folds to a breadcrumb and the table has all 80 columns.
        let list = try t.waitUntil("the navbar folded") { $0.contains("\nName ") && Self.rows($0, state: "Running").count >= 5 }
        let header = try #require(list.split(separator: "\n").map(String.init).first { $0.hasPrefix("Name ") })
        let hostStart = try #require(header.range(of: "Host")).lowerBound.utf16Offset(in: header)
        let running = Self.rows(list, state: "Running")
        for row in running {
            let host = row.dropFirst(hostStart).prefix { $0 != " " }
            #expect(!host.isEmpty && !host.contains("…"), "host cell of \(row)")
        }
        try t.type(":q", then: "Enter")
        try t.waitFor("EXIT=0")
    }

    @Test("rows are coloured by state (capture-pane -e): Stopped dimmed, Error in the error colour, Running plain")
    func stateColours() throws {
        let t = try Tmux(width: 80, height: 24)
        try t.type("\(BinaryRunner.binary) --demo --demo-vms 300; echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
        try t.type(":instances", then: "Enter")
        try t.waitFor("300 rows")
        let screen = try t.screenWithEscapes()
        // Below the status line, the title, the header and the first row (the cursor's, in its own colours).
        let lines = screen.split(separator: "\n").map(String.init).dropFirst(4).dropLast(1)
        let stopped = try #require(lines.first { $0.contains("Stopped") })
        let failed = try #require(lines.first { $0.contains("Error ") })
        let escape = "\u{1B}["
        // The whole row is tinted: its name is drawn after a colour escape, and Error differs from Stopped.
        #expect(stopped.hasPrefix(escape), "Stopped row: \(stopped.debugDescription)")
        #expect(failed.hasPrefix(escape), "Error row: \(failed.debugDescription)")
        #expect(stopped.prefix { !$0.isLetter } != failed.prefix { !$0.isLetter })
        // A Running row's name is plain text; only its state cell is coloured.
        let running = try #require(lines.first { $0.first?.isLetter == true && $0.contains("Running") })
        #expect(running.contains(escape))
        try t.type(":q", then: "Enter")
        try t.waitFor("EXIT=0")
    }
}
