import CloudStack

/// Fault injection: which misbehaviour, if any, this request gets.
enum Fault {
    case none, drop, htmlProxy, internalError, malformed

    /// Decides independently per request; at most one fault applies.
    static func roll(_ f: FaultOptions) -> Fault {
        if f.dropRate > 0, Double.random(in: 0..<1) < f.dropRate { return .drop }
        if f.htmlProxyRate > 0, Double.random(in: 0..<1) < f.htmlProxyRate { return .htmlProxy }
        if f.errorRate > 0, Double.random(in: 0..<1) < f.errorRate { return .internalError }
        if f.malformedRate > 0, Double.random(in: 0..<1) < f.malformedRate { return .malformed }
        return .none
    }

    static let proxyPage = Array("""
    <!DOCTYPE html>
    <html><head><title>502 Bad Gateway</title></head>
    <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>

    """.utf8)

    /// A body cut off in the middle, as a broken proxy or a crashed writer leaves it.
    static func truncate(_ body: [UInt8]) -> [UInt8] {
        guard body.count > 2 else { return Array("{\"".utf8) }
        return Array(body.prefix(max(1, body.count / 2)))
    }
}
