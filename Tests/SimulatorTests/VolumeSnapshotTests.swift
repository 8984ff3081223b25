import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Volume snapshots")
struct VolumeSnapshotTests {
    @Test("seeded snapshots: BackedUp and Error, MANUAL and recurring; revertable only for KVM volumes on file-based or RBD pools")
    func seeded() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let all = try await api.listAll("listSnapshots", [("listall", "true")])
            #expect(all.responseName == "listsnapshotsresponse")
            #expect(all.itemKey == "snapshot")
            let items = all.items.compactMap(\.objectValue)
            #expect(items.contains { $0["state"]?.text == "Error" })
            #expect(items.contains { $0["snapshottype"]?.text == "MANUAL" && $0["intervaltype"]?.text == "MANUAL" })
            let recurring = try await api.listAll("listSnapshots", [("listall", "true"), ("snapshottype", "RECURRING")])
            #expect(recurring.count > 0)
            #expect(recurring.items.allSatisfy { ["HOURLY", "DAILY", "WEEKLY", "MONTHLY"].contains($0["snapshottype"]?.text ?? "") })
            for sn in items {
                let volume = try #require(try await VolumeFixtures.volume(api, sn["volumeid"]?.text ?? ""))
                #expect(sn["volumename"]?.text == volume["name"]?.text)
                #expect(sn["virtualsize"] == volume["size"])
                let pool = try await VolumeFixtures.pool(api, volume["storageid"]?.text ?? "")
                let canRevert = volume["hypervisor"]?.text == "KVM" && ["NetworkFilesystem", "SharedMountPoint", "RBD"].contains(pool["type"]?.text ?? "")
                #expect(sn["revertable"] == .bool(canRevert && sn["state"]?.text == "BackedUp"), "snapshot \(sn["name"]?.text ?? "")")
            }
            #expect(items.contains { $0["revertable"] == .bool(true) })
            #expect(items.contains { $0["revertable"] == .bool(false) && $0["state"]?.text == "BackedUp" })
            await api.close()
        }
    }

    @Test("createSnapshot: id and jobid, Creating while the job runs, then BackedUp; deleteSnapshot removes it")
    func createDelete() async throws {
        try await withSimulator(jobDelay: 6...6) { server in
            let api = try admin(server)
            let vm = try await VolumeFixtures.vm(api, state: "Stopped")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", vm["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let submit = try await api.call("createSnapshot", [("volumeid", root["id"]?.text ?? ""), ("name", "before-upgrade")])
            #expect(submit.responseName == "createsnapshotresponse")
            let id = try #require(submit.content["id"]?.text)
            let during = try #require(try await api.call("listSnapshots", [("id", id)]).items().first)
            #expect(during["state"]?.text == "Creating")
            #expect(during["name"]?.text == "before-upgrade")
            let job = try await api.waitForJob(try #require(submit.jobID), command: "createSnapshot")
            #expect(job.instanceType == "Snapshot")
            #expect(job.result?["snapshot"]?["state"]?.text == "BackedUp")
            #expect(job.result?["snapshot"]?["volumeid"]?.text == root["id"]?.text)
            let deleted = try await api.call("deleteSnapshot", [("id", id)])
            #expect(deleted.responseName == "deletesnapshotresponse")
            _ = try await api.waitForJob(try #require(deleted.jobID), command: "deleteSnapshot")
            #expect(await VolumeFixtures.isGone(api, "listSnapshots", id))
            await api.close()
        }
    }

    @Test("an Allocated volume cannot be snapshotted (431, the server's text)")
    func notReady() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let allocated = try #require(try await api.call("listVolumes", [("listall", "true"), ("state", "Allocated")]).items().first)
            let id = try #require(allocated["id"]?.text)
            let e = await apiError { _ = try await api.call("createSnapshot", [("volumeid", id)]) }
            #expect(e?.status == 431)
            #expect(e?.text == "VolumeId: \(id) is not in Ready state but Allocated. Cannot take snapshot.")
            await api.close()
        }
    }

    @Test("revertSnapshot needs the VM stopped and a revertable snapshot; createVolume from a snapshot is Ready with its size")
    func revertAndVolumeFromSnapshot() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let running = try await VolumeFixtures.vm(api, state: "Running")
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", running["id"]?.text ?? ""), ("type", "ROOT"), ("listall", "true")]).items().first)
            let pool = try await VolumeFixtures.pool(api, root["storageid"]?.text ?? "")
            try #require(["NetworkFilesystem", "SharedMountPoint", "RBD"].contains(pool["type"]?.text ?? ""))
            guard case .job(_, let taken) = try await api.execute("createSnapshot", [("volumeid", root["id"]?.text ?? "")]) else { Issue.record("no job"); return }
            let snapshot = try #require(taken.result?["snapshot"]?.objectValue)
            let snapshotID = try #require(snapshot["id"]?.text)
            #expect(snapshot["revertable"] == .bool(true))
            let whileRunning = await VolumeFixtures.jobFailure(api, "revertSnapshot", [("id", snapshotID)])
            #expect(whileRunning?.text == "The VM the specified disk is attached to is not in the shutdown state.")
            _ = try await api.execute("stopVirtualMachine", [("id", running["id"]?.text ?? "")])
            guard case .job(let r, let reverted) = try await api.execute("revertSnapshot", [("id", snapshotID)]) else { Issue.record("no job"); return }
            #expect(r.responseName == "revertsnapshotresponse")
            #expect(reverted.result?["snapshot"]?["id"]?.text == snapshotID)

            let fromSnapshot = try await VolumeFixtures.jobVolume(api, "createVolume", [("snapshotid", snapshotID), ("name", "restored")])
            #expect(fromSnapshot["state"]?.text == "Ready")
            #expect(fromSnapshot["snapshotid"]?.text == snapshotID)
            #expect(fromSnapshot["size"] == root["size"])
            #expect(fromSnapshot["storageid"] != nil)
            #expect(fromSnapshot["virtualmachineid"] == nil)

            let vmware = try #require(try await api.listAll("listSnapshots", [("listall", "true")]).items.compactMap(\.objectValue)
                .first { $0["revertable"] == .bool(false) && $0["state"]?.text == "BackedUp" })
            let refused = await VolumeFixtures.jobFailure(api, "revertSnapshot", [("id", vmware["id"]?.text ?? "")])
            #expect(refused?.code == 530)
            await api.close()
        }
    }

    @Test("a user lists only its own snapshots and cannot delete another account's")
    func userScope() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let admin = try admin(server)
            let mine = try await api.listAll("listSnapshots")
            #expect(mine.items.allSatisfy { $0["account"]?.text == "demo" })
            let other = try #require(try await admin.listAll("listSnapshots", [("listall", "true")]).items.first { $0["account"]?.text != "demo" })
            let e = await apiError { _ = try await api.call("deleteSnapshot", [("id", other["id"]?.text ?? "")]) }
            #expect(e?.status == 531)
            await api.close()
            await admin.close()
        }
    }
}
