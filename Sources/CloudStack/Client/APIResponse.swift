/// A decoded answer: the response key the server chose and the object under it.
public struct APIResponse: Sendable, Equatable {
    public var command: String
    /// The top-level key, e.g. `listvirtualmachinesresponse` or `addImageStoreS3Response`.
    public var responseName: String
    public var content: JSONObject

    public init(command: String, responseName: String, content: JSONObject) {
        self.command = command
        self.responseName = responseName
        self.content = content
    }

    /// The async job id when the command was queued.
    public var jobID: String? { content["jobid"]?.text }

    /// For list commands: the rows, the array key and `count` (absent for an empty list).
    public var list: (itemKey: String?, items: [JSONValue], count: Int?) { ResponseEnvelope.list(in: content) }
}

/// Every row of a list command, from one or many pages.
public struct ListResult: Sendable {
    public var command: String
    public var responseName: String
    public var itemKey: String?
    public var items: [JSONValue]
    /// The server's total count of matches (`count`), which may exceed `items` when only one page was fetched.
    public var count: Int

    /// The response object as the server would have written it for all rows: `{"count":N,"<itemKey>":[…]}`.
    public var content: JSONObject {
        var o = JSONObject()
        if count != 0 { o["count"] = .int(Int64(count)) }
        if let key = itemKey, !items.isEmpty { o[key] = .array(items) }
        return o
    }
}

/// One page of a list command as `CloudStackClient.listPages` hands it over.
public struct ListPage: Sendable {
    /// 1 for the first page.
    public var number: Int
    public var responseName: String
    /// The key of the items' array (`virtualmachine`), nil while the server has sent no item.
    public var itemKey: String?
    public var items: [JSONValue]
    /// The server's total count of matches, from the first page.
    public var count: Int
}

/// What a command produced: a plain response, or the finished async job it queued.
public enum CallOutcome: Sendable {
    case response(APIResponse)
    case job(APIResponse, AsyncJob)
}
