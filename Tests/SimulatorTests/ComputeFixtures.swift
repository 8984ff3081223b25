import CloudStack
import Foundation
import Testing

/// Finding the seeded things the compute tests act on, through the API as a client would, and running their jobs.
enum ComputeFixtures {
    static func zones(_ api: CloudStackClient) async throws -> [JSONObject] {
        try await api.call("listZones").items()
    }

    /// A template's id by name, in a zone (any zone when nil), from listTemplates templatefilter=all (admins only).
    static func template(_ api: CloudStackClient, _ name: String, filter: String = "all") async throws -> String {
        try #require(try await api.call("listTemplates", [("templatefilter", filter), ("name", name)]).items().first?["id"]?.text)
    }

    static func iso(_ api: CloudStackClient, _ name: String) async throws -> String {
        try #require(try await api.call("listIsos", [("isofilter", "all"), ("name", name)]).items().first?["id"]?.text)
    }

    /// A compute offering's id by name, read from the VMs that use it (every seeded offering has some).
    static func offering(_ api: CloudStackClient, _ name: String) async throws -> String {
        let vms = try await api.listAll("listVirtualMachines", [("listall", "true")]).items.compactMap(\.objectValue)
        return try #require(vms.first { $0["serviceofferingname"]?.text == name }?["serviceofferingid"]?.text, "no VM on \(name)")
    }

    /// The caller's own isolated network of the zone (the one a deployment without networkids uses).
    static func network(_ api: CloudStackClient, zoneID: String, account: String) async throws -> String {
        let rows = try await api.call("listNetworks", [("zoneid", zoneID), ("listall", "true"), ("account", account)]).items()
        return try #require(rows.first { $0["type"]?.text == "Isolated" && $0["vpcid"] == nil }?["id"]?.text)
    }

    static func vm(_ api: CloudStackClient, _ id: String) async throws -> JSONObject {
        try #require(try await api.call("listVirtualMachines", [("id", id)]).items().first)
    }

    /// Runs an async command to its end and answers its job result (the test fails when the job does).
    static func run(_ api: CloudStackClient, _ command: String, _ params: [(String, String)]) async throws -> JSONValue {
        guard case .job(_, let job) = try await api.execute(command, params) else {
            Issue.record("\(command) queued no job")
            return .null
        }
        #expect(job.status == .succeeded)
        return try #require(job.result)
    }

    /// The job error of an async command that is expected to fail: its result code and text.
    static func jobFailure(_ api: CloudStackClient, _ command: String, _ params: [(String, String)],
                           sourceLocation: SourceLocation = #_sourceLocation) async throws -> (code: Int?, text: String) {
        let submitted = try await api.call(command, params)
        let jobID = try #require(submitted.jobID, sourceLocation: sourceLocation)
        do {
            _ = try await api.waitForJob(jobID, command: command)
            Issue.record("the \(command) job should fail", sourceLocation: sourceLocation)
            return (nil, "")
        } catch let CloudStackError.jobFailed(_, _, code, text) {
            return (code, text)
        }
    }

    /// Deploys a VM for the demo user (or an admin) in the first zone from a featured KVM template and waits for it.
    static func deploy(_ api: CloudStackClient, admin: CloudStackClient, name: String, extra: [(String, String)] = [],
                       template: String = "Ubuntu 22.04 LTS", offering: String = "Small Instance", account: String = "demo") async throws -> JSONObject {
        let zone = try #require(try await zones(admin).first?["id"]?.text)
        let params: [(String, String)] = [("zoneid", zone), ("templateid", try await self.template(admin, template)),
                                          ("serviceofferingid", try await self.offering(admin, offering)),
                                          ("networkids", try await network(admin, zoneID: zone, account: account)), ("name", name)] + extra
        let result = try await run(api, "deployVirtualMachine", params)
        return try #require(result["virtualmachine"]?.objectValue)
    }
}
