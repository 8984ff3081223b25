import Foundation
import Synchronization
import Simulator
import Testing
import TestSupport
@testable import CloudStack

/// The client against the project's simulator over loopback HTTP: each tests the other.
@Suite("Client against the simulator")
struct ClientSimulatorTests {
    /// A simulator for one test, stopped (with every client made by `client`) when the body ends, pass or fail.
    static func with<T>(vms: Int = 200, jobDelay: ClosedRange<Double> = 0.05...0.15, _ body: (SimulatorServer) async throws -> T) async throws -> T {
        try await withSimulator(vms: vms, seed: 7, jobDelay: jobDelay, body)
    }

    static func client(_ server: SimulatorServer, session: Bool = false, user: Bool = false, tune: (inout ClientConfiguration) -> Void = { _ in }) throws -> CloudStackClient {
        let account = user ? server.credentials.user : server.credentials.admin
        let credentials: Credentials = session
            ? .session(username: account.username, password: account.password, domain: account.domain)
            : .apiKey(key: account.apiKey, secret: account.secretKey)
        return try TestSupport.client(server, credentials, configure: tune)
    }

    @Test("signed requests are accepted; a wrong secret gets 401")
    func signing() async throws {
        try await Self.with { server in
            let client = try Self.client(server)
            let zones = try await client.call("listZones")
            #expect(zones.responseName == "listzonesresponse")
            #expect(zones.list.itemKey == "zone")
            var config = ClientConfiguration(endpoint: server.endpoint, credentials: .apiKey(key: server.credentials.admin.apiKey, secret: "wrong"))
            config.signatureVersion3 = false
            let bad = try CloudStackClient(configuration: config)
            await #expect(throws: CloudStackError.self) { try await bad.call("listZones") }
            do { _ = try await bad.call("listZones") } catch let e as CloudStackError { #expect(e.httpStatus == 401) }
            await bad.close()
            await client.close()
        }
    }

    @Test("session login, calls with the session key, logout")
    func session() async throws {
        try await Self.with { server in
            let client = try Self.client(server, session: true)
            let vms = try await client.call("listVirtualMachines", [("listall", "true")])
            #expect(vms.responseName == "listvirtualmachinesresponse")
            let session = try #require(await client.session)
            #expect(session["username"]?.text == server.credentials.admin.username)
            await client.close()
        }
    }

    @Test("an expired session: reads are repeated after a new login, changes are not")
    func sessionExpiry() async throws {
        try await Self.with { server in
            let client = try Self.client(server, session: true)
            _ = try await client.call("listZones")
            var f = FaultOptions()
            f.sessionExpiry = 8.0  // long enough that a fresh login survives until its retried call, even with the full suite running (3 s was not)
            server.setFaults(f)
            try await Task.sleep(nanoseconds: 8_300_000_000)
            let zones = try await client.call("listZones")
            #expect(!zones.list.items.isEmpty)
            try await Task.sleep(nanoseconds: 8_300_000_000)
            let vm = try #require(try await client.call("listVirtualMachines", [("state", "Running"), ("listall", "true")]).list.items.first?["id"]?.text)
            try await Task.sleep(nanoseconds: 8_300_000_000)
            do {
                _ = try await client.call("stopVirtualMachine", [("id", vm)])
                Issue.record("a change must not be repeated silently")
            } catch let e as CloudStackError {
                #expect(e.description.contains("did not repeat"))
            }
            await client.close()
        }
    }

    @Test("every page, fetched in parallel, in the server's order")
    func paging() async throws {
        try await Self.with(vms: 1234) { server in
            let client = try Self.client(server) { $0.pageSize = 100 }
            let all = try await client.listAll("listVirtualMachines", [("listall", "true")])
            #expect(all.count == 1234)
            #expect(all.items.count == 1234)
            let ids = all.items.compactMap { $0["id"]?.text }
            #expect(Set(ids).count == 1234)
            let page3 = try await client.listPage("listVirtualMachines", [("listall", "true")], page: 3, pageSize: 100)
            #expect(Array(ids[200..<300]) == page3.items.compactMap { $0["id"]?.text })
            await client.close()
        }
    }

    @Test("listPages hands pages over in order while they arrive out of order, never more than `parallel` ahead")
    func streamedPages() async throws {
        try await Self.with(vms: 1234) { server in
            // Each answer takes 0-60 ms at random, so later pages often finish first.
            server.setFaults(FaultOptions(latency: 0, latencyMax: 0.06))
            let client = try Self.client(server) { $0.pageSize = 50 }
            let reference = try await client.listAll("listVirtualMachines", [("listall", "true")]).items.compactMap { $0["id"]?.text }
            let seen = Mutex<(numbers: [Int], ids: [String])>(([], []))
            try await client.listPages("listVirtualMachines", [("listall", "true")], parallel: 3) { page in
                seen.withLock { s in
                    s.numbers.append(page.number)
                    s.ids += page.items.compactMap { $0["id"]?.text }
                }
                #expect(page.count == 1234)
                #expect(page.itemKey == "virtualmachine")
            }
            let (numbers, ids) = seen.withLock { ($0.numbers, $0.ids) }
            #expect(numbers == Array(1...25))
            #expect(ids == reference)
            await client.close()
        }
    }

    @Test("listVirtualMachines' details: the groups a list's fields need, min for the fields every answer has, nothing for unknown fields")
    func detailsForFields() {
        #expect(ListDetails.value(command: "listVirtualMachines", fields: ["name", "state", "zonename", "hostname", "nic", "serviceofferingname"]) == "servoff,nics")
        #expect(ListDetails.value(command: "listVirtualMachines", fields: ["id", "name", "state"]) == "min")
        #expect(ListDetails.value(command: "listVirtualMachines", fields: ["cpuused", "templatename", "isoid"]) == "tmpl,iso,stats")
        #expect(ListDetails.value(command: "listVirtualMachines", fields: ["name", "somethingnew"]) == nil, "a field it does not know: ask for everything")
        #expect(ListDetails.value(command: "listVolumes", fields: ["name"]) == nil)
        #expect(ListDetails.adding(to: [("details", "all")], command: "listVirtualMachines", fields: ["name"]).map(\.1) == ["all"], "the user's own details wins")
    }

    @Test("an async job is polled to its end; a wrong-state action fails with the server's text")
    func jobs() async throws {
        try await Self.with { server in
            let client = try Self.client(server)
            let running = try await client.call("listVirtualMachines", [("state", "Running"), ("listall", "true")]).list.items
            let id = try #require(running.first?["id"]?.text)
            let outcome = try await client.execute("stopVirtualMachine", [("id", id)])
            guard case .job(_, let job) = outcome else { Issue.record("expected a job"); return }
            #expect(job.status == .succeeded)
            #expect(job.result?["virtualmachine"]?["state"]?.text == "Stopped")
            #expect(job.instanceID == id)
            do {
                _ = try await client.execute("rebootVirtualMachine", [("id", id)])
                Issue.record("rebooting a stopped VM must fail")
            } catch let CloudStackError.jobFailed(_, command, code, text) {
                #expect(command == "rebootVirtualMachine")
                #expect(code == 530)
                #expect(!text.isEmpty)
            }
            await client.close()
        }
    }

    @Test("polling survives dropped connections: the job is still followed to its end")
    func pollingResilience() async throws {
        try await Self.with(jobDelay: 0.6...0.6) { server in
            let client = try Self.client(server)
            let running = try await client.call("listVirtualMachines", [("state", "Running"), ("listall", "true")]).list.items
            let ids = running.prefix(2).compactMap { $0["id"]?.text }
            try #require(ids.count == 2)
            let queued = try await client.call("stopVirtualMachine", [("id", ids[0])])
            let jobID = try #require(queued.jobID)
            var f = FaultOptions()
            f.dropRate = 0.4
            server.setFaults(f)
            let job = try await client.waitForJob(jobID, command: "stopVirtualMachine")
            #expect(job.status == .succeeded)
            server.setFaults(FaultOptions())
            await client.close()
        }
    }

    @Test("the overall timeout ends the wait while the job is still pending")
    func jobTimeout() async throws {
        try await Self.with(jobDelay: 30...30) { server in
            let impatient = try Self.client(server) { $0.jobTimeout = 0.3 }
            let running = try await impatient.call("listVirtualMachines", [("state", "Running"), ("listall", "true")]).list.items
            let id = try #require(running.first?["id"]?.text)
            let queued = try await impatient.call("stopVirtualMachine", [("id", id)])
            let jobID = try #require(queued.jobID)
            await #expect(throws: CloudStackError.jobTimedOut(jobID: jobID, command: "stopVirtualMachine", seconds: 0.3)) {
                try await impatient.waitForJob(jobID, command: "stopVirtualMachine")
            }
            // The job goes on: the server still reports it pending.
            #expect(try await impatient.queryJob(jobID).status == .pending)
            await impatient.close()
        }
    }

