import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// listStorageTags, the PowerFlex and Linstor providers, and createVMSnapshot's optional parameters.
@Suite("Storage tags, PowerFlex, Linstor, VM snapshot options")
struct StorageViewsTests {
    static func zonePool(_ api: CloudStackClient, _ extra: [(String, String)]) async throws -> APIResponse {
        let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
        return try await api.call("createStoragePool", [("zoneid", zone), ("scope", "zone"), ("hypervisor", "KVM")] + extra)
    }

    @Test("listStorageTags: one storagetag per pool tag (comma list), with pool id and name; admin-only in listApis")
    func storageTags() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let created = try await Self.zonePool(api, [("name", "tagged"), ("url", "nfs://10.1.1.1/export/tagged"), ("tags", "gold, fast")])
            let poolID = try #require(created.content["storagepool"]?["id"]?.text)
            let tags = try await api.call("listStorageTags")
            #expect(tags.responseName == "liststoragetagsresponse")
            #expect(tags.list.itemKey == "storagetag")
            let mine = tags.items().filter { $0["poolid"]?.text == poolID }
            #expect(mine.compactMap { $0["name"]?.text } == ["gold", "fast"])
            #expect(mine.allSatisfy { $0["poolname"]?.text == "tagged" && $0["id"]?.text != nil })
            // Tags of the seeded pools are there too, one item per pool.
            let pools = try await api.call("listStoragePools").items()
            let expected = pools.reduce(0) { n, p in n + (p["tags"]?.text ?? "").split(separator: ",").count }
            #expect(tags.list.count == expected)
            let keyword = try await api.call("listStorageTags", [("keyword", "gol")])
            #expect(keyword.items().compactMap { $0["name"]?.text } == ["gold"])
            // Clearing a pool's tags (tags= empty) removes its items.
            _ = try await api.call("updateStoragePool", [("id", poolID), ("tags", "")])
            #expect(!(try await api.call("listStorageTags").items().contains { $0["poolid"]?.text == poolID }))
            let adminAPIs = try await api.call("listApis").items().compactMap { $0["name"]?.text }
            #expect(adminAPIs.contains("listStorageTags"))
            let userAPIs = try await user(server).call("listApis").items().compactMap { $0["name"]?.text }
            #expect(!userAPIs.contains("listStorageTags"))
            await api.close()
        }
    }

    @Test("PowerFlex: powerflex://user:password@gateway/pool, every part required and percent-decoded; managed")
    func powerFlex() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let cases: [(String, String)] = [
                ("powerflex://admin@gw.example/pool1", "the gateway password is missing"),
                ("powerflex://:secret@gw.example/pool1", "the gateway user is missing"),
                ("powerflex://admin:secret@/pool1", "the gateway is missing"),
                ("powerflex://admin:secret@gw.example/", "the storage pool is missing"),
                ("powerflex://gw.example/pool1", "the gateway user and password are missing"),
                ("nfs://admin:secret@gw.example/pool1", "the scheme must be powerflex"),
            ]
            for (url, why) in cases {
                let e = await apiError { _ = try await Self.zonePool(api, [("name", "pf"), ("url", url), ("provider", "PowerFlex")]) }
                #expect(e?.status == 431)
                #expect(e?.cs == 4350)
                #expect(e?.text == "Unable to execute API command createstoragepool due to invalid value. Invalid parameter url value=\(url): \(why); expected powerflex://<user>:<password>@<gateway>/<storage pool>")
            }
            let ok = try await Self.zonePool(api, [("name", "pf"), ("url", "powerflex://ad%40min:p%3Ass%2Fw@10.0.0.7:443/my%20pool"), ("provider", "powerflex")])
            let pool = try #require(ok.content["storagepool"]?.objectValue)
            #expect(pool["provider"]?.text == "PowerFlex")
            #expect(pool["type"]?.text == "PowerFlex")
            #expect(pool["managed"] == .bool(true))
            #expect(pool["ipaddress"]?.text == "10.0.0.7:443")
            #expect(pool["path"]?.text == "/my pool")
            #expect(pool["state"]?.text == "Up")
            await api.close()
        }
    }

    @Test("Linstor: http(s)://controller[:port] and details[0].resourceGroup required; type Linstor")
    func linstor() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let noGroup = await apiError { _ = try await Self.zonePool(api, [("name", "ls"), ("url", "http://ctrl:3370"), ("provider", "Linstor")]) }
            #expect(noGroup?.status == 431)
            #expect(noGroup?.text == "Unable to execute API command createstoragepool due to missing parameter resourceGroup (details[0].resourceGroup=… for a Linstor pool)")
            for url in ["ctrl:3370", "ftp://ctrl", "http://ctrl:99999", "http://ctrl/some/path"] {
                let e = await apiError {
                    _ = try await Self.zonePool(api, [("name", "ls"), ("url", url), ("provider", "Linstor"), ("details[0].resourceGroup", "rg1")])
                }
                #expect(e?.status == 431)
                #expect(e?.text == "Unable to execute API command createstoragepool due to invalid value. Invalid parameter url value=\(url): expected http://<controller>[:port] or https://<controller>[:port]")
            }
            let ok = try await Self.zonePool(api, [("name", "ls"), ("url", "https://ctrl.example:3371"), ("provider", "Linstor"), ("details[0].resourceGroup", "rg1")])
            let pool = try #require(ok.content["storagepool"]?.objectValue)
            #expect(pool["type"]?.text == "Linstor")
            #expect(pool["provider"]?.text == "Linstor")
            #expect(pool["ipaddress"]?.text == "ctrl.example")
            let plain = try await Self.zonePool(api, [("name", "ls2"), ("url", "http://10.0.0.8"), ("provider", "Linstor"), ("details[0].resourceGroup", "rg2")])
            #expect(plain.content["storagepool"]?["type"]?.text == "Linstor")
            await api.close()
        }
    }

    @Test("createVMSnapshot: name is the displayname, description kept, snapshotmemory → DiskAndMemory, Creating while the job runs")
    func vmSnapshotFields() async throws {
        try await withSimulator(jobDelay: 15...15) { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Running")]).items().first)
            let vmID = try #require(vm["id"]?.text)
            let submit = try await api.call("createVMSnapshot", [("virtualmachineid", vmID), ("name", "pre-patch"), ("description", "before the patch"),
                                                                 ("snapshotmemory", "true"), ("quiescevm", "false")])
            let snapID = try #require(submit.content["id"]?.text)
            let during = try #require(try await api.call("listVMSnapshot", [("vmsnapshotid", snapID), ("listall", "true")]).items().first)
            #expect(during["state"]?.text == "Creating")
            #expect(during["displayname"]?.text == "pre-patch")
            let job = try await api.waitForJob(try #require(submit.jobID), command: "createVMSnapshot")
            #expect(job.result?["vmsnapshot"]?["state"]?.text == "Ready")
            let done = try #require(try await api.call("listVMSnapshot", [("vmsnapshotid", snapID), ("listall", "true")]).items().first)
            #expect(done["state"]?.text == "Ready")
            #expect(done["displayname"]?.text == "pre-patch")
            #expect(done["name"]?.text != "pre-patch")
            #expect(done["description"]?.text == "before the patch")
            #expect(done["type"]?.text == "DiskAndMemory")
            // Without snapshotmemory (or with false): disk only; no name → a generated display name.
            let diskOnly = try await api.call("createVMSnapshot", [("virtualmachineid", vmID), ("snapshotmemory", "false")])
            _ = try await api.waitForJob(try #require(diskOnly.jobID), command: "createVMSnapshot")
            let diskOnlyID = try #require(diskOnly.content["id"]?.text)
            let d = try #require(try await api.call("listVMSnapshot", [("vmsnapshotid", diskOnlyID), ("listall", "true")]).items().first)
            #expect(d["type"]?.text == "Disk")
            #expect(d["displayname"]?.text == d["name"]?.text)
            #expect(d["description"] == nil)
            // Memory needs a running VM.
            let stopped = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Stopped")]).items().first?["id"]?.text)
            let e = await apiError { _ = try await api.call("createVMSnapshot", [("virtualmachineid", stopped), ("snapshotmemory", "true")]) }
            #expect(e?.status == 431)
            #expect(e?.text == "Can not snapshot memory when VM is not in Running state")
            await api.close()
        }
    }

    @Test("createVMSnapshot keeps quiescevm as the snapshot's option (seen in the saved state)")
    func vmSnapshotQuiesce() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-quiesce-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var ids: [String: Bool] = [:]
        try await withSimulator(vms: 20, statePath: path) { server in
            let api = try admin(server)
            let vmID = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Stopped")]).items().first?["id"]?.text)
            for quiesce in [true, false] {
                let r = try await api.call("createVMSnapshot", [("virtualmachineid", vmID), ("quiescevm", quiesce ? "true" : "false")])
                ids[try #require(r.content["id"]?.text)] = quiesce
                _ = try await api.waitForJob(try #require(r.jobID), command: "createVMSnapshot")
            }
            await api.close()
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let snaps = try #require(json["vmSnapshots"] as? [[String: Any]])
        for (id, quiesce) in ids {
            let record = try #require(snaps.first { $0["id"] as? String == id })
            #expect(record["quiesceVM"] as? Bool == quiesce)
        }
    }
}
