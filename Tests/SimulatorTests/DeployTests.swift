import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("deployVirtualMachine")
struct DeployTests {
    @Test("deploy: id and jobid at once, Starting with the job shown, then Running on a KVM host with a NIC, a ROOT volume and an event")
    func deployRunning() async throws {
        try await withSimulator(jobDelay: 3...3) { server in
            let admin = try admin(server), api = try user(server)
            let zone = try #require(try await ComputeFixtures.zones(admin).first?["id"]?.text)
            let network = try await ComputeFixtures.network(admin, zoneID: zone, account: "demo")
            let submit = try await api.call("deployVirtualMachine", [
                ("zoneid", zone), ("templateid", try await ComputeFixtures.template(admin, "Ubuntu 22.04 LTS")),
                ("serviceofferingid", try await ComputeFixtures.offering(admin, "Small Instance")), ("networkids", network),
                ("name", "web-new-1"), ("displayname", "Web one"), ("group", "frontend")])
            #expect(submit.responseName == "deployvirtualmachineresponse")
            let id = try #require(submit.content["id"]?.text)
            let jobID = try #require(submit.jobID)
            let during = try await ComputeFixtures.vm(api, id)
            #expect(during["state"]?.text == "Starting")
            #expect(during["jobid"]?.text == jobID)
            let job = try await api.waitForJob(jobID, command: "deployVirtualMachine")
            #expect(job.cmd == "org.apache.cloudstack.api.command.admin.vm.DeployVMCmdByAdmin")
            #expect(job.instanceType == "VirtualMachine" && job.instanceID == id)
            let vm = try await ComputeFixtures.vm(admin, id)
            #expect(vm["state"]?.text == "Running")
            #expect(vm["name"]?.text == "web-new-1" && vm["displayname"]?.text == "Web one")
            #expect(vm["hypervisor"]?.text == "KVM")
            let hostID = try #require(vm["hostid"]?.text)
            let host = try #require(try await admin.call("listHosts", [("id", hostID)]).items().first)
            #expect(host["hypervisor"]?.text == "KVM" && host["state"]?.text == "Up" && host["resourcestate"]?.text == "Enabled")
            #expect(host["zoneid"]?.text == zone)
            let nic = try #require(vm["nic"]?.arrayValue?.first?.objectValue)
            #expect(nic["networkid"]?.text == network)
            #expect(nic["ipaddress"]?.text?.hasPrefix("10.") == true)
            #expect(vm["group"]?.text == "frontend" && vm["groupid"] != nil)
            // The user sees no host and no instance name.
            #expect(try await ComputeFixtures.vm(api, id)["hostid"] == nil)
            let volumes = try await api.call("listVolumes", [("virtualmachineid", id)]).items()
            #expect(volumes.map { $0["type"]?.text } == ["ROOT"])
            #expect(volumes.first?["state"]?.text == "Ready")
            let events = try await api.call("listEvents", [("type", "VM.CREATE")]).items()
            #expect(events.contains { $0["description"]?.text?.contains(id) == true })
            // The same name again in that network is refused.
            let again = await apiError {
                _ = try await api.call("deployVirtualMachine", [("zoneid", zone), ("templateid", try await ComputeFixtures.template(admin, "Ubuntu 22.04 LTS")),
                                                                ("serviceofferingid", try await ComputeFixtures.offering(admin, "Small Instance")),
                                                                ("networkids", network), ("name", "web-new-1")])
            }
            #expect(again?.status == 431)
            #expect(again?.text.hasPrefix("The vm with hostName web-new-1 already exists in the network domain:") == true)
        }
    }

