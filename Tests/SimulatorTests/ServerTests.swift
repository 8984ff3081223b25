import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Server: determinism, state file, faults")
struct ServerTests {
    @Test("the same seed gives the same credentials and inventory; another seed does not")
    func determinism() async throws {
        func snapshot(_ seed: UInt64) async throws -> (SimulatorCredentials, [String]) {
            try await withSimulator(vms: 400, seed: seed) { server in
                let api = try admin(server)
                let r = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "50")])
                await api.close()
                return (server.credentials, r.items().map { "\($0["id"]?.text ?? "")|\($0["name"]?.text ?? "")|\($0["state"]?.text ?? "")" })
            }
        }
        let a = try await snapshot(42), b = try await snapshot(42), c = try await snapshot(43)
        #expect(a.0 == b.0)
        #expect(a.1 == b.1)
        #expect(a.0 != c.0)
        #expect(a.1 != c.1)
        #expect(a.0.admin.roleType == "Admin" && a.0.admin.accountType == 1)
        #expect(a.0.user.roleType == "User" && a.0.user.accountType == 0)
    }

    @Test("the inventory is saved to the state file on shutdown and loaded from it at start")
    func stateFile() async throws {
        let path = NSTemporaryDirectory() + "cstui-sim-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let id: String = try await withSimulator(statePath: path) { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Running")]).items().first?["id"]?.text)
            _ = try await api.execute("stopVirtualMachine", [("id", vm)])
            await api.close()
            return vm
        }
        #expect(FileManager.default.fileExists(atPath: path))
        try await withSimulator(seed: 999, statePath: path) { server in
            let api = try admin(server)
            let r = try await api.call("listVirtualMachines", [("id", id)])
            #expect(r.items().first?["state"]?.text == "Stopped")
            await api.close()
        }
    }

    @Test("fault injection: 530s, HTML proxy pages, malformed JSON, dropped connections, throttling, all switchable at runtime")
    func faults() async throws {
        try await withSimulator { server in
            let api = try admin(server) { $0.requestTimeout = 3 }
            server.setFaults(FaultOptions(errorRate: 1))
            let e = await apiError { _ = try await api.call("listZones") }
            #expect(e?.status == 530)

            server.setFaults(FaultOptions(htmlProxyRate: 1))
            do { _ = try await api.call("listZones"); Issue.record("expected notJSON") } catch let CloudStackError.notJSON(_, status, _, _, _) {
                #expect(status == 502)
            }

            server.setFaults(FaultOptions(malformedRate: 1))
            do { _ = try await api.call("listZones"); Issue.record("expected notJSON") } catch let CloudStackError.notJSON(_, status, _, reason, _) {
                #expect(status == 200)
                #expect(reason.contains("malformed"))
            }

            server.setFaults(FaultOptions(dropRate: 1))
            do { _ = try await api.call("listZones"); Issue.record("expected transport") } catch CloudStackError.transport {}

            server.setFaults(FaultOptions(throttle: 3))
            // Thirty calls at once: at 3 a second some are refused however loaded the machine is.
            let throttled = await withTaskGroup(of: Int.self) { group in
                for _ in 0..<30 {
                    group.addTask {
                        do { _ = try await api.call("listZones") } catch let CloudStackError.api(_, status, _, _, _) where status == 429 { return 1 } catch {}
                        return 0
                    }
                }
                return await group.reduce(0, +)
            }
            #expect(throttled > 0)

            server.setFaults(FaultOptions(latency: 0.3))
            let start = Date()
            _ = try await api.call("listZones")
            #expect(Date().timeIntervalSince(start) >= 0.3)

            server.setFaults(FaultOptions())
            _ = try await api.call("listZones")
            await api.close()
        }
    }

    @Test("keep-alive: many requests on one client, concurrently")
    func concurrency() async throws {
        try await withSimulator(vms: 2000) { server in
            let api = try admin(server) { $0.pageConcurrency = 8; $0.pageSize = 100 }
            let all = try await api.listAll("listVirtualMachines", [("listall", "true")])
            #expect(all.items.count == 2000)
            await api.close()
        }
    }
}
