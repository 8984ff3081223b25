import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Migration: findHostsForMigration, migrateVirtualMachine")
struct MigrationTests {
    @Test("findHostsForMigration lists the zone's other hosts of the VM's hypervisor, flags those it fits on, and those that need storage motion")
    func findHosts() async throws {
        // Few VMs per host, so most hosts have room.
        try await withSimulator(vms: 120) { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "mover-1")
            let id = try #require(vm["id"]?.text)
            let listed = try await ComputeFixtures.vm(admin, id)
            let hostID = try #require(listed["hostid"]?.text)
            let source = try #require(try await admin.call("listHosts", [("id", hostID)]).items().first)
            let r = try await admin.call("findHostsForMigration", [("id", id)])
            #expect(r.responseName == "findhostsformigrationresponse")
            #expect(r.list.itemKey == "host")
            let hosts = r.items()
            #expect(!hosts.isEmpty)
            #expect(!hosts.contains { $0["id"]?.text == source["id"]?.text })
            #expect(hosts.allSatisfy { $0["hypervisor"]?.text == "KVM" && $0["zoneid"]?.text == source["zoneid"]?.text })
            // The VM's ROOT disk is on its cluster's pool: hosts of other clusters need storage motion.
            let memory = (vm["memory"]?.intValue ?? 0) * 1_048_576
            let cpu = (vm["cpunumber"]?.intValue ?? 0) * (vm["cpuspeed"]?.intValue ?? 0)
            for h in hosts {
                let other = h["clusterid"]?.text != source["clusterid"]?.text
                #expect(h["requiresStorageMotion"] == .bool(other))
                // Suitable: Up, Enabled and with room for the VM (memory as it is, CPU over-provisioned three times).
                let room = (h["memoryallocated"]?.intValue ?? 0) + memory <= (h["memorytotal"]?.intValue ?? 0)
                    && (h["cpuallocatedvalue"]?.intValue ?? 0) + cpu <= (h["cpunumber"]?.intValue ?? 0) * (h["cpuspeed"]?.intValue ?? 0) * 3
                #expect(h["suitableformigration"] == .bool(h["state"]?.text == "Up" && h["resourcestate"]?.text == "Enabled" && room))
                #expect(h["cpuallocated"]?.text?.hasSuffix("%") == true)
            }
            #expect(hosts.contains { $0["suitableformigration"] == .bool(true) })
            // Users may not call it; a stopped VM has nowhere to go.
            let denied = await apiError { _ = try await api.call("findHostsForMigration", [("id", id)]) }
            #expect(denied?.status == 401)
            _ = try await ComputeFixtures.run(api, "stopVirtualMachine", [("id", id)])
            let stopped = await apiError { _ = try await admin.call("findHostsForMigration", [("id", id)]) }
            #expect(stopped?.text == "VM is not Running, cannot migrate the vm with specified id")
        }
    }

    @Test("migrateVirtualMachine moves a running VM to a host of its cluster (Migrating while the job runs); another cluster or its own host is refused")
    func migrateToHost() async throws {
        try await withSimulator(vms: 120, jobDelay: 4...4) { server in
            let admin = try admin(server), api = try user(server)
            // A running KVM VM of the demo account with a host of its cluster to go to.
            var picked: (id: String, source: JSONObject, hosts: [JSONObject], target: String)?
            for vm in try await admin.listAll("listVirtualMachines", [("listall", "true"), ("account", "demo"), ("state", "Running")]).items.compactMap(\.objectValue)
            where vm["hypervisor"]?.text == "KVM" && picked == nil {
                let id = try #require(vm["id"]?.text), hostID = try #require(vm["hostid"]?.text)
                let hosts = try await admin.call("findHostsForMigration", [("id", id)]).items()
                if let target = hosts.first(where: { $0["suitableformigration"] == .bool(true) && $0["requiresStorageMotion"] == .bool(false) })?["id"]?.text,
                   let source = try await admin.call("listHosts", [("id", hostID)]).items().first {
                    picked = (id, source, hosts, target)
                }
            }
            let (id, source, hosts, target) = try #require(picked)
            let submit = try await admin.call("migrateVirtualMachine", [("virtualmachineid", id), ("hostid", target)])
            #expect(try await ComputeFixtures.vm(admin, id)["state"]?.text == "Migrating")
            let job = try await admin.waitForJob(try #require(submit.jobID), command: "migrateVirtualMachine")
            #expect(job.result?["virtualmachine"]?["hostid"]?.text == target)
            #expect(try await ComputeFixtures.vm(admin, id)["state"]?.text == "Running")
            let same = try await ComputeFixtures.jobFailure(admin, "migrateVirtualMachine", [("virtualmachineid", id), ("hostid", target)])
            #expect(same.text == "Cannot migrate VM, VM is already present on this host, please specify valid destination host to migrate the VM")
            let far = try #require(hosts.first { $0["requiresStorageMotion"] == .bool(true) && $0["clusterid"]?.text != source["clusterid"]?.text }?["id"]?.text)
            let other = try await ComputeFixtures.jobFailure(admin, "migrateVirtualMachine", [("virtualmachineid", id), ("hostid", far)])
            #expect(other.text == "Cannot migrate the VM, destination host is not in the same cluster as current host of the VM")
            let denied = await apiError { _ = try await api.call("migrateVirtualMachine", [("virtualmachineid", id), ("hostid", target)]) }
            #expect(denied?.status == 401)
        }
    }

    @Test("migrateVirtualMachine storageid moves a stopped VM's volumes to the pool through the drivers; a running VM is refused")
    func migrateStorage() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "mover-3")
            let id = try #require(vm["id"]?.text)
            let root = try #require(try await admin.call("listVolumes", [("virtualmachineid", id), ("listall", "true")]).items().first)
            let from = try #require(root["storageid"]?.text)
            let zone = try #require(vm["zoneid"]?.text)
            let pools = try await admin.call("listStoragePools", [("zoneid", zone)]).items()
            let dest = try #require(pools.first { $0["id"]?.text != from && $0["scope"]?.text == "ZONE" && $0["state"]?.text == "Up"
                && $0["type"]?.text == "RBD" }?["id"]?.text ?? pools.first { $0["id"]?.text != from && $0["scope"]?.text == "ZONE" && $0["state"]?.text == "Up" && $0["provider"]?.text == "DefaultPrimary" }?["id"]?.text)
            let running = try await ComputeFixtures.jobFailure(admin, "migrateVirtualMachine", [("virtualmachineid", id), ("storageid", dest)])
            #expect(running.text == "VM is not Stopped, unable to migrate the vm having the specified id")
            _ = try await ComputeFixtures.run(api, "stopVirtualMachine", [("id", id)])
            let usedBefore = try await VolumeFixtures.used(admin, dest)
            _ = try await ComputeFixtures.run(admin, "migrateVirtualMachine", [("virtualmachineid", id), ("storageid", dest)])
            let moved = try #require(try await admin.call("listVolumes", [("virtualmachineid", id), ("listall", "true")]).items().first)
            #expect(moved["storageid"]?.text == dest)
            #expect(try await VolumeFixtures.used(admin, dest) == usedBefore + (moved["size"]?.intValue ?? 0))
            #expect(try await admin.call("listVirtualMachines", [("storageid", dest), ("id", id)]).items().count == 1)
        }
    }
}
