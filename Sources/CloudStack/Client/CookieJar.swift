import Foundation

/// The cookies one management server set: `JSESSIONID` and `sessionkey` matter.
struct CookieJar: Sendable {
    private(set) var cookies: [String: (value: String, expires: Date?)] = [:]

    /// Records each `Set-Cookie` header; a cookie with a past expiry or `Max-Age=0` is removed.
    mutating func store(setCookieHeaders: [String], now: Date = Date()) {
        for header in setCookieHeaders {
            let parts = header.split(separator: ";", omittingEmptySubsequences: false)
            guard let first = parts.first, let eq = first.firstIndex(of: "=") else { continue }
            let name = first[..<eq].trimmingCharacters(in: .whitespaces)
            var value = first[first.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            var expires: Date?
            for attr in parts.dropFirst() {
                let kv = attr.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                if kv[0].lowercased() == "max-age", let s = Double(kv[1]) { expires = now.addingTimeInterval(s) }
                if kv[0].lowercased() == "expires", expires == nil { expires = Self.parseHTTPDate(kv[1]) }
            }
            if let e = expires, e <= now { cookies[name] = nil } else { cookies[name] = (value, expires) }
        }
    }

    func value(_ name: String, now: Date = Date()) -> String? {
        guard let c = cookies[name] else { return nil }
        if let e = c.expires, e <= now { return nil }
        return c.value
    }

    /// The `Cookie` header to send, or nil when the jar is empty.
    func header(now: Date = Date()) -> String? {
        let live = cookies.filter { $0.value.expires.map { $0 > now } ?? true }.sorted { $0.key < $1.key }
        return live.isEmpty ? nil : live.map { "\($0.key)=\($0.value.value)" }.joined(separator: "; ")
    }

    mutating func removeAll() { cookies = [:] }

    static func parseHTTPDate(_ s: String) -> Date? {
        let df = DateFormatter()
        df.locale = Locale(identifier: "en_US_POSIX")
        df.timeZone = TimeZone(identifier: "GMT")
        for f in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEE, dd-MMM-yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz"] {
            df.dateFormat = f
            if let d = df.date(from: s) { return d }
        }
        return nil
    }
}
