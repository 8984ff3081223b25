#if DEBUG
import CloudStack
import PluginKit
import Synchronization
@testable import Console

/// Forwards to the console's API helper and remembers every call, to check what an action sent.
final class RecordingAPI: ConsoleSession, Sendable {
    let inner: ConsoleAPI
    private let log = Mutex<[(String, [(String, String)])]>([])
    private let pageLog = Mutex<[(String, [(String, String)])]>([])

    init(_ inner: ConsoleAPI) { self.inner = inner }

    var calls: [(String, [(String, String)])] { log.withLock { $0 } }
    /// The parameters of the last call of `command`, as "name=value" strings in order.
    func last(_ command: String) -> [String]? {
        calls.last { $0.0 == command }.map { $0.1.map { "\($0.0)=\($0.1)" } }
    }

    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse {
        log.withLock { $0.append((command, parameters)) }
        return try await inner.call(command, parameters)
    }

    /// Every list page asked for (lists, pickers), apart from `calls`.
    var pages: [(String, [(String, String)])] { pageLog.withLock { $0 } }

    func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult {
        pageLog.withLock { $0.append((command, parameters)) }
        return try await inner.listPage(command, parameters, page: page, pageSize: pageSize)
    }

    func isAllowed(_ command: String) -> Bool { inner.isAllowed(command) }

    func loadAPIs() async throws -> [APIInfo] { try await inner.loadAPIs() }
    func whoAmI() async throws -> UserInfo { try await inner.whoAmI() }
    func waitForJob(_ jobID: String, command: String) async throws -> AsyncJob { try await inner.waitForJob(jobID, command: command) }
}
#endif
