import CloudStack

/// A request as the simulator needs it, independent of NIO types.
struct SimHTTPRequest: Sendable {
    var method: String
    var uri: String
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }

    /// Cookie values by name, from every `Cookie` header.
    var cookies: [String: String] {
        var out: [String: String] = [:]
        for (k, v) in headers where k.lowercased() == "cookie" {
            for part in v.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { continue }
                let name = kv[0].trimmingCharacters(in: .whitespaces)
                if out[name] == nil { out[name] = kv[1].trimmingCharacters(in: .whitespaces) }
            }
        }
        return out
    }

    var path: Substring { uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }

    /// Query and form parameters in arrival order (query first, as the servlet merges them), or nil if undecodable.
    func parameters() -> [(String, String)]? {
        var out: [(String, String)] = []
        func parse(_ text: Substring) -> Bool {
            for piece in text.split(separator: "&") where !piece.isEmpty {
                let kv = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard let name = JavaURLEncoder.decodeForm(kv[0]) else { return false }
                let value = kv.count > 1 ? JavaURLEncoder.decodeForm(kv[1]) : ""
                guard let value else { return false }
                out.append((name, value))
            }
            return true
        }
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count > 1, !parse(parts[1]) { return nil }
        if !body.isEmpty {
            let type = header("Content-Type")?.lowercased() ?? "application/x-www-form-urlencoded"
            if type.hasPrefix("application/x-www-form-urlencoded") {
                guard parse(Substring(String(decoding: body, as: UTF8.self))) else { return nil }
            }
        }
        return out
    }
}

/// What to do with a request: answer it (possibly late), or drop the connection.
enum SimHTTPOutcome: Sendable {
    case respond(status: Int, headers: [(String, String)], body: [UInt8], delay: Double)
    case drop(delay: Double)
}

import Foundation
