import Foundation

/// The checks behind `FieldSpec.Format`; each returns a short message (≤ 38 characters) or nil when the value is fine.
enum Formats {
    static let messages: [FieldSpec.Format: String] = [
        .host: "not a host name or IP address",
        .path: "a path starts with / and has no spaces",
        .url: "not a URL (scheme://host/…)",
        .hostOrURL: "not a host name, IP address or URL",
        .bucket: "bucket: 3–63 of a-z 0-9 . -",
        .iqn: "an IQN starts with iqn. or eui.",
        .name: "a name has at most 255 characters",
        .date: "a date: 2026-11-30 or 2026-11-30 14:05:00",
    ]

    static func check(_ value: String, _ format: FieldSpec.Format) -> String? {
        switch format {
        case .host: return isHost(value) ? nil : messages[.host]
        case .path: return checkPath(value)
        case .url: return isURL(value) ? nil : messages[.url]
        case .hostOrURL: return isHost(value) || isURL(value) ? nil : messages[.hostOrURL]
        case .bucket: return isBucket(value) ? nil : messages[.bucket]
        case .iqn: return isIQN(value) ? nil : messages[.iqn]
        case .name:
            if value.trimmingCharacters(in: .whitespaces).isEmpty { return "required" }
            return value.count <= 255 ? nil : messages[.name]
        case .date: return isDate(value) ? nil : messages[.date]
        }
    }

    /// yyyy-MM-dd, or yyyy-MM-dd HH:mm:ss: the forms list APIs take dates in (listEvents' startdate), with a real
    /// month, day, hour, minute and second.
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        let ymd = parts[0].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard ymd.count == 3, parts[0].count == 10, let y = ymd[0], let m = ymd[1], let d = ymd[2],
              (1970...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return false }
        guard parts.count == 2 else { return true }
        let hms = parts[1].split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard hms.count == 3, parts[1].count == 8, let h = hms[0], let mi = hms[1], let sec = hms[2] else { return false }
        return (0...23).contains(h) && (0...59).contains(mi) && (0...59).contains(sec)
    }

    /// A DNS name or IPv4/IPv6 address with an optional :port; no scheme, slash or spaces.
    static func isHost(_ s: String) -> Bool {
        if s.isEmpty || s.contains(where: { $0.isWhitespace || $0 == "/" }) { return false }
        // [v6]:port or [v6]
        if s.hasPrefix("[") {
            guard let close = s.firstIndex(of: "]") else { return false }
            let inner = String(s[s.index(after: s.startIndex)..<close])
            let rest = s[s.index(after: close)...]
            guard isIPv6(inner) else { return false }
            if rest.isEmpty { return true }
            return rest.hasPrefix(":") && isPort(String(rest.dropFirst()))
        }
        if s.filter({ $0 == ":" }).count >= 2 { return isIPv6(s) }
        var host = s
        if let colon = s.firstIndex(of: ":") {
            guard isPort(String(s[s.index(after: colon)...])) else { return false }
            host = String(s[..<colon])
        }
        return isIPv4(host) || isDNSName(host)
    }

    static func isPort(_ s: String) -> Bool {
        guard !s.isEmpty, s.allSatisfy(\.isASCIIDigit), let n = Int(s) else { return false }
        return (1...65535).contains(n)
    }

    static func isIPv4(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { p in
            !p.isEmpty && p.count <= 3 && p.allSatisfy(\.isASCIIDigit) && Int(p)! <= 255
        }
    }

    static func isIPv6(_ s: String) -> Bool {
        guard s.contains(":"), s.count <= 45 else { return false }
        var text = Substring(s)
        var groupsAllowed = 8
        // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(text[text.index(after: lastColon)...])) else { return false }
            text = text[...lastColon]
            if text.hasSuffix("::") { /* keep */ } else { text = text.dropLast() }
            groupsAllowed = 6
        }
        let doubles = text.components(separatedBy: "::").count - 1
        guard doubles <= 1 else { return false }
        let isHexGroup: (Substring) -> Bool = { g in g.count >= 1 && g.count <= 4 && g.allSatisfy(\.isHexDigit) }
        if doubles == 1 {
            let halves = text.components(separatedBy: "::")
            let groups = halves.flatMap { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false) }
            return groups.count < groupsAllowed && groups.allSatisfy(isHexGroup)
        }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        return groups.count == groupsAllowed && groups.allSatisfy(isHexGroup)
    }

    static func isDNSName(_ s: String) -> Bool {
        var name = s
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.count <= 253 else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        // All-numeric dotted names are (bad) IPv4 addresses, not host names.
        if labels.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) { return false }
        return labels.allSatisfy { l in
            !l.isEmpty && l.count <= 63 && !l.hasPrefix("-") && !l.hasSuffix("-")
                && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// "export" and "/export" are fine (the slash filter adds the "/"); spaces, "://" and empty segments are not.
    static func checkPath(_ s: String) -> String? {
        if s.contains("://") { return "a path, not a URL" }
        if s.contains(where: \.isWhitespace) { return messages[.path] }
        let p = s.hasPrefix("/") ? String(s.dropFirst()) : s
        if p.isEmpty && s != "/" { return messages[.path] }
        if p.contains("//") { return "a path has no empty parts (//)" }
        return nil
    }

    /// scheme://host… with no spaces.
    static func isURL(_ s: String) -> Bool {
        guard let r = s.range(of: "://"), !s.contains(where: \.isWhitespace) else { return false }
        let scheme = s[..<r.lowerBound]
        let rest = s[r.upperBound...]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return false }
        guard let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? Optional(rest.endIndex)
        else { return false }
        var authority = rest[rest.startIndex..<hostEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return !authority.isEmpty
    }

    /// S3 bucket naming rules: 3–63 characters of a-z 0-9 . -, starting and ending with a letter or digit,
    /// no "..", not an IPv4 address.
    static func isBucket(_ s: String) -> Bool {
        guard (3...63).contains(s.count) else { return false }
        guard s.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || $0 == "." || $0 == "-") }) else { return false }
        guard let f = s.first, let l = s.last, f.isLetter || f.isASCIIDigit, l.isLetter || l.isASCIIDigit else { return false }
        if s.contains("..") || s.contains(".-") || s.contains("-.") { return false }
        return !isIPv4(s)
    }

    static func isIQN(_ s: String) -> Bool {
        let l = s.lowercased()
        return (l.hasPrefix("iqn.") || l.hasPrefix("eui.")) && l.count > 4 && !s.contains(where: \.isWhitespace)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
