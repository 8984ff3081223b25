import CloudStack
import Foundation

/// A URL template from the forms JSON: `{key}` inserts a field's value; filters after `|`:
/// `slash` (prefix "/" if missing), `uri` (JavaScript encodeURIComponent), `urlsafe64` (`+`→`-`, `/`→`_`),
/// `scheme:X` (prefix `X://` unless the value already contains `://`). `[ … ]` is an optional group, left out
/// when any key inside it is empty (e.g. RBD's `[{user}:{secret}@]`).
struct URLTemplate: Sendable, Equatable {
    enum Filter: Sendable, Equatable {
        case slash, uri, urlsafe64
        case scheme(String)
    }

    enum Piece: Sendable, Equatable {
        case literal(String)
        case value(key: String, filters: [Filter])
        case optional([Piece])
    }

    var source: String
    var pieces: [Piece]

    /// Parses `text`; a problem is reported as a sentence (the caller adds the key path).
    init(parsing text: String) throws(FormSpecError) {
        source = text
        var chars = Array(text)[...]
        pieces = try URLTemplate.parsePieces(&chars, inGroup: false)
    }

    private static func parsePieces(_ chars: inout ArraySlice<Character>, inGroup: Bool) throws(FormSpecError) -> [Piece] {
        var out: [Piece] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { out.append(.literal(literal)); literal = "" }
        }
        while let c = chars.first {
            chars.removeFirst()
            switch c {
            case "{":
                flush()
                guard let close = chars.firstIndex(of: "}") else {
                    throw FormSpecError(path: "", problem: "unclosed '{' in URL template")
                }
                let inner = String(chars[chars.startIndex..<close])
                chars = chars[chars.index(after: close)...]
                out.append(try parseValue(inner))
            case "}":
                throw FormSpecError(path: "", problem: "'}' without '{' in URL template")
            case "[":
                if inGroup { throw FormSpecError(path: "", problem: "nested '[' in URL template") }
                flush()
                let group = try parsePieces(&chars, inGroup: true)
                out.append(.optional(group))
            case "]":
                if !inGroup { throw FormSpecError(path: "", problem: "']' without '[' in URL template") }
                flush()
                return out
            default:
                literal.append(c)
            }
        }
        if inGroup { throw FormSpecError(path: "", problem: "unclosed '[' in URL template") }
        flush()
        return out
    }

    private static func parseValue(_ inner: String) throws(FormSpecError) -> Piece {
        let parts = inner.split(separator: "|", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        guard let key = parts.first, !key.isEmpty else {
            throw FormSpecError(path: "", problem: "empty '{}' in URL template")
        }
        var filters: [Filter] = []
        for f in parts.dropFirst() {
            switch f {
            case "slash": filters.append(.slash)
            case "uri": filters.append(.uri)
            case "urlsafe64": filters.append(.urlsafe64)
            default:
                if f.hasPrefix("scheme:"), f.count > 7 {
                    filters.append(.scheme(String(f.dropFirst(7))))
                } else {
                    throw FormSpecError(
                        path: "", problem: "unknown filter '\(f)' in URL template (slash, uri, urlsafe64, scheme:NAME)")
                }
            }
        }
        return .value(key: key, filters: filters)
    }

    /// Every key the template inserts, in order.
    var keys: [String] {
        func collect(_ ps: [Piece]) -> [String] {
            ps.flatMap { p -> [String] in
                switch p {
                case .literal: return []
                case .value(let k, _): return [k]
                case .optional(let g): return collect(g)
                }
            }
        }
        return collect(pieces)
    }

    /// The URL for `values` (a missing key inserts "").
    func render(_ values: [String: String]) -> String {
        func value(_ k: String) -> String { (values[k] ?? "").trimmingCharacters(in: .whitespaces) }
        func run(_ ps: [Piece]) -> String {
            var s = ""
            for p in ps {
                switch p {
                case .literal(let l): s += l
                case .value(let k, let filters): s += URLTemplate.apply(filters, to: value(k))
                case .optional(let g):
                    let gk = g.compactMap { p -> String? in if case .value(let k, _) = p { return k } else { return nil } }
                    if gk.allSatisfy({ !value($0).isEmpty }) { s += run(g) }
                }
            }
            return s
        }
        return run(pieces)
    }

    static func apply(_ filters: [Filter], to value: String) -> String {
        var v = value
        for f in filters {
            switch f {
            case .slash: if !v.hasPrefix("/") { v = "/" + v }
            case .uri: v = encodeURIComponent(v)
            case .urlsafe64:
                v = v.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            case .scheme(let s): if !v.contains("://") { v = s + "://" + v }
            }
        }
        return v
    }
}

/// JavaScript's encodeURIComponent: everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )` as %XX of its UTF-8 bytes.
func encodeURIComponent(_ s: String) -> String {
    var out = ""
    let hex = Array("0123456789ABCDEF")
    for b in s.utf8 {
        switch b {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
            UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"):
            out.unicodeScalars.append(Unicode.Scalar(b))
        default:
            out.append("%")
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0xF)])
        }
    }
    return out
}

/// Every spelling in which a typed secret can travel in a request and come back quoted in a server message: as
/// typed, through each URL filter (encodeURIComponent, URL-safe Base64), percent-encoded on the wire as the client
/// sends parameters (and twice, for a URL already encoded by a filter), with upper- or lower-case hex. Longest
/// first, so a masking pass replaces the most specific spelling before its parts.
public func secretSpellings(_ secret: String) -> [String] {
    let filtered = [secret, encodeURIComponent(secret), URLTemplate.apply([.urlsafe64], to: secret)]
    var all = Set<String>()
    for f in filtered {
        let wire = JavaURLEncoder.encode(f)
        for s in [f, wire, wire.replacingOccurrences(of: "%20", with: "+"), f.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? f] {
            all.insert(s)
            all.insert(lowercasedEscapes(s))
        }
    }
    return all.filter { !$0.isEmpty }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
}

/// `%2F` as `%2f`: servers and proxies print either.
private func lowercasedEscapes(_ s: String) -> String {
    var out = ""
    var pending = 0
    for c in s {
        if c == "%" { pending = 2; out.append(c); continue }
        if pending > 0 { out.append(Character(c.lowercased())); pending -= 1 } else { out.append(c) }
    }
    return out
}
