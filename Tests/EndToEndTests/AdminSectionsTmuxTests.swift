import Foundation
import Testing
import TestSupport

/// The administrator's sections in a real terminal at 80x24: host maintenance, a router restart, a global setting,
/// and a drill-down from a host to a VM's volume and back.
@Suite("Admin sections in tmux", .serialized)
struct AdminSectionsTmuxTests {
    static var cstui: String { BinaryRunner.binary }

    /// The console on the demo simulator, signed in as admin.
    static func start(_ t: Tmux, vms: Int = 300) throws {
        try t.type("\(cstui) --demo --demo-vms \(vms); echo EXIT=$?", then: "Enter")
        try t.waitFor("admin (Admin)")
    }

    static func quit(_ t: Tmux) throws {
        try t.type(":q", then: "Enter")
        try t.waitFor("EXIT=0")
    }

    /// The screen line of the row whose first cell is `name`.
    static func row(_ screen: String, _ name: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.hasPrefix(name + " ") }
    }

    @Test("host maintenance on: confirmed, the job tracked, the host reaches Maintenance (r reloads); off: Enabled again")
    func hostMaintenance() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":hosts", then: "Enter")
        try t.waitFor("Infrastructure › Hosts")
        try t.type("/kvm-ams1-2 ", then: "Enter")
        try t.waitFor("1 of")
        try t.press("M")
        let dialog = try t.waitFor("[ Enable maintenance ]")
        #expect(dialog.contains("Put host kvm-ams1-2 into maintenance?"))
        #expect(dialog.contains("Sends prepareHostForMaintenance"))
        try t.press("Enter")
        // The job ends with the host preparing; it reaches Maintenance a job's time later (r reloads).
        try t.waitUntil("the host in maintenance", timeout: 40) { screen in
            if Self.row(screen, "kvm-ams1-2")?.contains(" Maintenance") == true { return true }
            try? t.press("r")
            Thread.sleep(forTimeInterval: 1)
            return false
        }
        try t.press("n")
        let tray = try t.waitFor("Notifications")
        #expect(tray.contains("✓"))
        try t.press("Escape")
        try t.press("C")
        try t.waitFor("[ Cancel maintenance ]")
        try t.press("Enter")
        try t.waitUntil("the host enabled again", timeout: 40) { screen in
            if Self.row(screen, "kvm-ams1-2")?.contains("Enabled") == true { return true }
            try? t.press("r")
            Thread.sleep(forTimeInterval: 1)
            return false
        }
        try Self.quit(t)
    }

    @Test("a router reboot is confirmed and tracked to the end in the tray")
    func routerRestart() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":routers", then: "Enter")
        try t.waitFor("Virtual Routers")
        try t.type("/running", then: "Enter")
        let list = try t.waitFor("match")
        let name = try #require(list.split(separator: "\n").first { $0.hasPrefix("r-") }.flatMap { $0.split(separator: " ").first }.map(String.init))
        try t.press("R")
        // The form first (force reboot, left unticked), then the call to confirm.
        let form = try t.waitFor("Force reboot")
        #expect(form.contains("Reboot router: \(name)"))
        try t.press("Enter")
        let dialog = try t.waitFor("Sends rebootRouter")
        #expect(dialog.contains(name))
        try t.press("Enter")
        try t.press("n")
        try t.waitFor("Notifications")
        let done = try t.waitFor("✓ ", timeout: 40)
        #expect(done.contains(name))
        #expect(done.contains("job "))
        try t.press("Escape")
        let after = try t.waitFor("Virtual Routers")
        #expect(Self.row(after, name)?.contains("Running") == true)
        try Self.quit(t)
    }

    @Test("editing a Boolean global setting: the confirmation shows the old and the new value; the list shows it changed")
    func editSetting() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":settings", then: "Enter")
        try t.waitFor("Global Settings")
        try t.type("/boolean", then: "Enter")
        let list = try t.waitFor("match")
        // A Boolean setting still at its default.
        let line = try #require(list.split(separator: "\n").map(String.init).first { line in
            (line.contains(" true ") || line.contains(" false ")) && !line.contains("changed") && !(line.split(separator: " ").first?.hasSuffix("…") ?? true)
        })
        let name = try #require(line.split(separator: " ").first.map(String.init))
        let old = line.contains(" true ") ? "true" : "false"
        let new = old == "true" ? "false" : "true"
        try t.press("Escape")
        try t.type("/\(name)", then: "Enter")
        try t.waitFor("1 of")
        try t.press("E")
        try t.waitFor("[ Edit value ]")
        try t.press("Right")
        try t.press("Enter")
        let dialog = try t.waitFor("Sends updateConfiguration")
        #expect(dialog.contains("from \(old) to \(new)?"), "\(dialog)")
        #expect(dialog.contains("value = \(new)"))
        try t.press("Enter")
        let done = try t.waitUntil("the row changed") { Self.row($0, name)?.contains("changed") == true }
        #expect(Self.row(done, name)?.contains(new) == true)
        try Self.quit(t)
    }

    @Test("drill-down host → its VMs → a VM's volumes → a volume's details, and back with the cursor where it was")
    func drillDown() throws {
        let t = try Tmux()
        try Self.start(t)
        try t.type(":hosts", then: "Enter")
        try t.waitFor(all: ["Infrastructure › Hosts", " rows"])
        try t.press("j", "j")
        let hosts = try t.screen()
        let hostLine = try #require(hosts.split(separator: "\n").map(String.init).first { $0.hasPrefix("kvm-ams1-3 ") })
        #expect(!hostLine.isEmpty)
        try t.press("1")
        let vms = try t.waitFor(all: ["Hosts › kvm-ams1-3 › Instances", " rows"])
        let vmLine = try #require(vms.split(separator: "\n").map(String.init).dropFirst(3).first { !$0.isEmpty && !$0.hasPrefix(" ") })
        let vm = try #require(vmLine.split(separator: " ").first.map(String.init))
        // Instances' related views: 1 VM snapshots, 2 Volumes.
        try t.press("2")
        // The breadcrumb comes at once; the rows when the page arrives.
        let volumes = try t.waitFor(all: ["› \(vm) › Volumes", "ROOT-"])
        #expect(volumes.contains(" row"))
        try t.press("Enter")
        // The frame first, its lines as they are drawn: wait for the line checked.
        // Every field loaded (the labels are aligned again then): wait for the loading line to go.
        let detail = try t.waitUntil("the volume's every field") { $0.contains("┌  ROOT-") && $0.contains("vmname ") && !$0.contains("loading every field") }
        #expect(detail.range(of: "vmname +\(vm)", options: .regularExpression) != nil)
        #expect(detail.contains("1 Snapshots"), "the volume's own related view is one key away")
        try t.press("q")
        try t.press("q")
        try t.waitFor("Hosts › kvm-ams1-3 › Instances")
        try t.press("q")
        let back = try t.waitFor("Infrastructure › Hosts")
        #expect(!back.contains("Instances"))
        // The cursor is still on the third host: Enter shows its details.
        try t.press("Enter")
        try t.waitFor("┌  kvm-ams1-3")
        try Self.quit(t)
    }
}