    @Test("startvm=false leaves the VM Stopped; a disk offering adds a Ready DATADISK of its size; a password enabled template's password comes once")
    func stoppedWithDataDisk() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let offering = try #require(try await api.call("listDiskOfferings", [("name", "Medium")]).items().first?["id"]?.text)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "db-new-1", extra: [("startvm", "false"), ("diskofferingid", offering)])
            #expect(vm["state"]?.text == "Stopped")
            let id = try #require(vm["id"]?.text)
            // Ubuntu 22.04 is password enabled: the job result has the password, the VM listed afterwards does not.
            #expect((vm["password"]?.text?.count ?? 0) >= 8)
            #expect(try await ComputeFixtures.vm(api, id)["password"] == nil)
            let volumes = try await api.call("listVolumes", [("virtualmachineid", id)]).items()
            #expect(Set(volumes.compactMap { $0["type"]?.text }) == ["ROOT", "DATADISK"])
            let data = try #require(volumes.first { $0["type"]?.text == "DATADISK" })
            #expect(data["state"]?.text == "Ready")
            #expect(data["size"]?.intValue == Int64(20) * 1_073_741_824)
            #expect(data["diskofferingid"]?.text == offering)
        }
    }

    @Test("a custom offering needs cpuNumber, cpuSpeed and memory in details, which the VM then shows")
    func customOffering() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let missing = await apiError { _ = try await ComputeFixtures.deploy(api, admin: admin, name: "custom-1", offering: "Custom Instance") }
            #expect(missing?.status == 431)
            #expect(missing?.text == "Need to specify custom parameter values cpu, cpu speed and memory when using custom offering")
            let lowMemory = await apiError {
                _ = try await ComputeFixtures.deploy(api, admin: admin, name: "custom-1", extra: [("details[0].cpuNumber", "2"), ("details[0].cpuSpeed", "2000"),
                                                                                             ("details[0].memory", "16")], offering: "Custom Instance")
            }
            #expect(lowMemory?.text == "Invalid memory value, specify a value between 32 and 2147483647")
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "custom-1", extra: [("details[0].cpuNumber", "6"), ("details[0].cpuSpeed", "2200"),
                                                                                            ("details[0].memory", "12288")], offering: "Custom Instance")
            #expect(vm["cpunumber"]?.intValue == 6 && vm["cpuspeed"]?.intValue == 2200 && vm["memory"]?.intValue == 12288)
            #expect(vm["serviceofferingname"]?.text == "Custom Instance")
        }
    }

    @Test("templates: one not in the zone is not available for use, one still downloading is a 530, a private one of another account is refused")
    func templateChecks() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let zones = try await ComputeFixtures.zones(admin).compactMap { $0["id"]?.text }
            let small = try await ComputeFixtures.offering(admin, "Small Instance")
            // demo-webapp-golden is in the first zone only.
            let golden = try await ComputeFixtures.template(admin, "demo-webapp-golden")
            let other = try await ComputeFixtures.network(admin, zoneID: zones[1], account: "demo")
            let notThere = await apiError {
                _ = try await api.call("deployVirtualMachine", [("zoneid", zones[1]), ("templateid", golden), ("serviceofferingid", small), ("networkids", other)])
            }
            #expect(notThere?.status == 431)
            #expect(notThere?.text == "The template \(golden) is not available for use")
            // Fedora 40 Cloud is still downloading in the first zone.
            let fedora = try await ComputeFixtures.template(admin, "Fedora 40 Cloud")
            let first = try await ComputeFixtures.network(admin, zoneID: zones[0], account: "demo")
            let downloading = await apiError {
                _ = try await api.call("deployVirtualMachine", [("zoneid", zones[0]), ("templateid", fedora), ("serviceofferingid", small), ("networkids", first)])
            }
            #expect(downloading?.status == 530)
            #expect(downloading?.text == "Template Fedora 40 Cloud has not been completely downloaded to zone \(zones[0])")
            // acme-base-image is acme-corp's and private.
            let acme = try await ComputeFixtures.template(admin, "acme-base-image")
            let denied = await apiError {
                _ = try await api.call("deployVirtualMachine", [("zoneid", zones[0]), ("templateid", acme), ("serviceofferingid", small), ("networkids", first)])
            }
            #expect(denied?.status == 531)
            // A network of the other zone.
            let wrongZone = await apiError {
                _ = try await api.call("deployVirtualMachine", [("zoneid", zones[0]), ("templateid", try await ComputeFixtures.template(admin, "Debian 12")),
                                                                ("serviceofferingid", small), ("networkids", other)])
            }
            #expect(wrongZone?.text == "Network id=\(other) doesn't belong to zone \(zones[0])")
            // A name that is no DNS label.
            let badName = await apiError { _ = try await ComputeFixtures.deploy(api, admin: admin, name: "9-lives") }
            #expect(badName?.text.hasPrefix("Invalid name. Vm name can contain ASCII letters") == true)
        }
    }

    @Test("key pairs: unknown ones are refused, known ones show in the VM row and filter listVirtualMachines")
    func keyPairs() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let unknown = await apiError { _ = try await ComputeFixtures.deploy(api, admin: admin, name: "key-1", extra: [("keypairs", "demo-laptop,nope")]) }
            #expect(unknown?.text == "Not all specified keyparis exist")
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "key-1", extra: [("keypairs", "demo-laptop,ci-deploy")])
            #expect(vm["keypairs"]?.text == "demo-laptop,ci-deploy")
            let byKey = try await api.listAll("listVirtualMachines", [("keypair", "ci-deploy")]).items.compactMap(\.objectValue)
            #expect(byKey.contains { $0["id"]?.text == vm["id"]?.text })
            #expect(byKey.allSatisfy { ($0["keypairs"]?.text ?? "").split(separator: ",").contains("ci-deploy") })
        }
    }

    @Test("host anti-affinity: the group's VMs land on different hosts; host affinity: on the same one")
    func affinity() async throws {
        // Few VMs per host, so that every KVM host of the zone has room.
        try await withSimulator(vms: 120) { server in
            let admin = try admin(server), api = try user(server)
            let anti = try #require(try await ComputeFixtures.run(api, "createAffinityGroup", [("name", "spread"), ("type", "host anti-affinity")])["affinitygroup"]?["id"]?.text)
            let together = try #require(try await ComputeFixtures.run(api, "createAffinityGroup", [("name", "together"), ("type", "host affinity")])["affinitygroup"]?["id"]?.text)
            var spreadHosts: [String] = []
            for k in 1...3 {
                let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "spread-\(k)", extra: [("affinitygroupids", anti)])
                let id = try #require(vm["id"]?.text)
                spreadHosts.append(try #require(try await ComputeFixtures.vm(admin, id)["hostid"]?.text))
                #expect(vm["affinitygroup"]?.arrayValue?.first?["name"]?.text == "spread")
            }
            #expect(Set(spreadHosts).count == 3)
            var togetherHosts: Set<String> = []
            for k in 1...2 {
                let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "together-\(k)", extra: [("affinitygroupnames", "together")])
                let id = try #require(vm["id"]?.text)
                togetherHosts.insert(try #require(try await ComputeFixtures.vm(admin, id)["hostid"]?.text))
            }
            #expect(togetherHosts.count == 1)
            let members = try await api.call("listAffinityGroups", [("id", anti)]).items().first?["virtualmachineIds"]?.arrayValue ?? []
            #expect(members.count == 3)
        }
    }

    @Test("at 2000 VMs a deployment keeps every other VM where it was and appends one row")
    func deployKeepsIndexes() async throws {
        try await withSimulator(vms: 2000) { server in
            let admin = try admin(server), api = try user(server)
            let before = try await admin.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "5")])
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "late-1")
            let after = try await admin.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "5")])
            #expect(before.items().map { $0["id"]?.text } == after.items().map { $0["id"]?.text })
            #expect(after.list.count == (before.list.count ?? 0) + 1)
            let found = try await api.call("listVirtualMachines", [("name", "late-1")]).items()
            #expect(found.map { $0["id"]?.text } == [vm["id"]?.text])
            let keyword = try await admin.call("listVirtualMachines", [("listall", "true"), ("keyword", "late-1")]).items()
            #expect(keyword.map { $0["id"]?.text } == [vm["id"]?.text])
        }
    }
}
