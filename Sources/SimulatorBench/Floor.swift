import AsyncHTTPClient
import CloudStack
import Foundation
import NIOCore

/// `SimulatorBench floor ENDPOINT APIKEY SECRET [PARALLEL] [PAGESIZE] [COMMAND]`: the floor for listing everything,
/// as the server allows it: signed page requests, PARALLEL in flight (default 4), each body read and thrown away
/// (no parsing, no output). Prints the time and the bytes; `cstui call --all-pages` is compared with this in one run
/// (scripts/bench-list.sh).
enum Floor {
    static func run(_ args: [String]) async throws {
        guard args.count >= 3 else {
            FileHandle.standardError.write(Data("usage: SimulatorBench floor ENDPOINT APIKEY SECRET [PARALLEL] [PAGESIZE] [COMMAND]\n".utf8))
            exit(2)
        }
        let (endpoint, key, secret) = (args[0], args[1], args[2])
        let parallel = args.count > 3 ? max(1, Int(args[3]) ?? 4) : 4
        let pageSize = args.count > 4 ? max(1, Int(args[4]) ?? 500) : 500
        let command = args.count > 5 ? args[5] : "listVirtualMachines"
        let http = HTTPClient(eventLoopGroupProvider: .singleton)

        func url(page: Int) -> String {
            var params: [(String, String)] = [("command", command), ("listall", "true"), ("page", String(page)), ("pagesize", String(pageSize)),
                                              ("response", "json"), ("apiKey", key)]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: secret)))
            return endpoint + "?" + CloudStackClient.formEncode(params)
        }
        /// Fetches one page and returns its size in bytes (and, for page 1, the body, to read `count` from).
        func fetch(_ page: Int, keep: Bool) async throws -> (Int, [UInt8]) {
            let response = try await http.execute(HTTPClientRequest(url: url(page: page)), timeout: .seconds(120))
            var bytes = 0
            var kept: [UInt8] = []
            for try await chunk in response.body {
                bytes += chunk.readableBytes
                if keep { kept += chunk.readableBytesView }
            }
            return (bytes, kept)
        }

        let started = Date()
        let (firstBytes, firstBody) = try await fetch(1, keep: true)
        // The count is the first "count": number in the answer; nothing else of the page is read.
        let text = String(decoding: firstBody.prefix(400), as: UTF8.self)
        let count = text.range(of: "\"count\":").flatMap { r in Int(text[r.upperBound...].prefix { $0.isNumber }) } ?? 0
        let lastPage = max(1, count / pageSize + (count % pageSize == 0 ? 0 : 1))
        var total = firstBytes
        try await withThrowingTaskGroup(of: Int.self) { group in
            var next = 2
            for _ in 0..<min(parallel, lastPage - 1) {
                let p = next
                next += 1
                group.addTask { try await fetch(p, keep: false).0 }
            }
            while let bytes = try await group.next() {
                total += bytes
                if next <= lastPage {
                    let p = next
                    next += 1
                    group.addTask { try await fetch(p, keep: false).0 }
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        try? await http.shutdown()
        print(String(format: "floor: %d rows in %d pages of %d, %d in flight: %.2f s, %.1f MB", count, lastPage, pageSize, parallel, seconds,
                     Double(total) / 1_000_000))
    }
}
