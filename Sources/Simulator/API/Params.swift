/// The request parameters as the servlet sees them: decoded, first value wins, names looked up case-insensitively.
struct Params: Sendable {
    /// In arrival order, every occurrence.
    let pairs: [(String, String)]
    private let first: [String: String]

    init(_ pairs: [(String, String)]) {
        self.pairs = pairs
        var d: [String: String] = [:]
        for (k, v) in pairs where d[k.lowercased()] == nil { d[k.lowercased()] = v }
        first = d
    }

    subscript(_ name: String) -> String? { first[name.lowercased()] }

    /// Present and non-empty.
    func value(_ name: String) -> String? {
        guard let v = first[name.lowercased()], !v.isEmpty else { return nil }
        return v
    }

    func bool(_ name: String) -> Bool? {
        guard let v = value(name)?.lowercased() else { return nil }
        return v == "true" ? true : (v == "false" ? false : nil)
    }

    /// `details[N].key=K&details[N].value=V` (addImageStore's form) as a dictionary; keys lowercased.
    func keyValueMap(_ name: String) -> [String: String] {
        var keys: [String: String] = [:], values: [String: String] = [:]
        let prefix = name.lowercased() + "["
        for (k, v) in pairs {
            let lk = k.lowercased()
            guard lk.hasPrefix(prefix), let close = lk.firstIndex(of: "]") else { continue }
            let index = String(lk[lk.index(lk.startIndex, offsetBy: prefix.count)..<close])
            let rest = lk[lk.index(after: close)...]
            if rest == ".key" { keys[index] = v } else if rest == ".value" { values[index] = v }
        }
        var out: [String: String] = [:]
        for (i, k) in keys { if let v = values[i] { out[k.lowercased()] = v } }
        return out
    }

    /// `details[N].<name>=<value>` (createStoragePool's form): every entry of every index, flattened.
    func flatMap(_ name: String) -> [String: String] {
        var out: [String: String] = [:]
        let prefix = name.lowercased() + "["
        for (k, v) in pairs {
            let lk = k.lowercased()
            guard lk.hasPrefix(prefix), let close = k.firstIndex(of: "]") else { continue }
            let rest = k[k.index(after: close)...]
            guard rest.hasPrefix("."), rest.count > 1 else { continue }
            out[String(rest.dropFirst())] = v
        }
        return out
    }
}
