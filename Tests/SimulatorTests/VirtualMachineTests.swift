import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Virtual machines and async jobs")
struct VirtualMachineTests {
    static func firstVM(_ api: CloudStackClient, state: String) async throws -> JSONObject {
        let r = try await api.call("listVirtualMachines", [("listall", "true"), ("state", state), ("page", "1"), ("pagesize", "5")])
        return try #require(r.items().first)
    }

    @Test("stop: jobid at once, jobstatus 0 with the instance set, then 1 with the VM Stopped")
    func stopLifecycle() async throws {
        // A slower job, so that the pending state is observable even on a busy machine.
        try await withSimulator(jobDelay: 6...6) { server in
            let api = try admin(server)
            let vm = try await Self.firstVM(api, state: "Running")
            let id = try #require(vm["id"]?.text)
            let submit = try await api.call("stopVirtualMachine", [("id", id)])
            #expect(submit.responseName == "stopvirtualmachineresponse")
            let jobID = try #require(submit.jobID)
            let pending = try await api.queryJob(jobID)
            #expect(pending.status == .pending)
            #expect(pending.instanceType == "VirtualMachine")
            #expect(pending.instanceID == id)
            #expect(pending.cmd == "org.apache.cloudstack.api.command.admin.vm.StopVMCmdByAdmin")
            let during = try await api.call("listVirtualMachines", [("id", id)])
            #expect(during.items().first?["state"]?.text == "Stopping")
            #expect(during.items().first?["jobid"]?.text == jobID)
            #expect(during.items().first?["jobstatus"] == .int(0))
            let done = try await api.waitForJob(jobID, command: "stopVirtualMachine")
            #expect(done.status == .succeeded)
            #expect(done.resultCode == 0)
            #expect(done.result?["virtualmachine"]?["state"]?.text == "Stopped")
            #expect(done.raw["completed"] != nil)
            let after = try await api.call("listVirtualMachines", [("id", id)])
            #expect(after.items().first?["state"]?.text == "Stopped")
            #expect(after.items().first?["hostid"] == nil)
            #expect(after.items().first?["jobid"] == nil)
            await api.close()
        }
    }

