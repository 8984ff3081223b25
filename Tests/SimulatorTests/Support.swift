import CloudStack
import Foundation
import Simulator
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` and returns the API error it threw (or records a failure).
func apiError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> (status: Int, code: Int, cs: Int?, text: String)? {
    do {
        try await body()
        Issue.record("expected an API error", sourceLocation: sourceLocation)
    } catch let CloudStackError.api(_, status, code, cs, text) {
        return (status, code, cs, text)
    } catch {
        Issue.record("expected an API error, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// A bare HTTP/1.1 exchange over a socket, for checks the client would never make (GET login, XML).
struct RawHTTP {
    struct Answer {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> [String] { headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1) }
    }

    static func send(port: Int, method: String, target: String, body: String? = nil, headers: [(String, String)] = []) throws -> Answer {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw CloudStackError.configuration("socket failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) { p in
            p.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { throw CloudStackError.configuration("connect failed") }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (k, v) in headers { text += "\(k): \(v)\r\n" }
        if let body {
            text += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        text += "\r\n" + (body ?? "")
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            response.append(contentsOf: buffer[0..<n])
        }
        let all = String(decoding: response, as: UTF8.self)
        guard let split = all.range(of: "\r\n\r\n") else { throw CloudStackError.configuration("no HTTP answer") }
        let lines = all[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let hs = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let c = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<c]), line[line.index(after: c)...].trimmingCharacters(in: .whitespaces))
        }
        return Answer(status: status, headers: hs, body: String(all[split.upperBound...]))
    }

    static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(JavaURLEncoder.encode($0.0))=\(JavaURLEncoder.encode($0.1))" }.joined(separator: "&")
    }
}

extension APIResponse {
    func items() -> [JSONObject] { list.items.compactMap(\.objectValue) }
}
