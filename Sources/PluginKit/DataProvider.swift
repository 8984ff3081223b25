import CloudStack

/// A request for rows: one page, optionally narrowed by a server-side keyword.
public struct DataRequest: Sendable, Equatable {
    public var page: Int
    public var pageSize: Int
    public var keyword: String?
    /// Parameters the list is narrowed to (a host's VMs: `hostid`; a filter form's values), sent with every page.
    public var parameters: [String: String]
    /// The fields the list keeps of each row, when it keeps only some: a list API that takes `details` is asked for
    /// just the groups that hold them (ListDetails). nil asks for everything.
    public var fields: Set<String>?

    public init(page: Int, pageSize: Int, keyword: String? = nil, parameters: [String: String] = [:], fields: Set<String>? = nil) {
        self.page = page
        self.pageSize = pageSize
        self.keyword = keyword
        self.parameters = parameters
        self.fields = fields
    }
}

/// One page of rows and, when the source knows it, how many there are in all.
public struct DataPage: Sendable, Equatable {
    public var rows: [Row]
    public var total: Int?

    public init(rows: [Row], total: Int?) {
        self.rows = rows
        self.total = total
    }
}

/// Where a list view's rows come from (the web UI's `dataProvider`): async, rows or an error.
public struct DataProvider: Sendable {
    public var fetch: @Sendable (DataRequest, PluginContext) async throws -> DataPage
    /// Every field of one row by id, for the detail view. When present, list rows keep only the fields the
    /// list shows (100,000 full VMs would take half a gigabyte) and details are fetched when opened.
    public var fetchOne: (@Sendable (String, PluginContext) async throws -> Row?)?
    /// Whether it sends `DataRequest.parameters` to the server, so the list can be narrowed (a drill-down, a filter
    /// form). A provider that does not would show every row under a title that says otherwise.
    public var narrows: Bool
    /// Like `fetchOne`, with the list's narrowing sent too (a NIC is fetched with its VM's id: listNics requires it).
    public var fetchOneNarrowed: (@Sendable (String, [String: String], PluginContext) async throws -> Row?)?

    public init(_ fetch: @escaping @Sendable (DataRequest, PluginContext) async throws -> DataPage,
                fetchOne: (@Sendable (String, PluginContext) async throws -> Row?)? = nil, narrows: Bool = false) {
        self.fetch = fetch
        self.fetchOne = fetchOne
        self.narrows = narrows
    }

    /// Rows of a list* API command, page by page, e.g. `.api("listVirtualMachines", ["listall": "true"])`.
    /// One row is fetched by `idParameter` (the list API's own name for it: `vmsnapshotid` for listVMSnapshot),
    /// and only a row whose id is the one asked for is returned: a server that ignores the parameter answers with
    /// other rows, and showing one of those under the selected row's title would mislead.
    public static func api(_ command: String, _ parameters: [(String, String)] = [], idParameter: String? = nil) -> DataProvider {
        let idName = idParameter ?? ListAPI.idParameter(for: command)
        @Sendable func one(_ id: String, _ narrowing: [String: String], _ context: PluginContext) async throws -> Row? {
            var params = parameters.filter { narrowing[$0.0] == nil && $0.0 != idName }
            params += narrowing.filter { $0.key != idName }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            let result = try await context.api.listPage(command, params + [(idName, id)], page: 1, pageSize: 1)
            let items = result.items.compactMap(\.objectValue)
            if let match = items.first(where: { $0["id"]?.text == id }) { return Row(match, position: 0) }
            if let other = items.first {
                throw CloudStackError.unexpectedResponse(
                    command: command, reason: "asked for \(idName)=\(id), it answered with \(other["id"]?.text ?? "a row without an id"); not shown")
            }
            return nil
        }
        var provider = DataProvider { request, context in
            // The request's narrowing replaces a fixed parameter of the same name.
            var params = parameters.filter { request.parameters[$0.0] == nil }
            params += request.parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if let k = request.keyword, !k.isEmpty { params.append(("keyword", k)) }
            if let fields = request.fields { params = ListDetails.adding(to: params, command: command, fields: fields) }
            let result = try await context.api.listPage(command, params, page: request.page, pageSize: request.pageSize)
            let rows = result.items.enumerated().compactMap { i, item in
                item.objectValue.map { Row($0, position: (request.page - 1) * request.pageSize + i) }
            }
            return DataPage(rows: rows, total: result.count)
        } fetchOne: { id, context in
            try await one(id, [:], context)
        }
        provider.fetchOneNarrowed = { id, narrowing, context in try await one(id, narrowing, context) }
        provider.narrows = true
        return provider
    }
}

/// Facts about list APIs that their names do not tell.
public enum ListAPI {
    /// The parameter a list API takes to return one entity by its id: `id` for most, others as the server names it.
    public static func idParameter(for command: String) -> String {
        switch command.lowercased() {
        case "listvmsnapshot": return "vmsnapshotid"
        case "listapis": return "name"
        default: return "id"
        }
    }
}
