import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Virtual machines and their volumes")
struct VMVolumeTests {
    @Test("listVirtualMachines storageid finds a VM by the pool of a data disk too, not only of its ROOT volume")
    func storageFilter() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let sample = try #require(try await api.call("listStoragePools", [("name", "sample-array1")]).items().first?["id"]?.text)
            let attached = try await api.listAll("listVolumes", [("listall", "true"), ("storageid", sample)]).items.compactMap { $0["virtualmachineid"]?.text }
            try #require(!attached.isEmpty)
            let vms = try await api.listAll("listVirtualMachines", [("listall", "true"), ("storageid", sample)])
            #expect(Set(vms.items.compactMap { $0["id"]?.text }) == Set(attached))
            await api.close()
        }
    }

    @Test("destroy: the ROOT volume shows Destroy; expunge removes it, frees its pool, and detaches the data disks")
    func destroyAndExpunge() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let vmID = try #require(vm["id"]?.text)
            let data = try await VolumeFixtures.jobVolume(api, "createVolume", [("zoneid", vm["zoneid"]?.text ?? ""), ("diskofferingid", try await VolumeFixtures.offering(api, "Small"))])
            let dataID = try #require(data["id"]?.text)
            _ = try await VolumeFixtures.jobVolume(api, "attachVolume", [("id", dataID), ("virtualmachineid", vmID)])
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vmID), ("type", "ROOT"), ("listall", "true")]).items().first)
            let rootID = try #require(root["id"]?.text)

            _ = try await api.execute("destroyVirtualMachine", [("id", vmID)])
            #expect(try await VolumeFixtures.volume(api, rootID)?["state"]?.text == "Destroy")
            #expect(try await VolumeFixtures.volume(api, dataID)?["virtualmachineid"]?.text == vmID)

            let other = try await VolumeFixtures.vm(api, state: "Stopped")
            let wrong = await apiError { _ = try await api.call("destroyVirtualMachine", [("id", other["id"]?.text ?? ""), ("volumeids", dataID)]) }
            #expect(wrong?.status == 431)
            #expect(wrong?.text.hasPrefix("The following supplied volumes are not DATADISK attached to the VM") == true)

            // An already Destroyed VM cannot be destroyed again: expunge a fresh one.
            let fresh = try await VolumeFixtures.vm(api, state: "Stopped")
            let freshID = try #require(fresh["id"]?.text)
            let freshRoot = try #require(try await api.call("listVolumes", [("virtualmachineid", freshID), ("type", "ROOT"), ("listall", "true")]).items().first)
            let freshPool = try #require(freshRoot["storageid"]?.text)
            let freshBefore = try await VolumeFixtures.used(api, freshPool)
            _ = try await api.execute("destroyVirtualMachine", [("id", freshID), ("expunge", "true")])
            let gone = await apiError { _ = try await api.call("listVolumes", [("id", freshRoot["id"]?.text ?? "")]) }
            #expect(gone?.status == 431)
            #expect(try await VolumeFixtures.used(api, freshPool) == freshBefore - (freshRoot["size"]?.intValue ?? 0))
            await api.close()
        }
    }

    @Test("expunge with volumeids deletes those data disks; the others stay, detached and Ready")
    func expungeWithVolumeIDs() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let vmID = try #require(vm["id"]?.text)
            let small = try await VolumeFixtures.offering(api, "Small")
            var ids: [String] = []
            for _ in 0..<2 {
                let v = try await VolumeFixtures.jobVolume(api, "createVolume", [("zoneid", vm["zoneid"]?.text ?? ""), ("diskofferingid", small)])
                ids.append(try #require(v["id"]?.text))
                _ = try await VolumeFixtures.jobVolume(api, "attachVolume", [("id", ids.last ?? ""), ("virtualmachineid", vmID)])
            }
            _ = try await api.execute("destroyVirtualMachine", [("id", vmID), ("expunge", "true"), ("volumeids", ids[0])])
            #expect(await VolumeFixtures.isGone(api, "listVolumes", ids[0]))
            let kept = try #require(try await VolumeFixtures.volume(api, ids[1]))
            #expect(kept["virtualmachineid"] == nil)
            #expect(kept["state"]?.text == "Ready")
            await api.close()
        }
    }
}
