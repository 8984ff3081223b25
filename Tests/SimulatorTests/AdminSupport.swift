import CloudStack
import Foundation
import Testing

/// Every row of a list command, over all pages.
func rows(_ api: CloudStackClient, _ command: String, _ params: [(String, String)] = []) async throws -> [JSONObject] {
    try await api.listAll(command, params).items.compactMap(\.objectValue)
}

/// Submits an async command and returns its job's failure (result code and text), recording an issue if it succeeds.
func jobFailure(_ api: CloudStackClient, _ command: String, _ params: [(String, String)],
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> (code: Int?, text: String)? {
    let submit = try await api.call(command, params)
    guard let job = submit.jobID else {
        Issue.record("\(command) answered no jobid", sourceLocation: sourceLocation)
        return nil
    }
    do {
        _ = try await api.waitForJob(job, command: command)
        Issue.record("the \(command) job should fail", sourceLocation: sourceLocation)
    } catch let CloudStackError.jobFailed(_, _, code, text) {
        return (code, text)
    }
    return nil
}

/// Runs an async command to its end and returns the job's result object.
func jobResult(_ api: CloudStackClient, _ command: String, _ params: [(String, String)]) async throws -> JSONObject {
    let submit = try await api.call(command, params)
    let job = try #require(submit.jobID)
    return try #require(try await api.waitForJob(job, command: command).result?.objectValue)
}

/// Asks `probe` every 100 ms until it answers true or `seconds` have passed; the last answer.
func eventually(within seconds: Double, _ probe: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await probe() { return true }
        try await Task.sleep(nanoseconds: 100_000_000)
    }
    return try await probe()
}
