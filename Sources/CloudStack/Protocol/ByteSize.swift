/// Byte counts as the API takes them (`capacitybytes`), read from what an operator types: `1099511627776`,
/// `1,099,511,627,776`, `500G`, `40 TiB`, `1.5T`. Units are binary (K = 1024), as storage sizes in CloudStack are.
public enum ByteSize {
    /// What a field wants when `parse` refused its text (short enough to sit beside a field at 80 columns).
    public static let expected = "bytes, or a size such as 500G or 40T"

    private static let units: [(String, Int)] = [("k", 1), ("m", 2), ("g", 3), ("t", 4), ("p", 5)]

    /// The byte count, or nil when the text is not a positive size.
    public static func parse(_ text: String) -> Int64? {
        let compact = text.filter { $0 != "," && $0 != " " && $0 != "_" }.lowercased()
        guard !compact.isEmpty else { return nil }
        let number = compact.prefix { $0.isNumber || $0 == "." }
        var unit = String(compact.dropFirst(number.count))
        if unit.hasSuffix("ib") { unit.removeLast(2) } else if unit.hasSuffix("b") { unit.removeLast() }
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        var power = 0
        if !unit.isEmpty {
            guard let match = units.first(where: { $0.0 == unit }) else { return nil }
            power = match.1
        }
        if power == 0 && number.contains(".") { return nil }
        let bytes = value * pow1024(power)
        guard bytes >= 1, bytes < 9.2e18 else { return nil }
        return Int64(bytes.rounded())
    }

    /// The shortest exact spelling: `40T` for 40 TiB, the plain number when no unit divides it.
    public static func short(_ bytes: Int64) -> String {
        for (suffix, power) in units.reversed() {
            let unit = Int64(pow1024(power))
            if bytes >= unit, bytes % unit == 0 { return "\(bytes / unit)\(suffix.uppercased())" }
        }
        return String(bytes)
    }

    private static func pow1024(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 1024 }
        return v
    }
}
