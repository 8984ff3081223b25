/// A JSON value as the management server sends it, with object keys kept in the server's order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A scalar as the text a user should see; nil for objects, arrays and null.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d):
            if d.rounded() == d, abs(d) < 1e15, let i = Self.int64(d) { return String(i) }
            return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// Integer value, tolerating numbers sent as strings (the server does both). A fraction is cut toward zero;
    /// a number outside Int64 (`1e19`, `1e300`, `99999999999999999999`) or not a number (`"nan"`) is nil, never a trap.
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return Self.int64(d)
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            return Int64(t) ?? Double(t).flatMap(Self.int64)
        default: return nil
        }
    }

    /// `d` cut toward zero when it lies inside Int64; nil for NaN, infinities and anything beyond ±2^63.
    public static func int64(_ d: Double) -> Int64? {
        // 2^63 is exact as a Double; every finite double below it and at or above -2^63 converts without trapping.
        guard d.isFinite, d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return nil }
        return Int64(d)
    }

    /// A finite number, tolerating strings and a trailing `%`; NaN and infinities (`"nan"`, `1e400`) are nil.
    public var doubleValue: Double? {
        let d: Double?
        switch self {
        case .int(let i): d = Double(i)
        case .double(let v): d = v
        case .string(let s):
            var t = s.trimmingCharacters(in: .whitespaces)
            if t.hasSuffix("%") { t.removeLast() }
            d = Double(t)
        default: d = nil
        }
        guard let d, d.isFinite else { return nil }
        return d
    }

    /// An array or an object.
    public var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }

    /// Boolean value, accepting `"true"`/`"false"` strings as older servers send them.
    public var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .string(let s): return s.lowercased() == "true" ? true : (s.lowercased() == "false" ? false : nil)
        case .int(let i): return i != 0
        default: return nil
        }
    }
}

/// A JSON object that keeps its keys in order. Lookups are linear: server objects have tens of keys.
public struct JSONObject: Sendable, Equatable, Sequence {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(_ members: [(key: String, value: JSONValue)] = []) { self.members = members }

    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        self.members = pairs.map { ($0.key, $0.value) }
    }

    public subscript(key: String) -> JSONValue? {
        get {
            for m in members where m.key == key { return m.value }
            return nil
        }
        set {
            if let i = members.firstIndex(where: { $0.key == key }) {
                if let v = newValue { members[i].value = v } else { members.remove(at: i) }
            } else if let v = newValue {
                members.append((key, v))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> { members.makeIterator() }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.members.count == b.members.count && zip(a.members, b.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { ($0.0, $0.1) }))
    }
}

import Foundation
