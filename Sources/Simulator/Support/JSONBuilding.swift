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

/// Substring search over UTF-8 bytes: the filters run it over every VM, so it must not allocate.
@inline(__always)
func fastContains(_ haystack: String, _ needle: [UInt8]) -> Bool {
    if needle.isEmpty { return true }
    var h = haystack
    return h.withUTF8 { buf -> Bool in
        let n = needle.count
        guard buf.count >= n else { return false }
        let first = needle[0]
        var i = 0
        let last = buf.count - n
        while i <= last {
            if buf[i] == first {
                var j = 1
                while j < n && buf[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }
}
