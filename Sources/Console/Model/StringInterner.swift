/// Shares one copy of each repeated string among the rows of a list: 100,000 VMs name a few zones, states, hosts,
/// offerings and accounts, and a string longer than 15 bytes is a heap allocation per row unless it is shared.
/// Keys are interned always; a key's values stop being interned once they look unique (more than 1,024 distinct
/// values, over a tenth of the rows seen), so ids and names do not fill the table for nothing.
struct StringInterner: Sendable {
    private var table: [String: String] = [:]
    private var distinct: [String: Int] = [:]
    private var seen: [String: Int] = [:]
    private var unique: Set<String> = []

    /// The shared copy of a key (keys are few).
    mutating func key(_ s: String) -> String {
        if s.utf8.count <= 15 { return s }
        if let shared = table[s] { return shared }
        table[s] = s
        return s
    }

    /// The shared copy of `value` of field `key`, or `value` itself when the field's values look unique.
    mutating func value(_ value: String, of key: String) -> String {
        // Short strings are stored inline, with nothing to share.
        if value.utf8.count <= 15 || unique.contains(key) { return value }
        seen[key, default: 0] += 1
        if let shared = table[value] { return shared }
        let n = distinct[key, default: 0] + 1
        distinct[key] = n
        if n > 1024, n * 10 > seen[key, default: 0] {
            unique.insert(key)
            return value
        }
        table[value] = value
        return value
    }

    mutating func removeAll() {
        self = StringInterner()
    }
}
