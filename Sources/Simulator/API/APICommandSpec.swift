import CloudStack

/// One request parameter of a command, as `listApis` describes it.
struct APIParam: Sendable {
    var name: String
    var type: String
    var required: Bool
    var description: String
    /// The longest value the server takes (the @Parameter length: 255 unless the command says otherwise).
    var length: Int
    /// The list command of what the parameter names (zoneid: listZones), when it names something; `id` is resolved
    /// per command by listApis (APIRelations).
    var related: String?

    init(name: String, type: String, required: Bool, description: String, length: Int? = nil, related: String? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.length = length ?? APIParamDefaults.length(name)
        self.related = related ?? APIParamDefaults.related(name)
    }
}

/// What a handler sees: the command, its parameters and the caller.
struct RequestContext: Sendable {
    var spec: APICommandSpec
    var params: Params
    var caller: Caller

    /// The lowercased command name the server uses in error texts (its response name without "response").
    var commandLabel: String { spec.errorLabel }

    func required(_ name: String) throws(APIError) -> String {
        guard let v = params.value(name) else { throw APIError.missing(commandLabel, name) }
        return v
    }
}

typealias Handler = @Sendable (inout SimState, RequestContext) throws -> JSONObject

/// One API command: its name, response key, sync/async nature, who may call it, its parameters, its handler.
struct APICommandSpec: Sendable {
    var name: String
    var description: String
    var responseName: String
    var isAsync: Bool
    var adminOnly: Bool
    var params: [APIParam]
    /// Response field names, for `listApis`.
    var responseFields: [String]
    /// The Java command class (`queryAsyncJobResult.cmd`).
    var javaClass: String
    var since: String
    /// List commands take keyword/page/pagesize and are paged.
    var isList: Bool
    var handler: Handler

    var errorLabel: String {
        let r = responseName.lowercased()
        return r.hasSuffix("response") ? String(r.dropLast(8)) : r
    }
}

func param(_ name: String, _ description: String) -> APIParam {
    APIParam(name: name, type: "string", required: false, description: description)
}

func param(_ name: String, _ type: String, _ description: String) -> APIParam {
    APIParam(name: name, type: type, required: false, description: description)
}

func param(_ name: String, _ type: String = "string", required: Bool, _ description: String) -> APIParam {
    APIParam(name: name, type: type, required: required, description: description)
}
