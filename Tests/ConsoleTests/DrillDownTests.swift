import CloudStack
import Foundation
import PluginKit
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// Related views: from a row, a digit opens a list narrowed to it, with a breadcrumb; q goes back as it was.
@Suite("Drill-down between related resources")
struct DrillDownTests {
    @Test("1 on a host lists only that host's VMs under 'Hosts › host › Instances'; q returns to the host with the cursor on it")
    func hostToInstancesAndBack() async throws {
        try await SimConsole.with(vms: 60) { c in
            try await c.open("hosts")
            // A host some running VM is on, not the first row, so a cursor reset would show.
            try await c.open(InstancesSection.id)
            let vmHosts = hostNames(c.s.lists[InstancesSection.id]?.rows ?? [])
            c.program.change { Update.open("hosts", &$0) }
            let candidate = firstHost(c.s.lists["hosts"]?.rows ?? [], in: vmHosts)
            let host = try #require(candidate)
            try c.select(in: "hosts") { $0.id == host.id }
            let position = c.s.lists["hosts"]?.table.selectedRow
            c.key(.char("1"))
            let key = c.s.section
            #expect(key != "hosts" && key.hasPrefix("instances?"), "a narrowed instances list is open: \(key)")
            try await c.settle { $0.lists[key]?.loading == .idle && $0.lists[key]?.lastLoaded != nil }
            let rows = c.s.lists[key]?.rows ?? []
            #expect(!rows.isEmpty)
            let onOthers = rows.filter { $0["hostname"] != host["name"] }.count
            #expect(onOthers == 0, "only VMs on the host")
            #expect(c.screen.text(at: 1).contains("Hosts › \(host["name"] ?? "") › Instances"))
            c.key(.char("q"))
            #expect(c.s.section == "hosts")
            let dropped = c.s.lists[key] == nil
            #expect(dropped, "the narrowed list is dropped")
            #expect(c.s.lists["hosts"]?.selectedRow?.id == host.id)
            #expect(c.s.lists["hosts"]?.table.selectedRow == position)
            #expect(!c.screen.text(at: 1).contains("›"))
        }
    }

    private func hostNames(_ rows: [Row]) -> Set<String> { Set(rows.compactMap { $0["hostname"] }) }

    /// A host some VM is on, not the first row, so a cursor reset would show.
    private func firstHost(_ hosts: [Row], in names: Set<String>) -> Row? { hosts.dropFirst().first { names.contains($0["name"] ?? "") } }

    @Test("the detail pane lists the related views with their digits, and going back reopens it")
    func detailListsRelatedViews() async throws {
        try await SimConsole.with(vms: 20) { c in
            try await c.open(InstancesSection.id)
            c.key(.enter)
            #expect(c.screen.renderedText.contains("1 VM snapshots"))
            let detail = c.s.detail
            c.key(.char("1"))
            #expect(c.s.section.hasPrefix("vm-snapshots?"))
            #expect(c.s.detail == nil)
            c.key(.escape)
            #expect(c.s.section == InstancesSection.id)
            #expect(c.s.detail?.rowID == detail?.rowID, "the detail pane that was open is open again")
        }
    }

    @Test("a related view listApis does not offer is not offered; a digit with none says so")
    func relatedNeedsItsListAPI() async throws {
        try await SimConsole.with(vms: 10) { c in
            try await c.open(InstancesSection.id)
            // Without VM snapshots, 1 is the next related view listApis offers (a VM's volumes).
            c.s.apis = c.s.apis.filter { $0.name != "listVMSnapshot" }
            c.key(.char("1"))
            #expect(c.s.section.hasPrefix("volumes?"), "\(c.s.section)")
            c.key(.char("q"))
            let related = Set(BuiltInSections.view(InstancesSection.id)?.related.compactMap { BuiltInSections.view($0.view)?.source.command } ?? [])
            c.s.apis = c.s.apis.filter { !related.contains($0.name) }
            c.key(.char("1"))
            #expect(c.s.section == InstancesSection.id)
            #expect(c.s.flash?.text.contains("no related views") == true)
        }
    }

    @Test("a NIC's details load with its VM's id: the detail fetch sends the list's narrowing (listNics requires virtualmachineid)")
    func detailsUseTheNarrowing() async throws {
        try await SimConsole.with(vms: 10) { c in
            try await c.open(InstancesSection.id)
            let related = BuiltInSections.view(InstancesSection.id)?.related.map(\.view) ?? []
            let digit = try #require(related.firstIndex(of: "nics")) + 1
            c.key(.char(Character(String(digit))))
            let key = c.s.section
            #expect(key.hasPrefix("nics?"))
            try await c.settle { $0.lists[key]?.loading == .idle && $0.lists[key]?.lastLoaded != nil }
            c.key(.enter)
            try await c.settle { $0.detail?.fields != nil || $0.detail?.error != nil }
            #expect(c.s.detail?.error == nil, "\(c.s.detail?.error ?? "")")
            #expect(c.s.detail?.fields?["macaddress"] != nil)
        }
    }

    @Test("a long breadcrumb keeps its newest steps at 80 columns")
    func breadcrumbShortensFromTheLeft() {
        let parts = ["Hosts", "kvm-ams1-4", "Instances", "web-prod-1234", "Volumes", "ROOT-1234", "Snapshots"]
        let text = ListPane.breadcrumb(parts, width: 40)
        #expect(text.hasPrefix("… › "))
        #expect(text.hasSuffix("ROOT-1234 › Snapshots"))
        #expect(DisplayWidth.of(text) <= 40)
        #expect(ListPane.breadcrumb(["Hosts", "h1", "Instances"], width: 40) == "Hosts › h1 › Instances")
    }
}
