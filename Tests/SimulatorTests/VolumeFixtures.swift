import CloudStack
import Foundation
import Testing

/// Finding the seeded things the volume tests act on, through the API as a client would.
enum VolumeFixtures {
    /// A VM in `state` on `hypervisor` with no VM snapshots (they block attach, detach, resize and migrate).
    static func vm(_ api: CloudStackClient, state: String, hypervisor: String = "KVM", account: String? = nil) async throws -> JSONObject {
        var params = [("listall", "true"), ("state", state)]
        if let account { params.append(("account", account)) }
        let vms = try await api.listAll("listVirtualMachines", params).items.compactMap(\.objectValue)
        let snapshotted = Set(try await api.listAll("listVMSnapshot", [("listall", "true")]).items.compactMap { $0["virtualmachineid"]?.text })
        return try #require(vms.first { $0["hypervisor"]?.text == hypervisor && !snapshotted.contains($0["id"]?.text ?? "") })
    }

    static func pool(_ api: CloudStackClient, _ id: String) async throws -> JSONObject {
        try #require(try await api.call("listStoragePools", [("id", id)]).items().first)
    }

    static func used(_ api: CloudStackClient, _ poolID: String) async throws -> Int64 {
        try #require(try await pool(api, poolID)["disksizeused"]?.intValue)
    }

    static func volume(_ api: CloudStackClient, _ id: String) async throws -> JSONObject? {
        try await api.call("listVolumes", [("id", id)]).items().first
    }

    /// Whether `id` names nothing any more: the simulator keeps no removed rows, so a list by that id is a 431.
    static func isGone(_ api: CloudStackClient, _ command: String, _ id: String) async -> Bool {
        do {
            return try await api.call(command, [("id", id)]).content.isEmpty
        } catch let CloudStackError.api(_, status, _, _, _) {
            return status == 431
        } catch {
            return false
        }
    }

    static func offering(_ api: CloudStackClient, _ name: String) async throws -> String {
        try #require(try await api.call("listDiskOfferings", [("name", name)]).items().first?["id"]?.text)
    }

    /// Runs an async command whose job must fail; returns the job's result code and text.
    static func jobFailure(_ api: CloudStackClient, _ command: String, _ params: [(String, String)],
                           sourceLocation: SourceLocation = #_sourceLocation) async -> (code: Int?, text: String)? {
        do {
            _ = try await api.execute(command, params)
            Issue.record("\(command) should have failed", sourceLocation: sourceLocation)
        } catch let CloudStackError.jobFailed(_, _, code, text) {
            return (code, text)
        } catch {
            Issue.record("expected a failed job, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The job result's volume object of a successful async volume command.
    static func jobVolume(_ api: CloudStackClient, _ command: String, _ params: [(String, String)]) async throws -> JSONObject {
        guard case .job(_, let job) = try await api.execute(command, params) else { throw CloudStackError.configuration("\(command) queued no job") }
        return try #require(job.result?["volume"]?.objectValue)
    }
}
