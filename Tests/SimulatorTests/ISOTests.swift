import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("ISOs: listIsos, registerIso, attachIso, detachIso, deleteIso")
struct ISOTests {
    @Test("listIsos: isofilter selfexecutable by default, featured ones for everyone, bootable and isready filters")
    func list() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let r = try await api.call("listIsos")
            #expect(r.responseName == "listisosresponse")
            #expect(Set(r.items().compactMap { $0["name"]?.text }) == ["demo-install-media"])
            let featured = try await api.listAll("listIsos", [("isofilter", "featured")]).items.compactMap(\.objectValue)
            #expect(Set(featured.compactMap { $0["name"]?.text }) == ["Ubuntu 24.04 Server", "vmware-tools.iso", "xs-tools.iso"])
            #expect(featured.allSatisfy { $0["format"] == nil && $0["bootable"] != nil && $0["isready"] == .bool(true) })
            let bootable = try await api.listAll("listIsos", [("isofilter", "featured"), ("bootable", "true")]).items
            #expect(Set(bootable.compactMap { $0["name"]?.text }) == ["Ubuntu 24.04 Server"])
            let template = try await ComputeFixtures.template(try admin(server), "Debian 12")
            let notIso = await apiError { _ = try await api.call("listIsos", [("id", template)]) }
            #expect(notIso?.text == "Specified Template Id is not an ISO")
        }
    }

    @Test("attachIso puts the ISO in the VM row; a second one fails the job; xs-tools only go to XenServer VMs; detachIso empties the drive")
    func attachDetach() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "cdrom-1")
            let id = try #require(vm["id"]?.text)
            let ubuntu = try await ComputeFixtures.iso(admin, "Ubuntu 24.04 Server")
            let attached = try await ComputeFixtures.run(api, "attachIso", [("id", ubuntu), ("virtualmachineid", id)])
            #expect(attached["virtualmachine"]?["isoid"]?.text == ubuntu)
            #expect(attached["virtualmachine"]?["isoname"]?.text == "Ubuntu 24.04 Server")
            #expect(attached["virtualmachine"]?["isodisplaytext"]?.text == "ubuntu-24.04-live-server-amd64.iso")
            #expect(try await api.call("listVirtualMachines", [("isoid", ubuntu)]).items().map { $0["id"]?.text } == [id])
            let second = try await ComputeFixtures.jobFailure(api, "attachIso", [("id", try await ComputeFixtures.iso(admin, "vmware-tools.iso")), ("virtualmachineid", id)])
            #expect(second.text == "Failed to attach iso")
            let inUse = try await ComputeFixtures.jobFailure(admin, "deleteIso", [("id", ubuntu)])
            #expect(inUse.text == "Unable to delete iso, as it's used by other vms")
            let detached = try await ComputeFixtures.run(api, "detachIso", [("virtualmachineid", id)])
            #expect(detached["virtualmachine"]?["isoid"] == nil)
            let again = try await ComputeFixtures.jobFailure(api, "detachIso", [("virtualmachineid", id)])
            #expect(again.text == "The specified VM has no ISO attached to it.")
            let xs = try await ComputeFixtures.jobFailure(api, "attachIso", [("id", try await ComputeFixtures.iso(admin, "xs-tools.iso")), ("virtualmachineid", id)])
            #expect(xs.text == "Cannot attach Xenserver PV drivers to incompatible hypervisor KVM")
            // The account's own private ISO goes in once the drive is empty.
            let demoMedia = try await ComputeFixtures.iso(admin, "demo-install-media")
            let mine = try await ComputeFixtures.run(api, "attachIso", [("id", demoMedia), ("virtualmachineid", id)])
            #expect(mine["virtualmachine"]?["isoname"]?.text == "demo-install-media")
        }
    }

    @Test("registerIso: an .iso URL, not ready at first; deleteIso of an unused ISO removes it")
    func registerAndDelete() async throws {
        try await withSimulator(jobDelay: 0.05...0.1) { server in
            let admin = try admin(server), api = try user(server)
            let zone = try #require(try await ComputeFixtures.zones(admin).first?["id"]?.text)
            let wrong = await apiError {
                _ = try await api.call("registerIso", [("name", "tools"), ("url", "https://media.example.org/tools.img"), ("zoneid", zone)])
            }
            #expect(wrong?.text == "Please specify a valid URL. URL:/tools.img is an invalid for the format iso")
            let r = try await api.call("registerIso", [("name", "tools"), ("url", "https://media.example.org/tools.iso"), ("zoneid", zone), ("bootable", "false")])
            #expect(r.responseName == "registerisoresponse")
            #expect(r.list.itemKey == "iso")
            let iso = try #require(r.items().first)
            #expect(iso["isready"] == .bool(false) && iso["bootable"] == .bool(false))
            let id = try #require(iso["id"]?.text)
            _ = try await ComputeFixtures.run(api, "deleteIso", [("id", id)])
            #expect(try await api.call("listIsos", [("isofilter", "self")]).items().allSatisfy { $0["id"]?.text != id })
        }
    }
}
