import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Virtual routers")
struct RouterTests {
    @Test("listRouters: r-N-VM names, redundant PRIMARY/BACKUP pairs, some needing an upgrade, some Stopped; filters by network, state and host")
    func list() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listRouters", [("listall", "true")])
            #expect(r.responseName == "listroutersresponse")
            #expect(r.list.itemKey == "router")
            let routers = r.items()
            #expect(!routers.isEmpty)
            #expect(routers.allSatisfy { ($0["name"]?.text ?? "").hasPrefix("r-") && ($0["name"]?.text ?? "").hasSuffix("-VM") })
            #expect(routers.allSatisfy { $0["role"]?.text == "VIRTUAL_ROUTER" && $0["publicip"] != nil && $0["linklocalip"] != nil })
            let redundant = routers.filter { $0["isredundantrouter"] == .bool(true) && $0["state"]?.text == "Running" }
            #expect(Set(redundant.compactMap { $0["redundantstate"]?.text }) == ["PRIMARY", "BACKUP"])
            #expect(routers.filter { $0["isredundantrouter"] == .bool(false) }.allSatisfy { $0["redundantstate"]?.text == "UNKNOWN" })
            #expect(routers.contains { $0["requiresupgrade"] == .bool(true) && $0["version"]?.text == "4.18.1" })
            #expect(routers.contains { $0["requiresupgrade"] == .bool(false) })
            #expect(routers.contains { $0["vpcid"] != nil && $0["vpcname"] != nil })
            let stopped = try await api.call("listRouters", [("listall", "true"), ("state", "Stopped")]).items()
            #expect(!stopped.isEmpty && stopped.allSatisfy { $0["state"]?.text == "Stopped" && $0["hostid"] == nil })
            let running = try #require(routers.first { $0["state"]?.text == "Running" && $0["guestnetworkid"] != nil })
            let networkID = try #require(running["guestnetworkid"]?.text)
            let byNetwork = try await api.call("listRouters", [("listall", "true"), ("networkid", networkID)]).items()
            #expect(byNetwork.allSatisfy { $0["guestnetworkid"]?.text == networkID })
            let hostID = try #require(running["hostid"]?.text)
            #expect(try await api.call("listRouters", [("listall", "true"), ("hostid", hostID)]).items().allSatisfy { $0["hostid"]?.text == hostID })
            await api.close()
        }
    }

    @Test("a user-role caller cannot call the router commands")
    func adminOnly() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let e = await apiError { _ = try await api.call("listRouters") }
            #expect(e?.status == 401)
            #expect(e?.text == "The given command 'listRouters' either does not exist, is not available for user.")
            let stop = await apiError { _ = try await api.call("stopRouter", [("id", "x")]) }
            #expect(stop?.status == 401)
            await api.close()
        }
    }

    @Test("stopRouter: Stopping while the job runs, then Stopped off its host; startRouter goes Starting → Running")
    func stopStart() async throws {
        try await withSimulator(jobDelay: 5...5) { server in  // transitional states must still be there when checked under load
            let api = try admin(server)
            let router = try #require(try await api.call("listRouters", [("listall", "true"), ("state", "Running")]).items().first)
            let id = try #require(router["id"]?.text)
            let submit = try await api.call("stopRouter", [("id", id)])
            #expect(submit.responseName == "stoprouterresponse")
            let jobID = try #require(submit.jobID)
            let during = try #require(try await api.call("listRouters", [("id", id)]).items().first)
            #expect(during["state"]?.text == "Stopping")
            #expect(during["jobid"]?.text == jobID)
            let stopped = try await api.waitForJob(jobID, command: "stopRouter")
            #expect(stopped.cmd == "org.apache.cloudstack.api.command.admin.router.StopRouterCmd")
            #expect(stopped.instanceType == "DomainRouter")
            #expect(stopped.result?["router"]?["state"]?.text == "Stopped")
            let after = try #require(try await api.call("listRouters", [("id", id)]).items().first)
            #expect(after["state"]?.text == "Stopped")
            #expect(after["hostid"] == nil)
            let start = try await api.call("startRouter", [("id", id)])
            #expect(try await api.call("listRouters", [("id", id)]).items().first?["state"]?.text == "Starting")
            let started = try await api.waitForJob(try #require(start.jobID), command: "startRouter")
            #expect(started.result?["router"]?["state"]?.text == "Running")
            #expect(started.result?["router"]?["hostid"]?.text == router["hostid"]?.text)
            let events = try await api.call("listEvents", [("type", "ROUTER.STOP")]).items()
            #expect(events.contains { $0["description"]?.text == "stopping router Vm. Router Id: \(id)" })
            await api.close()
        }
    }

    @Test("rebootRouter of a Stopped router fails with the server's text; destroyRouter removes it")
    func rebootAndDestroy() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let stopped = try #require(try await api.call("listRouters", [("listall", "true"), ("state", "Stopped")]).items().first)
            let id = try #require(stopped["id"]?.text)
            do {
                _ = try await api.execute("rebootRouter", [("id", id)])
                Issue.record("the reboot should fail")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text.hasSuffix("is unreachable: Unable to reboot domR, it is not in right state Stopped"))
            }
            #expect(try await api.call("listRouters", [("id", id)]).items().first?["state"]?.text == "Stopped")
            guard case .job(let dr, let destroyed) = try await api.execute("destroyRouter", [("id", id)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "destroyrouterresponse")
            #expect(destroyed.result?["router"]?["state"]?.text == "Destroyed")
            let gone = await apiError { _ = try await api.call("listRouters", [("id", id)]) }
            #expect(gone?.status == 431)
            let unknown = await apiError { _ = try await api.call("startRouter", [("id", "00000000-0000-4000-8000-000000000000")]) }
            #expect(unknown?.status == 431)
            await api.close()
        }
    }
}