    @Test("bad answers become clear errors: HTML proxy page, malformed JSON, dropped connection")
    func badAnswers() async throws {
        try await Self.with { server in
            let client = try Self.client(server)
            var f = FaultOptions()
            f.htmlProxyRate = 1
            server.setFaults(f)
            do { _ = try await client.call("listZones"); Issue.record("expected an error") } catch let e as CloudStackError {
                guard case .notJSON(_, let status, _, _, let start) = e else { Issue.record("\(e)"); return }
                #expect(status == 502)
                #expect(start.lowercased().contains("<html"))
            }
            f = FaultOptions(); f.malformedRate = 1; server.setFaults(f)
            do { _ = try await client.call("listZones"); Issue.record("expected an error") } catch let e as CloudStackError {
                #expect(e.description.contains("malformed JSON"))
            }
            f = FaultOptions(); f.dropRate = 1; server.setFaults(f)
            do { _ = try await client.call("listZones"); Issue.record("expected an error") } catch let e as CloudStackError {
                guard case .transport = e else { Issue.record("\(e)"); return }
            }
            server.setFaults(FaultOptions())
            _ = try await client.call("listZones")
            await client.close()
        }
    }

    @Test("nothing listening: a transport error naming host and port")
    func refused() async throws {
        let client = try CloudStackClient(configuration: ClientConfiguration(endpoint: "http://127.0.0.1:9/client/api", credentials: .apiKey(key: "k", secret: "s")))
        do { _ = try await client.call("listZones"); Issue.record("expected an error") } catch let e as CloudStackError {
            #expect(e.description.contains("127.0.0.1:9"))
            #expect(e.description.contains("connection refused"))
        }
        await client.close()
    }
}