    @Test("start goes Stopped → Starting → Running; reboot keeps it Running; destroy ends Destroyed")
    func stateMachine() async throws {
        try await withSimulator(jobDelay: 5...5) { server in  // transitional states must still be there when checked under load
            let api = try admin(server)
            let vm = try await Self.firstVM(api, state: "Stopped")
            let id = try #require(vm["id"]?.text)
            let submit = try await api.call("startVirtualMachine", [("id", id)])
            #expect(submit.responseName == "startvirtualmachineresponse")
            #expect(submit.content.keys == ["jobid"])
            #expect(try await api.call("listVirtualMachines", [("id", id)]).items().first?["state"]?.text == "Starting")
            let started = try await api.waitForJob(try #require(submit.jobID), command: "startVirtualMachine")
            #expect(started.result?["virtualmachine"]?["state"]?.text == "Running")
            guard case .job(let rr, let rebooted) = try await api.execute("rebootVirtualMachine", [("id", id)]) else { Issue.record("no job"); return }
            #expect(rr.responseName == "rebootvirtualmachineresponse")
            #expect(rebooted.result?["virtualmachine"]?["state"]?.text == "Running")
            guard case .job(let dr, let destroyed) = try await api.execute("destroyVirtualMachine", [("id", id)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "destroyvirtualmachineresponse")
            #expect(destroyed.result?["virtualmachine"]?["state"]?.text == "Destroyed")
            await api.close()
        }
    }

    @Test("an action in the wrong state fails the job with jobstatus 2, jobresultcode 530 and a CloudStack-style text")
    func wrongState() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let running = try #require(try await Self.firstVM(api, state: "Running")["id"]?.text)
            let submit = try await api.call("startVirtualMachine", [("id", running)])
            let jobID = try #require(submit.jobID)
            do {
                _ = try await api.waitForJob(jobID, command: "startVirtualMachine")
                Issue.record("the job should fail")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text.contains("is already running"))
            }
            let job = try await api.queryJob(jobID)
            #expect(job.status == .failed)
            #expect(job.result?["errorcode"] == .int(530))
            let stopped = try #require(try await Self.firstVM(api, state: "Stopped")["id"]?.text)
            do {
                _ = try await api.execute("rebootVirtualMachine", [("id", stopped)])
                Issue.record("the reboot should fail")
            } catch let CloudStackError.jobFailed(_, _, _, text) {
                #expect(text.contains("not in Running state"))
            }
            // The VM did not change.
            #expect(try await api.call("listVirtualMachines", [("id", stopped)]).items().first?["state"]?.text == "Stopped")
            await api.close()
        }
    }

    @Test("jobs keep running when the client goes away, and listAsyncJobs lists them")
    func jobsSurviveDisconnect() async throws {
        try await withSimulator { server in
            let first = try admin(server)
            let id = try #require(try await Self.firstVM(first, state: "Running")["id"]?.text)
            let jobID = try #require(try await first.call("stopVirtualMachine", [("id", id)]).jobID)
            await first.close()
            // A new client, a new connection: the job finished without anyone polling it.
            let second = try admin(server)
            let job = try await second.waitForJob(jobID, command: "stopVirtualMachine")
            #expect(job.status == .succeeded)
            let raw = try await second.call("queryAsyncJobResult", [("jobid", jobID)])
            #expect(raw.responseName == "queryasyncjobresultresponse")
            #expect(raw.content["jobresulttype"]?.text == "object")
            let jobs = try await second.call("listAsyncJobs")
            #expect(jobs.responseName == "listasyncjobsresponse")
            #expect(jobs.list.itemKey == "asyncjobs")
            #expect(jobs.items().contains { $0["jobid"]?.text == jobID })
            await second.close()
        }
    }

    @Test("a user cannot query an admin's job, and sees only its own in listAsyncJobs")
    func jobVisibility() async throws {
        try await withSimulator { server in
            let a = try admin(server)
            let id = try #require(try await Self.firstVM(a, state: "Running")["id"]?.text)
            let jobID = try #require(try await a.call("stopVirtualMachine", [("id", id)]).jobID)
            let u = try user(server)
            let e = await apiError { _ = try await u.queryJob(jobID) }
            #expect(e?.status == 531)
            let jobs = try await u.call("listAsyncJobs")
            #expect(jobs.content.isEmpty)
            await a.close()
            await u.close()
        }
    }

    @Test("listVirtualMachines filters: state, name, zoneid, hostid, keyword, details=min")
    func filters() async throws {
        try await withSimulator(vms: 800) { server in
            let api = try admin(server)
            let running = try await api.listAll("listVirtualMachines", [("listall", "true"), ("state", "Running")])
            #expect(!running.items.isEmpty)
            #expect(running.items.allSatisfy { $0["state"]?.text == "Running" })
            let zones = try await api.call("listZones").items()
            let zoneID = try #require(zones.first?["id"]?.text)
            let inZone = try await api.listAll("listVirtualMachines", [("listall", "true"), ("zoneid", zoneID)])
            #expect(inZone.items.allSatisfy { $0["zoneid"]?.text == zoneID })
            #expect(inZone.count < 800)
            let sample = try #require(running.items.first?.objectValue)
            let hostID = try #require(sample["hostid"]?.text)
            let onHost = try await api.listAll("listVirtualMachines", [("listall", "true"), ("hostid", hostID)])
            #expect(onHost.items.allSatisfy { $0["hostid"]?.text == hostID })
            let name = try #require(sample["name"]?.text)
            let byName = try await api.call("listVirtualMachines", [("listall", "true"), ("name", name)])
            #expect(byName.items().contains { $0["id"] == sample["id"] })
            let byKeyword = try await api.listAll("listVirtualMachines", [("listall", "true"), ("keyword", "db-prod")])
            #expect(byKeyword.items.allSatisfy { ($0["name"]?.text ?? "").contains("db-prod") })
            let minimal = try await api.call("listVirtualMachines", [("listall", "true"), ("details", "min"), ("page", "1"), ("pagesize", "3")])
            #expect(minimal.items().allSatisfy { $0["nic"] == nil && $0["cpuused"] == nil && $0["id"] != nil && $0["state"] != nil })
            let full = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "3")])
            let nic = full.items().first?["nic"]?.arrayValue?.first
            #expect(nic?["ipaddress"] != nil && nic?["macaddress"] != nil && nic?["networkid"] != nil)
            await api.close()
        }
    }

    @Test("VM snapshots: create (id and jobid), list under vmSnapshot, revert, delete")
    func vmSnapshots() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("state", "Stopped")]).items().first)
            let vmID = try #require(vm["id"]?.text)
            let submit = try await api.call("createVMSnapshot", [("virtualmachineid", vmID), ("name", "before-upgrade"), ("description", "test")])
            #expect(submit.responseName == "createvmsnapshotresponse")
            let snapID = try #require(submit.content["id"]?.text)
            let job = try await api.waitForJob(try #require(submit.jobID), command: "createVMSnapshot")
            #expect(job.instanceType == "VMSnapshot")
            #expect(job.result?["vmsnapshot"]?["state"]?.text == "Ready")
            let list = try await api.call("listVMSnapshot", [("virtualmachineid", vmID)])
            #expect(list.list.itemKey == "vmSnapshot")
            #expect(list.items().contains { $0["id"]?.text == snapID && $0["displayname"]?.text == "before-upgrade" })
            guard case .job(let rr, let reverted) = try await api.execute("revertToVMSnapshot", [("vmsnapshotid", snapID)]) else { Issue.record("no job"); return }
            #expect(rr.responseName == "reverttovmsnapshotresponse")
            #expect(reverted.result?["virtualmachine"]?["id"]?.text == vmID)
            guard case .job(let dr, let deleted) = try await api.execute("deleteVMSnapshot", [("vmsnapshotid", snapID)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "deletevmsnapshotresponse")
            #expect(deleted.result?["success"] == .bool(true))
            let left = try await api.call("listVMSnapshot", [("virtualmachineid", vmID)])
            #expect(!left.items().contains { $0["id"]?.text == snapID })
            await api.close()
        }
    }
}
