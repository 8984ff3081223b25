import Foundation
import Testing
import TestSupport

/// Terminal types an operator may arrive with: one that cannot move the cursor is refused, one without an alternate
/// screen gets a clean screen back.
@Suite("Terminal types in tmux", .serialized)
struct TerminalTypeTmuxTests {
    @Test("TERM=dumb is refused with a message naming it, exit status 2, and nothing drawn")
    func dumbRefused() throws {
        let t = try Tmux()
        try t.type("TERM=dumb \(BinaryRunner.binary) --demo --demo-vms 5; echo EXIT=$?", then: "Enter")
        // The status line, not the echo of the command typed.
        let screen = try t.waitUntil("cstui to exit") { $0.contains("\nEXIT=") }
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("TERM=dumb cannot move the cursor"))
        #expect(screen.contains("EXIT=2"))
        // No console was drawn: no status line, no navbar.
        #expect(!screen.contains("Dashboard"))
        #expect(!screen.contains("admin (Admin)"))
    }

    @Test("TERM=vt100 (no alternate screen): the console runs, and after quitting its last screen is not left behind")
    func vt100Cleared() throws {
        let t = try Tmux()
        try t.type("TERM=vt100 \(BinaryRunner.binary) --demo --demo-vms 5; echo EXIT=$?", then: "Enter")
        let running = try t.waitFor(all: ["admin (Admin)", "Dashboard"])
        #expect(running.contains("Instances"))
        try t.type(":q", then: "Enter")
        let after = try t.waitFor("EXIT=0")
        #expect(!after.contains("admin (Admin)"))
        #expect(!after.contains("Dashboard"))
    }
}
