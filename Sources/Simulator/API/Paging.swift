/// `page`/`pagesize` as BaseListCmd checks them: both or neither, pagesize at most `default.page.size` (500), -1 for all.
struct Paging: Sendable {
    static let maxPageSize = 500
    var page: Int?
    var pageSize: Int?

    init(_ ctx: RequestContext) throws(APIError) {
        let label = ctx.commandLabel
        func number(_ name: String) throws(APIError) -> Int? {
            guard let text = ctx.params.value(name) else { return nil }
            guard let n = Int32(text).map(Int.init) else { throw APIError.badNumber(label, name, text) }
            return n
        }
        page = try number("page")
        pageSize = try number("pagesize")
        if page != nil, pageSize == nil { throw APIError.param("\"pagesize\" parameter is required when \"page\" is specified") }
        if let s = pageSize {
            if s == -1 {
                if page != nil { throw APIError.invalid("Can't specify page parameter when pagesize is -1 (Unlimited)") }
            } else {
                if page == nil { throw APIError.param("\"page\" parameter is required when \"pagesize\" is specified") }
                if s > Self.maxPageSize { throw APIError.invalid("Page size can't exceed max allowed page size value: \(Self.maxPageSize)") }
            }
        }
    }

    /// The range of `total` items on this page; without paging, the first `default.page.size` items.
    func range(total: Int) -> Range<Int> {
        if pageSize == -1 { return 0..<total }
        // As BaseListCmd.getStartIndex: a page below 1 starts at the beginning.
        let size = max(0, pageSize ?? Self.maxPageSize)
        let start = min(total, max(0, (page ?? 1) - 1) * size)
        return start..<min(total, start + size)
    }
}
