import Foundation

/// A problem in a JSON file a person wrote (a section, a plugin's config.json, a form, a theme), naming the key path:
/// `listView.actions[1].key: 'j' is the console's own key`.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}

/// The one strict reader of hand-written JSON: an object whose keys are checked against the allowed set, read value by
/// value with the key path of every problem. Sections, plugins, forms and themes are all read with it.
public struct JSONReader: Sendable {
    public let object: JSONObject
    /// Where this object sits in its file (`listView.actions[0]`); empty at the top.
    public let path: String

    /// Reads `value` as an object holding only `allowed` keys (`$schema` is always allowed).
    public init(_ value: JSONValue, path: String, allowed: [String]) throws(JSONPathError) {
        guard let o = value.objectValue else { throw JSONPathError(path: path, problem: "expected an object") }
        object = o
        self.path = path
        for k in o.keys where k != "$schema" && !allowed.contains(k) {
            throw JSONPathError(path: Self.join(path, k), problem: "unknown key '\(k)' (\(allowed.joined(separator: ", ")))")
        }
    }

    /// Parses a whole file's text; a syntax error names the byte where reading stopped.
    public static func parse(_ text: String) throws(JSONPathError) -> JSONValue {
        do { return try JSONParser.parse(text) } catch { throw JSONPathError(path: "", problem: "not valid JSON: \(error)") }
    }

    public static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func at(_ k: String) -> String { Self.join(path, k) }
    public func has(_ k: String) -> Bool { object[k] != nil }
    public subscript(_ k: String) -> JSONValue? { object[k] }

    public func string(_ k: String) throws(JSONPathError) -> String? {
        guard let v = object[k] else { return nil }
        guard case .string(let s) = v else { throw JSONPathError(path: at(k), problem: "expected a string") }
        return s
    }

    /// A string that must be there and not blank; `missing` is the message when it is not there.
    public func requiredString(_ k: String, missing: String = "missing") throws(JSONPathError) -> String {
        guard let s = try string(k) else { throw JSONPathError(path: at(k), problem: missing) }
        guard !s.trimmingCharacters(in: .whitespaces).isEmpty else { throw JSONPathError(path: at(k), problem: "must not be empty") }
        return s
    }

    public func bool(_ k: String) throws(JSONPathError) -> Bool? {
        guard let v = object[k] else { return nil }
        guard case .bool(let b) = v else { throw JSONPathError(path: at(k), problem: "expected true or false") }
        return b
    }

    /// A finite number.
    public func number(_ k: String) throws(JSONPathError) -> Double? {
        guard let v = object[k] else { return nil }
        switch v {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default: throw JSONPathError(path: at(k), problem: "expected a number")
        }
    }

    /// A whole number within `range`.
    public func int(_ k: String, in range: ClosedRange<Int>) throws(JSONPathError) -> Int? {
        guard let v = object[k] else { return nil }
        guard case .int(let i) = v, i >= Int64(range.lowerBound), i <= Int64(range.upperBound) else {
            throw JSONPathError(path: at(k), problem: "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int(i)
    }

    /// A scalar as text (strings, numbers, booleans).
    public func scalarText(_ k: String) throws(JSONPathError) -> String? {
        guard let v = object[k] else { return nil }
        guard !v.isContainer, let t = v.text else { throw JSONPathError(path: at(k), problem: "expected a string") }
        return t
    }

    public func array(_ k: String) throws(JSONPathError) -> [JSONValue]? {
        guard let v = object[k] else { return nil }
        guard let a = v.arrayValue else { throw JSONPathError(path: at(k), problem: "expected an array") }
        return a
    }

    public func strings(_ k: String) throws(JSONPathError) -> [String]? {
        guard let a = try array(k) else { return nil }
        var out: [String] = []
        for (i, v) in a.enumerated() {
            guard case .string(let s) = v else { throw JSONPathError(path: "\(at(k))[\(i)]", problem: "expected a string") }
            out.append(s)
        }
        return out
    }

    /// A nested object, read with its own allowed keys.
    public func object(_ k: String, allowed: [String]) throws(JSONPathError) -> JSONReader? {
        guard let v = object[k] else { return nil }
        return try JSONReader(v, path: at(k), allowed: allowed)
    }

    /// `{"name": "value", …}` with string values, in the file's order.
    public func stringPairs(_ k: String) throws(JSONPathError) -> [(String, String)]? {
        guard let v = object[k] else { return nil }
        guard let m = v.objectValue else { throw JSONPathError(path: at(k), problem: "expected an object of string values") }
        var out: [(String, String)] = []
        for (name, value) in m {
            guard case .string(let s) = value else { throw JSONPathError(path: "\(at(k)).\(name)", problem: "expected a string") }
            out.append((name, s))
        }
        return out
    }

    /// `{"field": ["v1", "v2"]}` (a single scalar is one value).
    public func conditions(_ k: String) throws(JSONPathError) -> [String: [String]]? {
        guard let v = object[k] else { return nil }
        guard let m = v.objectValue else { throw JSONPathError(path: at(k), problem: "expected an object of value lists") }
        var out: [String: [String]] = [:]
        for (name, value) in m {
            switch value {
            case .string(let s): out[name] = [s]
            case .bool, .int, .double: out[name] = value.text.map { [$0] } ?? []
            case .array(let a):
                var vals: [String] = []
                for (i, x) in a.enumerated() {
                    guard !x.isContainer, let t = x.text else {
                        throw JSONPathError(path: "\(at(k)).\(name)[\(i)]", problem: "expected a string")
                    }
                    vals.append(t)
                }
                out[name] = vals
            default: throw JSONPathError(path: "\(at(k)).\(name)", problem: "expected a list of values")
            }
        }
        return out
    }

    /// `{"name": ["a", "b"]}` in the file's order.
    public func stringTable(_ k: String) throws(JSONPathError) -> [(String, [String])]? {
        guard let v = object[k] else { return nil }
        guard let m = v.objectValue else { throw JSONPathError(path: at(k), problem: "expected an object") }
        var out: [(String, [String])] = []
        for (name, value) in m {
            guard let items = value.arrayValue else { throw JSONPathError(path: "\(at(k)).\(name)", problem: "expected an array") }
            var list: [String] = []
            for (i, x) in items.enumerated() {
                guard case .string(let s) = x else { throw JSONPathError(path: "\(at(k)).\(name)[\(i)]", problem: "expected a string") }
                list.append(s)
            }
            out.append((name, list))
        }
        return out
    }
}
