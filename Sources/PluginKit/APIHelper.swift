import CloudStack

/// The management API as plugins use it: the console's signed-in client and what listApis allows.
public protocol APIHelper: Sendable {
    /// One command; errors are `CloudStackError` with the server's text.
    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse
    /// One page of a list command.
    func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult
    /// Every row of a list command, all pages (for short lists: zones, stores, providers).
    func listAll(_ command: String, _ parameters: [(String, String)]) async throws -> [JSONValue]
    /// Whether listApis offers `command` to this user (case-insensitive); true when listApis could not be read.
    func isAllowed(_ command: String) -> Bool
}

extension APIHelper {
    /// Page after page until `count` rows are in; helpers with a client of their own do better (pages in parallel).
    public func listAll(_ command: String, _ parameters: [(String, String)]) async throws -> [JSONValue] {
        var items: [JSONValue] = []
        var page = 1
        let size = 500
        while true {
            let r = try await listPage(command, parameters, page: page, pageSize: size)
            items += r.items
            if r.items.count < size || items.count >= r.count { return items }
            page += 1
        }
    }
}
