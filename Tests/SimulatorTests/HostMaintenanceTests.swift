import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Host maintenance, update and reconnect")
struct HostMaintenanceTests {
    /// An Up, Enabled host with running VMs whose cluster has another Up, Enabled host.
    static func busyHost(_ api: CloudStackClient) async throws -> (host: JSONObject, vms: [String]) {
        let hosts = try await rows(api, "listHosts")
        let vms = try await rows(api, "listVirtualMachines", [("listall", "true"), ("state", "Running")])
        for h in hosts where h["state"]?.text == "Up" && h["resourcestate"]?.text == "Enabled" {
            let id = h["id"]?.text
            let peers = hosts.filter { $0["clusterid"]?.text == h["clusterid"]?.text && $0["id"]?.text != id
                && $0["state"]?.text == "Up" && $0["resourcestate"]?.text == "Enabled" }
            let running = vms.filter { $0["hostid"]?.text == id }.compactMap { $0["id"]?.text }
            if !peers.isEmpty && !running.isEmpty { return (h, running) }
        }
        throw CloudStackError.configuration("the seed has no busy host with a peer")
    }

    @Test("prepareHostForMaintenance: PrepareForMaintenance in the job, running VMs moved to the cluster's other hosts, Maintenance one job delay later")
    func maintenance() async throws {
        // A slow job, so that "one job delay after the job" still lies ahead when the test looks, even on a busy machine.
        try await withSimulator(jobDelay: 6...6) { server in
            let api = try admin(server)
            let (host, vms) = try await Self.busyHost(api)
            let id = try #require(host["id"]?.text)
            let cluster = try #require(host["clusterid"]?.text)
            let submit = try await api.call("prepareHostForMaintenance", [("id", id)])
            #expect(submit.responseName == "preparehostformaintenanceresponse")
            let job = try #require(submit.jobID)
            let during = try #require(try await api.call("listHosts", [("id", id)]).items().first)
            #expect(during["resourcestate"]?.text == "PrepareForMaintenance")
            #expect(during["jobid"]?.text == job)
            let done = try await api.waitForJob(job, command: "prepareHostForMaintenance")
            #expect(done.instanceType == "Host")
            #expect(done.result?["host"]?["resourcestate"]?.text == "PrepareForMaintenance")
            // Right after the job the host is still preparing: Maintenance comes one job delay (6 s) later.
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["resourcestate"]?.text == "PrepareForMaintenance")
            #expect(try await api.call("listVirtualMachines", [("listall", "true"), ("hostid", id)]).items().isEmpty)
            let clusterHosts = Set(try await rows(api, "listHosts", [("clusterid", cluster)]).compactMap { $0["id"]?.text })
            for vm in vms {
                let moved = try #require(try await api.call("listVirtualMachines", [("id", vm)]).items().first)
                #expect(moved["state"]?.text == "Running")
                let to = try #require(moved["hostid"]?.text)
                #expect(to != id)
                #expect(clusterHosts.contains(to))
            }
            let reached = try await eventually(within: 30) {
                try await api.call("listHosts", [("id", id)]).items().first?["resourcestate"]?.text == "Maintenance"
            }
            #expect(reached)
            let events = try await api.call("listEvents", [("listall", "true"), ("resourceid", id), ("resourcetype", "Host")]).items()
            #expect(events.compactMap { $0["type"]?.text } == ["MAINT.PREPARE"])
            #expect(events.first?["description"]?.text == "preparing host: \(id) for maintenance")
            await api.close()
        }
    }

    @Test("a host in Maintenance cannot prepare again; cancelHostMaintenance → Enabled; cancelling an Enabled host fails; the server's texts")
    func maintenanceErrors() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let id = try #require(try await api.call("listHosts", [("resourcestate", "Maintenance")]).items().first?["id"]?.text)
            let again = try await jobFailure(api, "prepareHostForMaintenance", [("id", id)])
            #expect(again?.code == 530)
            #expect(again?.text == "Failed to prepare host for maintenance due to: Host is already in state Maintenance. Cannot recall for maintenance until resolved.")
            let cancel = try await api.call("cancelHostMaintenance", [("id", id)])
            #expect(cancel.responseName == "cancelhostmaintenanceresponse")
            let cancelJob = try #require(cancel.jobID)
            _ = try await api.waitForJob(cancelJob, command: "cancelHostMaintenance")
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["resourcestate"]?.text == "Enabled")
            let notInMaintenance = try await jobFailure(api, "cancelHostMaintenance", [("id", id)])
            #expect(notInMaintenance?.text == "Cannot perform cancelMaintenance when resource state is Enabled, hostId = \(id)")
            let events = try await api.call("listEvents", [("listall", "true"), ("resourceid", id), ("resourcetype", "Host")]).items()
            #expect(events.compactMap { $0["type"]?.text } == ["MAINT.CANCEL", "MAINT.CANCEL", "MAINT.PREPARE"])
            await api.close()
        }
    }

    @Test("a second host of a cluster cannot prepare for maintenance while the first still is")
    func oneAtATime() async throws {
        try await withSimulator(jobDelay: 5...5) { server in
            let api = try admin(server)
            let (host, _) = try await Self.busyHost(api)
            let id = try #require(host["id"]?.text)
            let cluster = try #require(host["clusterid"]?.text)
            let peer = try #require(try await rows(api, "listHosts", [("clusterid", cluster), ("resourcestate", "Enabled")])
                .first { $0["id"]?.text != id }?["id"]?.text)
            _ = try await api.call("prepareHostForMaintenance", [("id", id)])
            let second = try await jobFailure(api, "prepareHostForMaintenance", [("id", peer)])
            #expect(second?.text == "Failed to prepare host for maintenance due to: There are other servers attempting migrations for maintenance. Found hosts in PrepareForMaintenance OR ErrorInPrepareForMaintenance STATUS in cluster \(cluster)")
            #expect(try await api.call("listHosts", [("id", peer)]).items().first?["resourcestate"]?.text == "Enabled")
            await api.close()
        }
    }

    @Test("updateHost allocationstate Disable/Enable moves resourcestate; other spellings and impossible transitions fail with the server's text")
    func update() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let host = try #require(try await api.call("listHosts", [("resourcestate", "Enabled")]).items().first)
            let id = try #require(host["id"]?.text)
            let r = try await api.call("updateHost", [("id", id), ("allocationstate", "Disable")])
            #expect(r.responseName == "updatehostresponse")
            #expect(r.content["host"]?["resourcestate"]?.text == "Disabled")
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["resourcestate"]?.text == "Disabled")
            let bad = await apiError { _ = try await api.call("updateHost", [("id", id), ("allocationstate", "Enabled")]) }
            #expect(bad?.status == 530)
            #expect(bad?.text.hasPrefix("Failed to update host: ") == true)
            #expect(bad?.text.hasSuffix("with id \(id), Invalid allocation state: Enabled, only Enable/Disable are allowed") == true)
            // A Disabled host cannot enter maintenance (no transition from Disabled).
            let maintenance = try await jobFailure(api, "prepareHostForMaintenance", [("id", id)])
            #expect(maintenance?.text.hasSuffix("No next resource state found for current state = Disabled event = AdminAskMaintenance") == true)
            _ = try await api.call("updateHost", [("id", id), ("allocationstate", "Enable")])
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["resourcestate"]?.text == "Enabled")

            let inMaintenance = try #require(try await api.call("listHosts", [("resourcestate", "Maintenance")]).items().first?["id"]?.text)
            let stuck = await apiError { _ = try await api.call("updateHost", [("id", inMaintenance), ("allocationstate", "Enable")]) }
            #expect(stuck?.text.hasSuffix("No next resource state found for current state = Maintenance event = Enable") == true)
            await api.close()
        }
    }

    @Test("reconnectHost: Connecting while the job runs, Up after it, an event naming the host")
    func reconnect() async throws {
        try await withSimulator(jobDelay: 5...5) { server in
            let api = try admin(server)
            let id = try #require(try await api.call("listHosts", [("state", "Up")]).items().first?["id"]?.text)
            let submit = try await api.call("reconnectHost", [("id", id)])
            #expect(submit.responseName == "reconnecthostresponse")
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["state"]?.text == "Connecting")
            let done = try await api.waitForJob(try #require(submit.jobID), command: "reconnectHost")
            #expect(done.result?["host"]?["state"]?.text == "Up")
            #expect(try await api.call("listHosts", [("id", id)]).items().first?["state"]?.text == "Up")
            let events = try await api.call("listEvents", [("listall", "true"), ("type", "HOST.RECONNECT"), ("resourceid", id)]).items()
            #expect(events.first?["description"]?.text == "reconnecting host: \(id)")
            await api.close()
        }
    }
}
