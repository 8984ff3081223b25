import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Storage")
struct StorageTests {
    static func upPool(_ api: CloudStackClient) async throws -> String {
        let pools = try await api.call("listStoragePools", [("status", "Up"), ("scope", "CLUSTER")])
        return try #require(pools.items().first?["id"]?.text)
    }

    static func state(_ api: CloudStackClient, _ id: String) async throws -> String? {
        try await api.call("listStoragePools", [("id", id)]).items().first?["state"]?.text
    }

    @Test("maintenance: Up → PrepareForMaintenance → Maintenance → CancelMaintenance → Up, under the server's response keys")
    func maintenance() async throws {
        // Long enough that the transitional states are still there when checked, even on a loaded machine.
        try await withSimulator(jobDelay: 6...6) { server in
            let api = try admin(server)
            let id = try await Self.upPool(api)
            let enable = try await api.call("enableStorageMaintenance", [("id", id)])
            #expect(enable.responseName == "prepareprimarystorageformaintenanceresponse")
            #expect(try await Self.state(api, id) == "PrepareForMaintenance")
            let job = try await api.waitForJob(try #require(enable.jobID), command: "enableStorageMaintenance")
            #expect(job.instanceType == "StoragePool")
            #expect(job.instanceID == id)
            #expect(job.result?["storagepool"]?["state"]?.text == "Maintenance")
            let cancel = try await api.call("cancelStorageMaintenance", [("id", id)])
            #expect(cancel.responseName == "cancelprimarystoragemaintenanceresponse")
            #expect(try await Self.state(api, id) == "CancelMaintenance")
            _ = try await api.waitForJob(try #require(cancel.jobID), command: "cancelStorageMaintenance")
            #expect(try await Self.state(api, id) == "Up")
            await api.close()
        }
    }

    @Test("maintenance on a pool already in Maintenance fails the job")
    func maintenanceWrongState() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let id = try await Self.upPool(api)
            _ = try await api.execute("enableStorageMaintenance", [("id", id)])
            do {
                _ = try await api.execute("enableStorageMaintenance", [("id", id)])
                Issue.record("should fail")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text.contains("is not ready for migration, as the status is:Maintenance"))
            }
            do {
                let upAgain = try await Self.upPool(api)
                _ = try await api.execute("cancelStorageMaintenance", [("id", upAgain)])
                Issue.record("cancel on an Up pool should fail")
            } catch let CloudStackError.jobFailed(_, _, _, text) {
                #expect(text.contains("not ready to complete migration"))
            }
            await api.close()
        }
    }

    @Test("create, disable (updateStoragePool enabled=false), delete; delete only from Maintenance or Disabled")
    func createUpdateDelete() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let cluster = try #require(try await api.call("listClusters").items().first)
            let created = try await api.call("createStoragePool", [
                ("name", "ps-test"), ("url", "nfs://10.0.0.5/export/test"), ("zoneid", cluster["zoneid"]?.text ?? ""),
                ("podid", cluster["podid"]?.text ?? ""), ("clusterid", cluster["id"]?.text ?? ""), ("scope", "cluster"),
            ])
            #expect(created.responseName == "createstoragepoolresponse")
            let pool = try #require(created.content["storagepool"]?.objectValue)
            let id = try #require(pool["id"]?.text)
            #expect(pool["state"]?.text == "Up")
            #expect(pool["type"]?.text == "NetworkFilesystem")
            #expect(pool["ipaddress"]?.text == "10.0.0.5")
            #expect(pool["path"]?.text == "/export/test")
            #expect(pool["provider"]?.text == "DefaultPrimary")
            #expect(pool["scope"]?.text == "CLUSTER")
            let e = await apiError { _ = try await api.call("deleteStoragePool", [("id", id)]) }
            #expect(e?.status == 431)
            #expect(e?.text.contains("not in Maintenance state") == true)
            let updated = try await api.call("updateStoragePool", [("id", id), ("enabled", "false")])
            #expect(updated.responseName == "updatestoragepoolresponse")
            #expect(updated.content["storagepool"]?["state"]?.text == "Disabled")
            let deleted = try await api.call("deleteStoragePool", [("id", id)])
            #expect(deleted.responseName == "deletestoragepoolresponse")
            #expect(deleted.content["success"] == .bool(true))
            #expect(try await api.call("listStoragePools", [("name", "ps-test")]).content.isEmpty)
            await api.close()
        }
    }

    @Test("zone-wide pools need a supported hypervisor")
    func zoneWide() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let ok = try await api.call("createStoragePool", [("name", "ceph-new"), ("url", "rbd://admin:c2VjcmV0@mon1/rbd"), ("zoneid", zone),
                                                              ("scope", "zone"), ("hypervisor", "KVM")])
            #expect(ok.content["storagepool"]?["scope"]?.text == "ZONE")
            #expect(ok.content["storagepool"]?["type"]?.text == "RBD")
            let e = await apiError { _ = try await api.call("createStoragePool", [("name", "x"), ("url", "nfs://h/p"), ("zoneid", zone), ("scope", "zone")]) }
            #expect(e?.status == 431)
            await api.close()
        }
    }

    @Test("providers validate their input and name the bad parameter (431)")
    func providerValidation() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let cluster = try #require(try await api.call("listClusters").items().first)
            let base = [("name", "bad"), ("zoneid", cluster["zoneid"]?.text ?? ""), ("podid", cluster["podid"]?.text ?? ""), ("clusterid", cluster["id"]?.text ?? "")]
            let badNFS = await apiError { _ = try await api.call("createStoragePool", base + [("url", "nfs://only-a-host")]) }
            #expect(badNFS?.status == 431)
            #expect(badNFS?.text.contains("Invalid parameter url value=nfs://only-a-host") == true)
            let badProvider = await apiError { _ = try await api.call("createStoragePool", base + [("url", "nfs://h/p"), ("provider", "NoSuch")]) }
            #expect(badProvider?.status == 431)
            let zone = cluster["zoneid"]?.text ?? ""
            let nfs = await apiError { _ = try await api.call("addImageStore", [("provider", "NFS"), ("zoneid", zone), ("url", "http://x/y")]) }
            #expect(nfs?.status == 431)
            #expect(nfs?.text.contains("url") == true)
            let s3 = await apiError {
                _ = try await api.call("addImageStore", [("provider", "S3"), ("details[0].key", "accesskey"), ("details[0].value", "AK"),
                                                         ("details[1].key", "bucket"), ("details[1].value", "templates")])
            }
            #expect(s3?.status == 431)
            #expect(s3?.text.contains("secretkey") == true)
            let s3cmd = await apiError { _ = try await api.call("addImageStoreS3", [("accesskey", "AK"), ("secretkey", "SK"), ("endpoint", "s3.example")]) }
            #expect(s3cmd?.status == 431)
            #expect(s3cmd?.text == "Unable to execute API command addimagestores3 due to missing parameter bucket")
            let swift = await apiError { _ = try await api.call("addImageStore", [("provider", "Swift"), ("url", "http://swift:8080/auth/v1.0"),
                                                                               ("details[0].key", "account"), ("details[0].value", "acct")]) }
            #expect(swift?.text.contains("username") == true)
            let smb = await apiError { _ = try await api.call("addImageStore", [("provider", "SMB"), ("zoneid", zone), ("url", "cifs://srv/share")]) }
            #expect(smb?.text.contains("user") == true)
            let noProvider = await apiError { _ = try await api.call("addImageStore", [("url", "nfs://h/p")]) }
            #expect(noProvider?.text == "Unable to execute API command addimagestore due to missing parameter provider")
            await api.close()
        }
    }

    @Test("image stores: NFS, S3 (details and addImageStoreS3), Swift, SMB; staging stores; delete")
    func imageStores() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let nfs = try await api.call("addImageStore", [("provider", "NFS"), ("name", "sec-test"), ("zoneid", zone), ("url", "nfs://10.0.0.9/export/sec")])
            #expect(nfs.responseName == "addimagestoreresponse")
            let nfsStore = try #require(nfs.content["imagestore"]?.objectValue)
            #expect(nfsStore["protocol"]?.text == "nfs")
            #expect(nfsStore["providername"]?.text == "NFS")
            let s3 = try await api.call("addImageStore", [("provider", "S3"), ("name", "s3-test"),
                                                          ("details[0].key", "accesskey"), ("details[0].value", "AK"),
                                                          ("details[1].key", "secretkey"), ("details[1].value", "SK"),
                                                          ("details[2].key", "bucket"), ("details[2].value", "cs-templates")])
            #expect(s3.content["imagestore"]?["scope"]?.text == "REGION")
            let s3cmd = try await api.call("addImageStoreS3", [("accesskey", "AK"), ("secretkey", "SK"), ("endpoint", "s3.example"), ("bucket", "cs-two")])
            #expect(s3cmd.responseName == "addImageStoreS3Response")
            #expect(s3cmd.content["imagestore"]?["providername"]?.text == "S3")
            let swift = try await api.call("addImageStore", [("provider", "Swift"), ("url", "http://swift:8080/auth/v1.0"),
                                                             ("details[0].key", "account"), ("details[0].value", "acct"),
                                                             ("details[1].key", "username"), ("details[1].value", "user"),
                                                             ("details[2].key", "key"), ("details[2].value", "k")])
            #expect(swift.content["imagestore"]?["providername"]?.text == "Swift")
            let smb = try await api.call("addImageStore", [("provider", "SMB"), ("zoneid", zone), ("url", "cifs://srv/share"),
                                                           ("details[0].key", "user"), ("details[0].value", "u"),
                                                           ("details[1].key", "password"), ("details[1].value", "p"),
                                                           ("details[2].key", "domain"), ("details[2].value", "D")])
            #expect(smb.content["imagestore"]?["protocol"]?.text == "cifs")
            let staging = try await api.call("createSecondaryStagingStore", [("url", "nfs://10.0.0.9/export/staging"), ("zoneid", zone), ("provider", "nfs")])
            #expect(staging.responseName == "createsecondarystagingstoreresponse")
            let stagingID = try #require(staging.content["secondarystorage"]?["id"]?.text)
            let stagingList = try await api.call("listSecondaryStagingStores")
            #expect(stagingList.responseName == "listsecondarystagingstoreresponse")
            #expect(stagingList.items().contains { $0["id"]?.text == stagingID })
            let delStaging = try await api.call("deleteSecondaryStagingStore", [("id", stagingID)])
            #expect(delStaging.responseName == "deletesecondarystagingstoreresponse")
            let id = try #require(nfsStore["id"]?.text)
            let del = try await api.call("deleteImageStore", [("id", id)])
            #expect(del.responseName == "deleteimagestoreresponse")
            #expect(del.content["success"] == .bool(true))
            let left = try await api.call("listImageStores", [("name", "sec-test")])
            #expect(left.content.isEmpty)
            await api.close()
        }
    }

    @Test("listStorageProviders: primary and image providers under dataStoreProvider")
    func providers() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let primary = try await api.call("listStorageProviders", [("type", "primary")])
            #expect(Set(primary.items().compactMap { $0["name"]?.text }) == ["DefaultPrimary", "Sample", "PowerFlex", "Linstor"])
            let image = try await api.call("listStorageProviders", [("type", "image")])
            #expect(Set(image.items().compactMap { $0["name"]?.text }) == ["NFS", "SMB", "S3", "Swift"])
            #expect(image.items().allSatisfy { $0["type"]?.text == "IMAGE" })
            await api.close()
        }
    }
}
