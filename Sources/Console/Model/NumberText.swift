import CloudStack

/// Whole numbers from server values that may be anything: nan, infinite, or beyond what an Int holds.
/// Converting those with `Int(_:)` traps; these give nil (or a bounded text) instead.
enum NumberText {
    /// `value` rounded, when it is finite and fits an Int.
    static func int(_ value: Double) -> Int? {
        JSONValue.int64(value.rounded()).map { Int($0) }
    }

    /// A percentage for a cell: `31%`; `>9999%` or `?%` when the figures cannot be right.
    static func percent(_ value: Double) -> String {
        guard let n = int(value) else { return value.isNaN ? "?%" : (value > 0 ? ">9999%" : "<-9999%") }
        if n > 9999 { return ">9999%" }
        if n < -9999 { return "<-9999%" }
        return "\(n)%"
    }
}
