import CloudStack

/// Small helpers for writing response objects in the server's field order.
struct ObjectBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    init(capacity: Int = 16) { members.reserveCapacity(capacity) }

    mutating func add(_ key: String, _ value: String) { members.append((key, .string(value))) }
    mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
    mutating func add(_ key: String, _ value: Int) { members.append((key, .int(Int64(value)))) }
    mutating func add(_ key: String, _ value: Int64) { members.append((key, .int(value))) }
    mutating func add(_ key: String, _ value: Bool) { members.append((key, .bool(value))) }
    mutating func add(_ key: String, _ value: Double) { members.append((key, .double(value))) }
    mutating func add(_ key: String, _ value: JSONValue) { members.append((key, value)) }
    mutating func date(_ key: String, _ epoch: Int64) { members.append((key, .string(APIDate.string(epoch)))) }

    var object: JSONObject { JSONObject(members) }
    var value: JSONValue { .object(JSONObject(members)) }
}
