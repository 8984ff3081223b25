/// What one probe operation showed.
public enum S3ProbeOutcome: String, Sendable {
    case pass = "PASS"
    case fail = "FAIL"
    case skip = "SKIP"
}

/// One line of the probe's table: the operation, its outcome and the detail (the server's text on failure).
public struct S3ProbeRow: Sendable, Equatable {
    public let operation: String
    public let outcome: S3ProbeOutcome
    public let detail: String
    /// A failure of a required operation means CloudStack cannot use this store.
    public let required: Bool

    public init(operation: String, outcome: S3ProbeOutcome, detail: String, required: Bool = true) {
        self.operation = operation
        self.outcome = outcome
        self.detail = detail
        self.required = required
    }
}

/// Every row of one probe run.
public struct S3ProbeReport: Sendable {
    public let bucket: String
    public let rows: [S3ProbeRow]

    /// True when no required operation failed.
    public var compatible: Bool {
        !rows.contains { $0.required && $0.outcome == .fail }
    }

    public func row(_ operation: String) -> S3ProbeRow? {
        rows.first { $0.operation == operation }
    }

    /// A plain-text table: operation, result, detail.
    public func table() -> String {
        let headers = ("OPERATION", "RESULT", "DETAIL")
        let width0 = max(headers.0.count, rows.map(\.operation.count).max() ?? 0)
        let width1 = max(headers.1.count, 6)
        func line(_ a: String, _ b: String, _ c: String) -> String {
            let text = a.padded(to: width0) + "  "
                + b.padded(to: width1) + "  " + c
            return text.trimmingTrailingSpaces() + "\n"
        }
        var out = line(headers.0, headers.1, headers.2)
        for row in rows {
            let detail = row.detail.replacingOccurrences(of: "\n", with: " ")
            out += line(row.operation, row.outcome.rawValue + (row.required || row.outcome != .fail ? "" : "*"), detail)
        }
        let failed = rows.filter { $0.required && $0.outcome == .fail }.count
        out += compatible
            ? "\nAll required operations passed: CloudStack can use this S3 store.\n"
            : "\n\(failed) required operation(s) failed: CloudStack will not work with this S3 store as configured.\n"
        return out
    }
}

extension String {
    func padded(to length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
