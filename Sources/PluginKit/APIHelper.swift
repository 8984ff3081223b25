import CloudStack

/// The management API as plugins use it: the console's signed-in client and what listApis allows.
public protocol APIHelper: Sendable {
    /// One command; errors are `CloudStackError` with the server's text.
    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse
    /// One page of a list command.
    func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult
    /// Whether listApis offers `command` to this user (case-insensitive); true when listApis could not be read.
    func isAllowed(_ command: String) -> Bool
}
