import Foundation
import Testing
import TestSupport

/// The operator's daily work in a real terminal at 80x24: any command as a form, a bulk stop, attaching a volume.
@Suite("Daily work in tmux", .serialized)
struct DailyWorkTmuxTests {
    static var cstui: String { BinaryRunner.binary }

    static func start(_ t: Tmux, vms: Int = 300) throws {
        try t.type("\(cstui) --demo --demo-vms \(vms); echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
    }

    static func quit(_ t: Tmux) throws {
        try t.type(":q", then: "Enter")
        try t.waitFor("EXIT=0")
    }

    @Test(":rebootVirtualMachine opens a form whose id is a VM picker searched by typing; the call is confirmed and its answer shown")
    func anyAPIForm() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":instances", then: "Enter")
        let list = try t.waitFor("300 rows")
        // A running VM's name, to find in the picker.
        let name = try #require(list.split(separator: "\n").map(String.init).first { $0.contains(" Running ") && !$0.hasPrefix(" ") }
            .flatMap { $0.split(separator: " ").first }.map(String.init))
        try #require(!name.hasSuffix("…"))
        try t.type(":rebootVirtualMachine", then: "Enter")
        try t.waitFor("rebootVirtualMachine")
        // The VM picker's own arrows (the optional "forced" picker below shows them from the start).
        try t.waitUntil("the VM picker filled") { $0.contains("id*: ◂") }
        try t.type(name)
        let picked = try t.waitFor("/\(name)")
        #expect(picked.contains("◂ \(name)"))
        try t.press("Enter")
        let dialog = try t.waitFor("Sends rebootVirtualMachine")
        #expect(dialog.contains("Send rebootVirtualMachine?"))
        try t.press("Enter")
        let answer = try t.waitFor("rebootVirtualMachine: answer", timeout: 40)
        #expect(answer.contains(name))
        #expect(answer.contains("Running"))
        try Self.quit(t)
    }

    @Test("bulk stop of 20 VMs: 20 marked, one confirmation naming the count, 20 tray entries and a summary; all Stopped")
    func bulkStop() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":instances", then: "Enter")
        try t.waitFor("300 rows")
        try t.type("/running", then: "Enter")
        try t.waitFor("match")
        try t.press("g")
        for _ in 0..<20 { try t.press("Space") }
        try t.waitFor("● 20 marked")
        try t.press("T")
        // Stop asks whether to force it first (left unticked), then confirms once for all 20.
        try t.waitFor("Force stop")
        try t.press("Enter")
        let dialog = try t.waitFor("[ Stop 20 ]")
        #expect(dialog.contains("Stop 20 rows: "))
        #expect(dialog.contains("17 more?"))
        try t.press("y")
        try t.press("n")
        try t.waitFor("Notifications")
        let done = try t.waitFor("Stop: 20 rows", timeout: 60)
        try t.waitUntil("the summary succeeded", timeout: 60) { $0.contains("20 of 20 succeeded") }
        #expect(done.contains("Stop VM"))
        try t.press("Escape")
        // Every VM stopped: the filter "running" no longer finds them all, and none is still marked.
        let after = try t.waitFor("Instances")
        #expect(!after.contains("marked"))
        try Self.quit(t)
    }

    @Test("attach a detached volume to a VM of its zone: the picker, the confirmation, the job, the volume shows its VM")
    func attachVolume() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":volumes", then: "Enter")
        try t.waitFor(all: ["Volumes", " rows"])
        // A data disk attached to no VM (the seed has detached ones).
        try t.type("/datadisk ready", then: "Enter")
        let list = try t.waitFor("match")
        let free = try #require(list.split(separator: "\n").map(String.init).first { line in
            line.hasPrefix("DATA-") && line.contains(" Ready ") && !line.contains("-prod-") && !line.contains("-dev-") && !line.contains("-qa-")
                && !line.contains("-stage-")
        })
        let volume = try #require(free.split(separator: " ").first.map(String.init))
        try t.press("Escape")
        try t.type("/\(volume) ", then: "Enter")
        try t.waitFor("1 of")
        try t.press("T")
        try t.waitUntil("the VM picker filled") { $0.contains("VM*:") && $0.contains("▸") }
        try t.press("Enter")
        let dialog = try t.waitFor("Sends attachVolume")
        #expect(dialog.contains("virtualmachineid = "))
        try t.press("Enter")
        // The VM column of the volume's row fills in once the job ends.
        try t.waitUntil("the volume attached", timeout: 40) { screen in
            let lines = screen.split(separator: "\n").map(String.init)
            guard let header = lines.first(where: { $0.hasPrefix("Name ") }), let vmColumn = header.range(of: " VM ")?.upperBound,
                  let row = lines.first(where: { $0.hasPrefix(volume + " ") }) else { return false }
            let offset = header.distance(from: header.startIndex, to: vmColumn) - 3
            return row.count > offset + 2 && !row.dropFirst(offset).prefix(3).allSatisfy { $0 == " " }
        }
        try Self.quit(t)
    }

    @Test("the Deploy VM wizard at 80x24: seven steps, Esc goes back with input kept, the review names ids, the new VM runs in the list")
    func deployWizard() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":instances", then: "Enter")
        try t.waitFor("300 rows")
        try t.press("A")
        try t.waitUntil("the zone step with its zones") { $0.contains("Zone (1 of 7)") && $0.contains("Zone*: ◂") }
        try t.press("Enter")
        try t.waitUntil("templates of the zone") { $0.contains("Template (2 of 7)") && $0.contains("Template*: ◂") }
        try t.press("Enter")
        try t.waitUntil("offerings") { $0.contains("Compute offering (3 of 7)") && $0.contains("Offering*: ◂") }
        // Esc goes back one step, not out of the wizard.
        try t.press("Escape")
        try t.waitFor("Template (2 of 7)")
        try t.press("Enter")
        try t.waitFor("Compute offering (3 of 7)")
        try t.press("Enter")
        try t.waitFor("Data disk (4 of 7)")
        try t.press("Enter")
        try t.waitUntil("the zone's networks") { $0.contains("Network (5 of 7)") && $0.contains("0 ticked") }
        try t.press("Space")
        try t.waitFor("1 ticked")
        try t.press("Enter")
        try t.waitFor("(6 of 7)")
        try t.press("Enter")
        try t.waitFor("Name (7 of 7)")
        try t.type("wiz-tmux-1")
        try t.press("Escape")
        try t.waitFor("(6 of 7)")
        try t.press("Enter")
        // What was typed survived the step back.
        try t.waitFor(all: ["Name (7 of 7)", "wiz-tmux-1"])
        try t.press("Enter")
        let review = try t.waitFor("Sends deployVirtualMachine")
        // The exact call, with the chosen ids named.
        #expect(review.contains("zoneid = "))
        #expect(review.contains("(zone-"))
        #expect(review.contains("networkids = "))
        #expect(review.contains("name = wiz-tmux-1"))
        // Esc on the review is one more step back, everything kept.
        try t.press("Escape")
        try t.waitFor(all: ["Name (7 of 7)", "wiz-tmux-1"])
        try t.press("Enter")
        try t.waitFor("Sends deployVirtualMachine")
        try t.press("y")
        try t.type("/wiz-tmux-1", then: "Enter")
        try t.waitUntil("the new VM running in Instances", timeout: 40) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("wiz-tmux-1 ") && $0.contains(" Running ") }
        }
        try Self.quit(t)
    }

    @Test("register a template: the row shows its download percentage and moves to Download Complete by itself")
    func registerTemplate() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":templates", then: "Enter")
        try t.waitFor(all: ["Templates", " rows"])
        try t.press("A")
        try t.waitUntil("the register form with its OS types") { $0.contains("URL*:") && $0.contains("OS type*: ◂") }
        try t.type("http://images.example.com/tmux-tpl.qcow2", then: "Tab")
        try t.type("tmux-tpl")
        try t.press("Enter")
        let dialog = try t.waitFor("Sends registerTemplate")
        #expect(dialog.contains("url = http://images.example.com/tmux-tpl.qcow2"))
        try t.press("y")
        try t.type("/tmux-tpl", then: "Enter")
        // Downloading: a percentage in the Status column, without a key pressed.
        let downloading = try t.waitUntil("the download's percentage", timeout: 30) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("tmux-tpl ") && $0.contains("% Downloaded") }
        }
        let first = Self.percent(downloading)
        try t.waitUntil("the percentage moving on", timeout: 30) { screen in
            guard let now = Self.percent(screen) else { return screen.contains("Download Complete") }
            return now > (first ?? 0)
        }
        try t.waitUntil("the download complete", timeout: 60) { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("tmux-tpl ") && $0.contains("Download Complete") }
        }
        try Self.quit(t)
    }

    /// The download percentage in the tmux-tpl row, if it shows one.
    static func percent(_ screen: String) -> Int? {
        guard let row = screen.split(separator: "\n").first(where: { $0.hasPrefix("tmux-tpl ") }),
              let range = row.range(of: "% Downloaded") else { return nil }
        return Int(row[..<range.lowerBound].split(separator: " ").last ?? "")
    }
}
