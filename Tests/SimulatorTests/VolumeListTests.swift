import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Volumes: listing")
struct VolumeListTests {
    @Test("every VM has a ROOT volume ROOT-N on its pool, device 0, found by its id; data disks are DATA-N")
    func rootVolumes() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Running"), ("page", "1"), ("pagesize", "1")]).items().first)
            let vmID = try #require(vm["id"]?.text)
            let number = try #require(vm["instancename"]?.text?.split(separator: "-").dropFirst(2).first)
            let r = try await api.call("listVolumes", [("virtualmachineid", vmID), ("listall", "true")])
            #expect(r.responseName == "listvolumesresponse")
            #expect(r.list.itemKey == "volume")
            let root = try #require(r.items().first { $0["type"]?.text == "ROOT" })
            #expect(root["name"]?.text == "ROOT-\(number)")
            #expect(root["deviceid"] == .int(0))
            #expect(root["state"]?.text == "Ready")
            #expect(root["vmname"]?.text == vm["name"]?.text)
            #expect(root["vmstate"]?.text == "Running")
            #expect(root["templateid"]?.text == vm["templateid"]?.text)
            let size = try #require(root["size"]?.intValue)
            #expect((20 * 1_073_741_824...50 * 1_073_741_824).contains(size))
            #expect(root["storagetype"]?.text == "shared")
            #expect(root["hypervisor"]?.text == vm["hypervisor"]?.text)
            let storageID = try #require(root["storageid"]?.text)
            #expect(try await api.call("listStoragePools", [("id", storageID)]).items().first?["name"]?.text == root["storage"]?.text)
            let rootID = try #require(root["id"]?.text)
            #expect(rootID != vmID)
            let again = try await api.call("listVolumes", [("id", rootID)])
            #expect(again.items().map { $0["name"]?.text } == [root["name"]?.text])
            let byName = try await api.call("listVolumes", [("listall", "true"), ("name", "ROOT-\(number)")])
            #expect(byName.items().map { $0["id"]?.text } == [rootID])
            let byKeyword = try await api.listAll("listVolumes", [("listall", "true"), ("keyword", "root-\(number)")])
            #expect(byKeyword.items.contains { $0["id"]?.text == rootID })
            #expect(byKeyword.items.allSatisfy { $0["name"]?.text?.lowercased().contains("root-\(number)") == true })
            let byIDs = try await api.call("listVolumes", [("listall", "true"), ("ids", rootID)])
            #expect(byIDs.items().map { $0["id"]?.text } == [rootID])

            let data = try #require(try await api.call("listVolumes", [("listall", "true"), ("type", "DATADISK"), ("page", "1"), ("pagesize", "50")])
                .items().first { $0["virtualmachineid"] != nil })
            #expect(data["name"]?.text?.hasPrefix("DATA-") == true)
            #expect((data["deviceid"]?.intValue ?? 0) >= 1)
            #expect(data["diskofferingname"]?.text != nil)
            await api.close()
        }
    }

    @Test("count is every VM's ROOT plus the data volumes; pages follow it; type, state, storageid and keyword filter")
    func countsAndFilters() async throws {
        try await withSimulator(vms: 120) { server in
            let api = try admin(server)
            let roots = try await api.call("listVolumes", [("listall", "true"), ("type", "ROOT"), ("page", "1"), ("pagesize", "10")])
            #expect(roots.list.count == 120)
            #expect(roots.items().count == 10)
            let all = try await api.listAll("listVolumes", [("listall", "true")])
            let data = try await api.listAll("listVolumes", [("listall", "true"), ("type", "DATADISK")])
            #expect(all.count == 120 + data.count)
            #expect(Set(all.items.compactMap { $0["id"]?.text }).count == all.count)
            let page2 = try await api.call("listVolumes", [("listall", "true"), ("page", "2"), ("pagesize", "7")]).items().compactMap { $0["id"]?.text }
            #expect(page2 == all.items[7..<14].compactMap { $0["id"]?.text })

            let allocated = try await api.listAll("listVolumes", [("listall", "true"), ("state", "Allocated")])
            #expect(allocated.count > 0)
            #expect(allocated.items.allSatisfy { $0["state"]?.text == "Allocated" && $0["storageid"] == nil })
            let destroyedVMs = try await api.listAll("listVirtualMachines", [("listall", "true"), ("state", "Destroyed")])
            let destroy = try await api.listAll("listVolumes", [("listall", "true"), ("state", "Destroy")])
            #expect(destroy.count == destroyedVMs.count)

            let pool = try #require(all.items.first { $0["type"]?.text == "ROOT" }?["storageid"]?.text)
            let onPool = try await api.listAll("listVolumes", [("listall", "true"), ("storageid", pool)])
            #expect(onPool.count > 0)
            #expect(onPool.items.allSatisfy { $0["storageid"]?.text == pool })
            let keyword = try await api.listAll("listVolumes", [("listall", "true"), ("keyword", "data-")])
            #expect(keyword.count == data.count)
            let none = try await api.call("listVolumes", [("listall", "true"), ("type", "NOSUCHTYPE")])
            #expect(none.content.isEmpty)
            await api.close()
        }
    }

    @Test("a user sees only its own account's volumes, without the pool fields")
    func userScope() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let mine = try await api.listAll("listVolumes")
            #expect(mine.count > 0)
            #expect(mine.items.allSatisfy { $0["account"]?.text == "demo" })
            #expect(mine.items.allSatisfy { $0["storageid"] == nil && $0["storage"] == nil && $0["path"] == nil })
            let admin = try admin(server)
            let all = try await admin.listAll("listVolumes", [("listall", "true"), ("account", "demo")])
            #expect(all.count == mine.count)
            await api.close()
            await admin.close()
        }
    }

    @Test("volumes, changed ROOT volumes and snapshots are saved to the state file and loaded from it")
    func stateFile() async throws {
        let path = NSTemporaryDirectory() + "cstui-sim-volumes-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (volumeID, rootID, grownSize): (String, String, Int64) = try await withSimulator(vms: 150, statePath: path) { server in
            let api = try admin(server)
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let v = try await VolumeFixtures.jobVolume(api, "createVolume", [("name", "kept"), ("zoneid", zone), ("diskofferingid", try await VolumeFixtures.offering(api, "Small"))])
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vm["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let grown = try await VolumeFixtures.jobVolume(api, "resizeVolume", [("id", root["id"]?.text ?? ""), ("size", "99")])
            await api.close()
            return (try #require(v["id"]?.text), try #require(root["id"]?.text), try #require(grown["size"]?.intValue))
        }
        try await withSimulator(vms: 150, seed: 999, statePath: path) { server in
            let api = try admin(server)
            #expect(try await VolumeFixtures.volume(api, volumeID)?["name"]?.text == "kept")
            #expect(try await VolumeFixtures.volume(api, rootID)?["size"] == .int(grownSize))
            let roots = try await api.call("listVolumes", [("listall", "true"), ("type", "ROOT")])
            #expect(roots.list.count == 150)
            #expect(try await api.call("listDiskOfferings").items().count == 5)
            await api.close()
        }
    }

    @Test("the seed has a pool of the Sample provider, with volumes on it")
    func samplePool() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let pool = try #require(try await api.call("listStoragePools", [("name", "sample-array1")]).items().first)
            #expect(pool["provider"]?.text == "Sample")
            let vols = try await api.listAll("listVolumes", [("listall", "true"), ("storageid", pool["id"]?.text ?? "")])
            #expect(vols.items.contains { $0["virtualmachineid"] != nil })
            #expect(vols.items.contains { $0["virtualmachineid"] == nil })
            await api.close()
        }
    }
}
