import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("System VMs")
struct SystemVMTests {
    @Test("listSystemVms: an SSVM (s-N-VM) and a console proxy (v-N-VM) per zone, one stuck in Starting; filters; admin only")
    func list() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listSystemVms")
            #expect(r.responseName == "listsystemvmsresponse")
            #expect(r.list.itemKey == "systemvm")
            let vms = r.items()
            let zones = try await api.call("listZones").items().compactMap { $0["id"]?.text }
            #expect(vms.count == 2 * zones.count)
            for zone in zones {
                let types = vms.filter { $0["zoneid"]?.text == zone }.compactMap { $0["systemvmtype"]?.text }.sorted()
                #expect(types == ["consoleproxy", "secondarystoragevm"])
            }
            for vm in vms {
                let name = try #require(vm["name"]?.text)
                let prefix = vm["systemvmtype"]?.text == "consoleproxy" ? "v-" : "s-"
                #expect(name.hasPrefix(prefix) && name.hasSuffix("-VM"))
                for field in ["id", "state", "agentstate", "podid", "zoneid", "zonename", "publicip", "privateip", "linklocalip", "created"] {
                    #expect(vm[field] != nil, "\(field)")
                }
                #expect((vm["activeviewersessions"] != nil) == (vm["systemvmtype"]?.text == "consoleproxy"))
            }
            let starting = vms.filter { $0["state"]?.text == "Starting" }
            #expect(starting.count == 1)
            #expect(starting.first?["agentstate"]?.text == "Disconnected")
            #expect(try await api.call("listSystemVms", [("systemvmtype", "consoleproxy")]).items().count == zones.count)
            #expect(try await api.call("listSystemVms", [("zoneid", zones[0])]).items().count == 2)
            #expect(try await api.call("listSystemVms", [("state", "Starting")]).items().count == 1)
            let e = await apiError { _ = try await user(server).call("listSystemVms") }
            #expect(e?.status == 401)
            await api.close()
        }
    }

    @Test("stop → Stopping → Stopped (agent Disconnected, no host); start → Starting → Running on a host; reboot only when Running")
    func stopStartReboot() async throws {
        try await withSimulator(jobDelay: 5...5) { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listSystemVms", [("state", "Running"), ("systemvmtype", "secondarystoragevm")]).items().first)
            let id = try #require(vm["id"]?.text)
            let stop = try await api.call("stopSystemVm", [("id", id)])
            #expect(stop.responseName == "stopsystemvmresponse")
            #expect(try await api.call("listSystemVms", [("id", id)]).items().first?["state"]?.text == "Stopping")
            let stopped = try await api.waitForJob(try #require(stop.jobID), command: "stopSystemVm")
            #expect(stopped.instanceType == "SystemVm")
            let s = try #require(stopped.result?["systemvm"]?.objectValue)
            #expect(s["state"]?.text == "Stopped")
            #expect(s["agentstate"]?.text == "Disconnected")
            #expect(s["hostid"] == nil)
            let reboot = try await jobFailure(api, "rebootSystemVm", [("id", id)])
            #expect(reboot?.code == 530)
            #expect(reboot?.text.contains("Stopped") == true)

            let start = try await api.call("startSystemVm", [("id", id)])
            #expect(start.responseName == "startsystemvmresponse")
            #expect(try await api.call("listSystemVms", [("id", id)]).items().first?["state"]?.text == "Starting")
            let startJob = try #require(start.jobID)
            let started = try #require(try await api.waitForJob(startJob, command: "startSystemVm").result?["systemvm"]?.objectValue)
            #expect(started["state"]?.text == "Running")
            #expect(started["agentstate"]?.text == "Up")
            #expect(started["hostid"] != nil)
            let rebooted = try await jobResult(api, "rebootSystemVm", [("id", id)])
            #expect(rebooted["systemvm"]?["state"]?.text == "Running")
            let events = Set(try await api.call("listEvents", [("listall", "true"), ("resourceid", id)]).items().compactMap { $0["type"]?.text })
            #expect(events == ["SSVM.STOP", "SSVM.START", "SSVM.REBOOT"])
            await api.close()
        }
    }

    @Test("the system VM stuck in Starting needs a forced stop")
    func stuck() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let id = try #require(try await api.call("listSystemVms", [("state", "Starting")]).items().first?["id"]?.text)
            let plain = try await jobFailure(api, "stopSystemVm", [("id", id)])
            #expect(plain?.text.contains("Starting") == true)
            let forced = try await jobResult(api, "stopSystemVm", [("id", id), ("forced", "true")])
            #expect(forced["systemvm"]?["state"]?.text == "Stopped")
            await api.close()
        }
    }

    @Test("destroySystemVm: the VM is expunged and a new one of its kind, with a new name, replaces it in its zone")
    func destroyAndReplace() async throws {
        try await withSimulator(jobDelay: 1...1) { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listSystemVms", [("state", "Running"), ("systemvmtype", "consoleproxy")]).items().first)
            let id = try #require(vm["id"]?.text)
            let zone = try #require(vm["zoneid"]?.text)
            let result = try await jobResult(api, "destroySystemVm", [("id", id)])
            #expect(result["systemvm"]?["id"]?.text == id)
            let gone = await apiError { _ = try await api.call("listSystemVms", [("id", id)]) }
            #expect(gone?.status == 431)
            let replaced = try await eventually(within: 30) {
                try await api.call("listSystemVms", [("zoneid", zone), ("systemvmtype", "consoleproxy"), ("state", "Running")]).items().count == 1
            }
            #expect(replaced)
            let new = try #require(try await api.call("listSystemVms", [("zoneid", zone), ("systemvmtype", "consoleproxy")]).items().first)
            #expect(new["id"]?.text != id)
            #expect(new["name"]?.text != vm["name"]?.text)
            #expect(new["name"]?.text?.hasPrefix("v-") == true)
            await api.close()
        }
    }

    @Test("migrateSystemVm: Migrating while the job runs, then Running on the chosen host of its pod; a VM that is not Running cannot move")
    func migrate() async throws {
        try await withSimulator(jobDelay: 5...5) { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listSystemVms", [("state", "Running")]).items().first)
            let id = try #require(vm["id"]?.text)
            let pod = try #require(vm["podid"]?.text)
            let target = try #require(try await rows(api, "listHosts", [("podid", pod), ("state", "Up"), ("resourcestate", "Enabled")])
                .first { $0["id"]?.text != vm["hostid"]?.text }?["id"]?.text)
            let submit = try await api.call("migrateSystemVm", [("virtualmachineid", id), ("hostid", target)])
            #expect(submit.responseName == "migratesystemvmresponse")
            #expect(try await api.call("listSystemVms", [("id", id)]).items().first?["state"]?.text == "Migrating")
            let done = try await api.waitForJob(try #require(submit.jobID), command: "migrateSystemVm")
            #expect(done.result?["systemvm"]?["hostid"]?.text == target)
            #expect(try await api.call("listSystemVms", [("id", id)]).items().first?["state"]?.text == "Running")

            let stuck = try #require(try await api.call("listSystemVms", [("state", "Starting")]).items().first?["id"]?.text)
            let refused = try await jobFailure(api, "migrateSystemVm", [("virtualmachineid", stuck)])
            #expect(refused?.text == "VM is not Running, unable to migrate the vm with specified id")
            await api.close()
        }
    }
}
