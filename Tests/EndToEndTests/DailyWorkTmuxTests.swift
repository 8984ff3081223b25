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
        try t.waitUntil("the VM picker filled") { $0.contains("id*:") && $0.contains("▸") }
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
}
