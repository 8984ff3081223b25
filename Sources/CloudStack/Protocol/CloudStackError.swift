/// Everything that can go wrong talking to a management server, each case carrying what a user needs to act.
public enum CloudStackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with its error envelope: HTTP status, `errorcode`, `cserrorcode`, `errortext`.
    case api(command: String, httpStatus: Int, errorCode: Int, csErrorCode: Int?, errorText: String)
    /// The body was not the JSON the API returns (an HTML proxy page, a truncated body, an empty body).
    case notJSON(command: String, httpStatus: Int, contentType: String?, reason: String, bodyStart: String)
    /// JSON, but not in the shape of an API response.
    case unexpectedResponse(command: String, reason: String)
    /// The connection failed, timed out or was dropped before a whole response arrived.
    case transport(command: String, endpoint: String, reason: String)
    /// An async job ended with jobstatus 2.
    case jobFailed(jobID: String, command: String, resultCode: Int?, errorText: String)
    /// An async job ended with jobstatus 3.
    case jobCancelled(jobID: String, command: String)
    /// The job was still pending when the overall timeout ran out; it may still finish on the server.
    case jobTimedOut(jobID: String, command: String, seconds: Double)
    /// A local configuration problem: missing credentials, an unreadable config file, a bad flag.
    case configuration(String)

    public var description: String {
        switch self {
        case let .api(command, status, code, cs, text):
            let cse = cs.map { ", cserrorcode \($0)" } ?? ""
            let shown = text.isEmpty ? "(the server gave no error text)" : text
            return "\(command) failed: \(shown) (HTTP \(status), errorcode \(code)\(cse))"
        case let .notJSON(command, status, type, reason, start):
            let t = type.map { ", Content-Type \($0)" } ?? ""
            let body = start.isEmpty ? "an empty body" : "body starts: \(start)"
            return "\(command): the server's answer is not CloudStack API JSON (HTTP \(status)\(t); \(reason)); \(body)"
        case let .unexpectedResponse(command, reason):
            return "\(command): unexpected response: \(reason)"
        case let .transport(command, endpoint, reason):
            return "\(command): cannot reach \(endpoint): \(reason)"
        case let .jobFailed(id, command, code, text):
            let c = code.map { " (jobresultcode \($0))" } ?? ""
            return "\(command) job \(id) failed: \(text.isEmpty ? "no error text" : text)\(c)"
        case let .jobCancelled(id, command):
            return "\(command) job \(id) was cancelled"
        case let .jobTimedOut(id, command, seconds):
            let shown = JSONValue.int64(seconds.rounded()).map { String($0) } ?? String(seconds)
            return "\(command) job \(id) still pending after \(shown) s; it may still finish on the server (queryAsyncJobResult jobid=\(id))"
        case let .configuration(text):
            return text
        }
    }

    /// The HTTP status the server answered with, when there was an answer.
    public var httpStatus: Int? {
        switch self {
        case .api(_, let s, _, _, _), .notJSON(_, let s, _, _, _): return s
        default: return nil
        }
    }
}

/// HTTP status codes of `ApiErrorCode`, with the server's names.
public enum APIErrorCode: Int, Sendable {
    case badRequest = 400
    case unauthorized = 401
    case methodNotAllowed = 405
    case unauthorized2FA = 411
    case apiLimitExceeded = 429
    case malformedParameter = 430
    case paramError = 431
    case unsupportedAction = 432
    case internalError = 530
    case accountError = 531
    case accountResourceLimit = 532
    case insufficientCapacity = 533
    case resourceUnavailable = 534
    case resourceAllocation = 535
    case resourceInUse = 536
    case networkRuleConflict = 537
    case serviceUnavailable = 503
}

/// `CSExceptionErrorCode` values carried as `cserrorcode`.
public enum CSExceptionCode: Int, Sendable {
    case cloudRuntime = 4250
    case execution = 4260
    case cloud = 4275
    case accountLimit = 4280
    case agentUnavailable = 4285
    case cloudAuthentication = 4290
    case concurrentOperation = 4300
    case insufficientCapacity = 4325
    case invalidParameterValue = 4350
    case permissionDenied = 4365
    case resourceAllocation = 4370
    case resourceInUse = 4375
    case resourceUnavailable = 4380
    case requestLimit = 4545
    case unavailableCommand = 4555
    case serverAPI = 9999
}
