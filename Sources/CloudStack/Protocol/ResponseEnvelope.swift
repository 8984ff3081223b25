/// Reading and writing the `{"<name>response": {...}}` envelope the server wraps every answer in.
///
/// The response name is never derived from the command (`enableStorageMaintenance` answers under
/// `prepareprimarystorageformaintenanceresponse`, `addImageStoreS3` under `addImageStoreS3Response`):
/// the one top-level key ending in "response", compared case-insensitively, is taken.
public enum ResponseEnvelope {
    /// The inner object of a decoded body, or a reason it is not an envelope.
    public static func unwrap(_ body: JSONValue) -> Result<(name: String, content: JSONObject), EnvelopeError> {
        guard case .object(let top) = body else { return .failure(.notAnObject) }
        let candidates = top.members.filter { $0.key.lowercased().hasSuffix("response") }
        guard candidates.count == 1 else {
            return .failure(candidates.isEmpty ? .noResponseKey(top.keys) : .severalResponseKeys(candidates.map(\.key)))
        }
        let (name, value) = candidates[0]
        switch value {
        case .object(let o): return .success((name, o))
        // Some success responses are written as `{"xresponse":{}}`; an array or scalar is not an envelope.
        default: return .failure(.contentNotObject(name))
        }
    }

    /// The error fields when `content` is an error body (it has a non-null `errorcode`). `errorCode` is nil when
    /// the server's value is not a whole number an Int holds (`1e19`, `"nan"`); `errorCodeText` is that value as sent.
    public static func error(in content: JSONObject) -> (errorCode: Int?, errorCodeText: String, csErrorCode: Int?, errorText: String)? {
        guard let raw = content["errorcode"], raw != .null else { return nil }
        let code = raw.intValue.flatMap { Int(exactly: $0) }
        let cs = content["cserrorcode"]?.intValue.flatMap { Int(exactly: $0) }
        let text: String
        switch content["errortext"] {
        case .some(let v) where v.isContainer: text = JSONSerializer.string(v)
        case .some(let v): text = v.text ?? ""
        case .none: text = ""
        }
        return (code, raw.text ?? JSONSerializer.string(raw), cs, text)
    }

    /// The rows and `count` of a list response: the single array-valued key (absent when empty). A `count` that
    /// cannot be right (not a whole number from 0 to Int32.max, as the server's Java Integer is) is nil, so no
    /// page arithmetic downstream can overflow on it.
    public static func list(in content: JSONObject) -> (itemKey: String?, items: [JSONValue], count: Int?) {
        let count = content["count"]?.intValue.flatMap { (0...Int64(Int32.max)).contains($0) ? Int($0) : nil }
        for (key, value) in content {
            if case .array(let items) = value { return (key, items, count) }
        }
        return (nil, [], count)
    }

    /// Builds the server's error body for `responseName`.
    public static func errorBody(responseName: String, errorCode: Int, csErrorCode: Int?, errorText: String) -> JSONValue {
        var o = JSONObject()
        o["uuidList"] = .array([])
        o["errorcode"] = .int(Int64(errorCode))
        if let cs = csErrorCode { o["cserrorcode"] = .int(Int64(cs)) }
        o["errortext"] = .string(errorText)
        return .object(JSONObject([(responseName, .object(o))]))
    }

    /// Builds a list body as the server writes it: `count` only when non-zero, the item key only when there are items.
    public static func listBody(responseName: String, itemKey: String, items: [JSONValue], count: Int) -> JSONValue {
        var o = JSONObject()
        if count != 0 { o["count"] = .int(Int64(count)) }
        if !items.isEmpty { o[itemKey] = .array(items) }
        return .object(JSONObject([(responseName, .object(o))]))
    }

    /// Wraps `content` under `responseName`.
    public static func body(responseName: String, _ content: JSONObject) -> JSONValue {
        .object(JSONObject([(responseName, .object(content))]))
    }
}

/// Why a JSON body is not an API envelope.
public enum EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnObject
    case noResponseKey([String])
    case severalResponseKeys([String])
    case contentNotObject(String)

    public var description: String {
        switch self {
        case .notAnObject: return "the body is JSON but not an object"
        case .noResponseKey(let keys): return "no key ending in 'response' (keys: \(keys.prefix(5).joined(separator: ", ")))"
        case .severalResponseKeys(let keys): return "several keys end in 'response': \(keys.joined(separator: ", "))"
        case .contentNotObject(let name): return "'\(name)' is not an object"
        }
    }
}
