import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Volumes: create, attach, detach, resize, migrate, delete")
struct VolumeActionTests {
    static let gib: Int64 = 1_073_741_824

    @Test("createVolume answers id and jobid; the volume is Allocated on no pool until its first attach creates it on the VM's ROOT pool")
    func createAttachDetachDelete() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let vmID = try #require(vm["id"]?.text)
            let zoneID = try #require(vm["zoneid"]?.text)
            let submit = try await api.call("createVolume", [("name", "scratch"), ("zoneid", zoneID), ("diskofferingid", try await VolumeFixtures.offering(api, "Medium"))])
            #expect(submit.responseName == "createvolumeresponse")
            let id = try #require(submit.content["id"]?.text)
            let created = try await api.waitForJob(try #require(submit.jobID), command: "createVolume")
            #expect(created.instanceType == "Volume")
            #expect(created.result?["volume"]?["state"]?.text == "Allocated")
            let listed = try #require(try await VolumeFixtures.volume(api, id))
            #expect(listed["name"]?.text == "scratch")
            #expect(listed["size"] == .int(20 * Self.gib))
            #expect(listed["storageid"] == nil)

            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vmID), ("type", "ROOT"), ("listall", "true")]).items().first)
            let poolID = try #require(root["storageid"]?.text)
            let usedBefore = try await VolumeFixtures.used(api, poolID)
            let attached = try await VolumeFixtures.jobVolume(api, "attachVolume", [("id", id), ("virtualmachineid", vmID)])
            #expect(attached["state"]?.text == "Ready")
            #expect(attached["virtualmachineid"]?.text == vmID)
            #expect(attached["storageid"]?.text == poolID)
            #expect(attached["deviceid"]?.intValue.map { $0 >= 1 && $0 != 3 } == true)
            #expect(try await VolumeFixtures.used(api, poolID) == usedBefore + 20 * Self.gib)

            let again = await VolumeFixtures.jobFailure(api, "attachVolume", [("id", id), ("virtualmachineid", vmID)])
            #expect(again?.code == 530)
            #expect(again?.text == "Please specify a volume that is not attached to any VM.")
            let busy = await apiError { _ = try await api.call("deleteVolume", [("id", id)]) }
            #expect(busy?.status == 431)
            #expect(busy?.text == "Please specify a volume that is not attached to any VM.")

            let detached = try await VolumeFixtures.jobVolume(api, "detachVolume", [("id", id)])
            #expect(detached["virtualmachineid"] == nil)
            #expect(detached["state"]?.text == "Ready")
            let deleted = try await api.call("deleteVolume", [("id", id)])
            #expect(deleted.responseName == "deletevolumeresponse")
            #expect(deleted.content["success"] == .bool(true))
            #expect(await VolumeFixtures.isGone(api, "listVolumes", id))
            #expect(try await VolumeFixtures.used(api, poolID) == usedBefore)
            await api.close()
        }
    }

    @Test("createVolume checks the offering and size synchronously (431)")
    func createChecks() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let custom = try await VolumeFixtures.offering(api, "Custom")
            let small = try await VolumeFixtures.offering(api, "Small")
            let noSize = await apiError { _ = try await api.call("createVolume", [("zoneid", zone), ("diskofferingid", custom)]) }
            #expect(noSize?.status == 431)
            #expect(noSize?.text == "This disk offering requires a custom size specified")
            let tooBig = await apiError { _ = try await api.call("createVolume", [("zoneid", zone), ("diskofferingid", custom), ("size", "5000")]) }
            #expect(tooBig?.text == "Volume size: 5000GB is out of allowed range. Max: 1024 Min:1")
            let sized = await apiError { _ = try await api.call("createVolume", [("zoneid", zone), ("diskofferingid", small), ("size", "8")]) }
            #expect(sized?.text == "This disk offering does not allow custom size")
            let neither = await apiError { _ = try await api.call("createVolume", [("zoneid", zone)]) }
            #expect(neither?.text == "At least one of disk Offering ID or snapshot ID must be passed whilst creating volume")
            let ok = try await VolumeFixtures.jobVolume(api, "createVolume", [("zoneid", zone), ("diskofferingid", custom), ("size", "42")])
            #expect(ok["size"] == .int(42 * Self.gib))
            await api.close()
        }
    }

    @Test("attach refuses a VM in another zone; detaching the ROOT volume of a running VM is refused with the server's text")
    func attachDetachRefusals() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let running = try await VolumeFixtures.vm(api, state: "Running")
            let zones = try await api.call("listZones").items().compactMap { $0["id"]?.text }
            let otherZone = try #require(zones.first { $0 != running["zoneid"]?.text })
            let volume = try await VolumeFixtures.jobVolume(api, "createVolume", [("zoneid", otherZone), ("diskofferingid", try await VolumeFixtures.offering(api, "Small"))])
            let far = await VolumeFixtures.jobFailure(api, "attachVolume", [("id", volume["id"]?.text ?? ""), ("virtualmachineid", running["id"]?.text ?? "")])
            #expect(far?.text == "Please specify a VM that is in the same zone as the volume.")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", running["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let rootDetach = await VolumeFixtures.jobFailure(api, "detachVolume", [("id", root["id"]?.text ?? "")])
            #expect(rootDetach?.code == 530)
            #expect(rootDetach?.text == "Root volume detach can happen only when vm is in states: Stopped or Destroyed")
            #expect(try await VolumeFixtures.volume(api, root["id"]?.text ?? "")?["virtualmachineid"]?.text == running["id"]?.text)
            await api.close()
        }
    }

    @Test("resize: the pool's bytes follow; shrinking needs shrinkok; a pool whose provider cannot resize refuses with the reason")
    func resize() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let vmID = try #require(vm["id"]?.text)
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vmID), ("type", "ROOT"), ("listall", "true")]).items().first)
            let rootID = try #require(root["id"]?.text), poolID = try #require(root["storageid"]?.text)
            let size = try #require(root["size"]?.intValue)
            let usedBefore = try await VolumeFixtures.used(api, poolID)
            let grown = try await VolumeFixtures.jobVolume(api, "resizeVolume", [("id", rootID), ("size", String(size / Self.gib + 10))])
            #expect(grown["size"] == .int(size + 10 * Self.gib))
            #expect(grown["state"]?.text == "Ready")
            #expect(try await VolumeFixtures.used(api, poolID) == usedBefore + 10 * Self.gib)
            let shrink = await VolumeFixtures.jobFailure(api, "resizeVolume", [("id", rootID), ("size", "1")])
            #expect(shrink?.text.contains("would shrink the volume.Need to sign off by supplying the shrinkok parameter with value of true.") == true)

            let sample = try #require(try await api.call("listStoragePools", [("name", "sample-array1")]).items().first?["id"]?.text)
            let onSample = try #require(try await api.listAll("listVolumes", [("listall", "true"), ("storageid", sample)]).items
                .first { $0["virtualmachineid"] == nil && $0["state"]?.text == "Ready" })
            let volumeID = try #require(onSample["id"]?.text)
            // Ten GB more: by size on a customized offering, else by moving to the customized offering.
            let bigger = String((onSample["size"]?.intValue ?? 0) / Self.gib + 10)
            let custom = try await VolumeFixtures.offering(api, "Custom")
            let grow = onSample["diskofferingid"]?.text == custom ? [("size", bigger)] : [("diskofferingid", custom), ("size", bigger)]
            let refused = await VolumeFixtures.jobFailure(api, "resizeVolume", [("id", volumeID)] + grow)
            #expect(refused?.code == 530)
            #expect(refused?.text.contains("Exception caught during resize volume operation of volume UUID: \(volumeID)") == true)
            #expect(refused?.text.contains("Sample") == true)
            #expect(try await VolumeFixtures.volume(api, volumeID)?["size"] == onSample["size"])
            #expect(try await VolumeFixtures.volume(api, volumeID)?["state"]?.text == "Ready")
            await api.close()
        }
    }

    @Test("resize and migrate show Resizing and Migrating while the job runs")
    func transitionalStates() async throws {
        try await withSimulator(jobDelay: 6...6) { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vm["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let rootID = try #require(root["id"]?.text)
            let submit = try await api.call("resizeVolume", [("id", rootID), ("size", String((root["size"]?.intValue ?? 0) / Self.gib + 5))])
            #expect(submit.responseName == "resizevolumeresponse")
            let during = try #require(try await VolumeFixtures.volume(api, rootID))
            #expect(during["state"]?.text == "Resizing")
            #expect(during["jobid"]?.text == submit.jobID)
            _ = try await api.waitForJob(try #require(submit.jobID), command: "resizeVolume")
            #expect(try await VolumeFixtures.volume(api, rootID)?["state"]?.text == "Ready")
            await api.close()
        }
    }

    @Test("migrate: to another pool of the zone, the bytes move; refused into maintenance, from a provider that cannot copy, without livemigrate")
    func migrate() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vm["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let rootID = try #require(root["id"]?.text), from = try #require(root["storageid"]?.text)
            let size = try #require(root["size"]?.intValue)
            let pools = try await api.call("listStoragePools", [("zoneid", vm["zoneid"]?.text ?? "")]).items()
            let target = try #require(pools.first { $0["id"]?.text != from && $0["state"]?.text == "Up" && $0["provider"]?.text == "DefaultPrimary" && $0["scope"]?.text == "ZONE" })
            let to = try #require(target["id"]?.text)
            let (fromBefore, toBefore) = (try await VolumeFixtures.used(api, from), try await VolumeFixtures.used(api, to))
            let moved = try await VolumeFixtures.jobVolume(api, "migrateVolume", [("volumeid", rootID), ("storageid", to)])
            #expect(moved["storageid"]?.text == to)
            #expect(moved["state"]?.text == "Ready")
            #expect(try await VolumeFixtures.used(api, from) == fromBefore - size)
            #expect(try await VolumeFixtures.used(api, to) == toBefore + size)
            let vmNow = try await api.call("listVirtualMachines", [("id", vm["id"]?.text ?? ""), ("storageid", to)])
            #expect(vmNow.items().count == 1)

            let maintenance = try #require(try await api.call("listStoragePools").items()
                .first { $0["id"]?.text != to && $0["zoneid"]?.text == vm["zoneid"]?.text && $0["state"]?.text == "Up" && $0["provider"]?.text == "DefaultPrimary" })
            _ = try await api.execute("enableStorageMaintenance", [("id", maintenance["id"]?.text ?? "")])
            let intoMaintenance = await VolumeFixtures.jobFailure(api, "migrateVolume", [("volumeid", rootID), ("storageid", maintenance["id"]?.text ?? "")])
            #expect(intoMaintenance?.text.contains("as the storage pool is in maintenance mode.") == true)

            let running = try await VolumeFixtures.vm(api, state: "Running")
            let runningRoot = try #require(try await api.call("listVolumes", [("virtualmachineid", running["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let elsewhere = try #require(try await api.call("listStoragePools", [("zoneid", running["zoneid"]?.text ?? "")]).items()
                .first { $0["id"]?.text != runningRoot["storageid"]?.text && $0["state"]?.text == "Up" })
            let notLive = await VolumeFixtures.jobFailure(api, "migrateVolume", [("volumeid", runningRoot["id"]?.text ?? ""), ("storageid", elsewhere["id"]?.text ?? "")])
            #expect(notLive?.text.contains("the parameter livemigrate should be specified") == true)

            let sample = try #require(try await api.call("listStoragePools", [("name", "sample-array1")]).items().first)
            let onSample = try #require(try await api.listAll("listVolumes", [("listall", "true"), ("storageid", sample["id"]?.text ?? "")]).items
                .first { $0["virtualmachineid"] == nil && $0["state"]?.text == "Ready" })
            let dest = try #require(try await api.call("listStoragePools", [("zoneid", sample["zoneid"]?.text ?? "")]).items()
                .first { $0["provider"]?.text == "DefaultPrimary" && $0["state"]?.text == "Up" && $0["scope"]?.text == "CLUSTER" })
            let noCopy = await VolumeFixtures.jobFailure(api, "migrateVolume", [("volumeid", onSample["id"]?.text ?? ""), ("storageid", dest["id"]?.text ?? "")])
            #expect(noCopy?.code == 530)
            #expect(noCopy?.text.contains("Can't find strategy to move data") == true)
            #expect(noCopy?.text.contains("provider Sample") == true)
            await api.close()
        }
    }

    @Test("migrate into a pool whose provider cannot receive a copy (Sample) is refused too, and nothing moves")
    func migrateIntoSample() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let sample = try #require(try await api.call("listStoragePools", [("name", "sample-array1")]).items().first)
            let sampleID = try #require(sample["id"]?.text)
            let candidates = try await api.listAll("listVolumes", [("listall", "true"), ("zoneid", sample["zoneid"]?.text ?? ""), ("state", "Ready")]).items
            let volume = try #require(candidates.first {
                $0["virtualmachineid"] == nil && $0["storageid"]?.text != sampleID && $0["diskofferingname"]?.text != "SSD 50 GB"
            })
            let before = try await VolumeFixtures.used(api, sampleID)
            let refused = await VolumeFixtures.jobFailure(api, "migrateVolume", [("volumeid", volume["id"]?.text ?? ""), ("storageid", sampleID)])
            #expect(refused?.text.contains("Can't find strategy to move data") == true)
            #expect(refused?.text.contains("(provider Sample)") == true)
            #expect(try await VolumeFixtures.volume(api, volume["id"]?.text ?? "")?["storageid"] == volume["storageid"])
            #expect(try await VolumeFixtures.used(api, sampleID) == before)
            await api.close()
        }
    }

    @Test("a user acts only on its own volumes (531) and cannot delete the ROOT volume of its VM")
    func userOwnership() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let admin = try admin(server)
            let other = try #require(try await admin.call("listVolumes", [("listall", "true"), ("account", "acme-corp"), ("page", "1"), ("pagesize", "1")]).items().first)
            let denied = await apiError { _ = try await api.call("resizeVolume", [("id", other["id"]?.text ?? ""), ("size", "100")]) }
            #expect(denied?.status == 531)
            let mine = try #require(try await api.call("listVolumes", [("type", "ROOT"), ("page", "1"), ("pagesize", "1")]).items().first)
            let root = await apiError { _ = try await api.call("deleteVolume", [("id", mine["id"]?.text ?? "")]) }
            #expect(root?.status == 431)
            await api.close()
            await admin.close()
        }
    }
}
