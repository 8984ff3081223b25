import CloudStack
import Foundation
import Testing

/// `cstui call` against a server that sends what no CloudStack should: numbers no Int holds, counts that cannot
/// be right, escape sequences in names and error texts, HTML, redirects and dropped connections. The binary must
/// exit (never trap), say what was wrong, and write nothing that drives the terminal.
@Suite("cstui call against a hostile server", .serialized)
struct HostileServerCallTests {
    static let apiKeyFlags = ["--api-key", "KEY", "--secret-key", "SECRET-never-shown"]

    static func call(_ server: HostileServer, _ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["call"] + arguments + ["--url", server.endpoint] + apiKeyFlags)
    }

    /// Names that try to retitle the window, clear the screen, use the one-byte C1 CSI, reverse the text, or hide in zero width.
    static let hostileNames = [
        "snap\u{1B}]0;pwned\u{07}",
        "\u{1B}[2Jcleared",
        "red\u{9B}31m",
        "invoice\u{202E}fdp.exe",
        "zero\u{200B}width\u{2060}joined\u{FEFF}",
        "nul\u{0}del\u{7F}bell\u{7}",
        "line\nbreak\rreturn\ttab",
        "isolate\u{2066}x\u{2069}mark\u{200F}\u{061C}",
        "plain, \"quoted\"",
    ]

    /// A JSON string as a careless server writes it: C0 escaped (JSON demands it), C1 and bidi left raw.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func snapshotList(count: String, ids: Range<Int>) -> String {
        let rows = ids.map { i in #"{"id":"id-\#(i)","name":\#(jsonString(hostileNames[i % hostileNames.count])),"state":"Ready"}"# }
        return #"{"listvmsnapshotresponse":{"count":\#(count),"vmSnapshot":[\#(rows.joined(separator: ","))]}}"#
    }

    /// Fails the test for every byte a terminal could act on: C0 other than newline and tab, DEL, C1, bidi and zero-width.
    static func expectTerminalSafe(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let forbidden: Set<UInt32> = [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                      0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF]
        let bad = text.unicodeScalars.filter { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value) || forbidden.contains(s.value)
        }
        #expect(bad.isEmpty, "\(what) carries \(bad.map { String($0.value, radix: 16) }): \(text.debugDescription)", sourceLocation: sourceLocation)
    }

    static func withServer(_ handler: @escaping @Sendable (HostileServer.Request) -> HostileServer.Reply,
                           _ body: (HostileServer) throws -> Void) throws {
        let server = try HostileServer(handler)
        defer { server.stop() }
        try body(server)
    }

    // MARK: - Numbers

    @Test("errorcode 1e19 is reported as an API error with the HTTP status, not a crash")
    func hugeErrorCode() throws {
        try Self.withServer({ _ in .json(#"{"listzonesresponse":{"errorcode":1e19,"cserrorcode":1e300,"errortext":"zone trouble"}}"#, status: 431) }) { server in
            let r = try Self.call(server, ["listZones"])
            #expect(r.exitedNormally, "cstui died of signal \(r.status)")
            #expect(r.status == 1)
            #expect(r.stderr.contains("zone trouble"))
            #expect(r.stderr.contains("errorcode '1e+19' is not an error code"))
            #expect(r.stderr.contains("HTTP 431, errorcode 431"))
            #expect(r.stdout.isEmpty)
        }
    }

    @Test("--all-pages stops with a message on a count that cannot be right", arguments: [
        "99999999999999999999", "\"99999999999999999999\"", "\"nan\"", "9223372036854775807", "1e300", "-3", "2147483648",
    ])
    func impossibleCount(count: String) throws {
        try Self.withServer({ _ in .json(Self.snapshotList(count: count, ids: 0..<2)) }) { server in
            for format in ["json", "table", "csv", "text"] {
                let r = try Self.call(server, ["listVMSnapshot", "pagesize=2", "--all-pages", "-o", format])
                #expect(r.exitedNormally, "count \(count), -o \(format): cstui died of signal \(r.status)")
                #expect(r.status == 3, "count \(count), -o \(format): \(r.stderr)")
                #expect(r.stderr.contains("cannot be a row count"), "count \(count): \(r.stderr)")
                #expect(r.stderr.contains("stopped paging after page 1"))
                #expect(r.stdout.isEmpty)
                Self.expectTerminalSafe(r.stderr, "stderr")
            }
            // Paging stopped at the first page: no request for page 2 ever went out.
            #expect(server.requests.allSatisfy { $0.parameters["page"] == "1" })
        }
    }

    @Test("a count in range but false ends paging at the first empty page, with a message")
    func lyingCount() throws {
        try Self.withServer({ request in
            request.parameters["page"] == "1" ? .json(Self.snapshotList(count: "2000000000", ids: 0..<2)) : .json(#"{"listvmsnapshotresponse":{}}"#)
        }) { server in
            let r = try Self.call(server, ["listVMSnapshot", "pagesize=2", "--all-pages"])
            #expect(r.exitedNormally)
            #expect(r.status == 3, "\(r.stderr)")
            #expect(r.stderr.contains("promised 1000000000 pages of 2, but page 2 was empty"), "\(r.stderr)")
            // A handful of pages were in flight at once; nowhere near a billion were asked for.
            #expect(server.requests.count <= 8)
        }
    }

    @Test("jobstatus 1e300 is an unexpected response naming the field")
    func hugeJobStatus() throws {
        try Self.withServer({ request in
            request.command == "queryAsyncJobResult"
                ? .json(#"{"queryasyncjobresultresponse":{"jobid":"j1","jobstatus":1e300}}"#)
                : .json(#"{"stopvirtualmachineresponse":{"jobid":"j1"}}"#)
        }) { server in
            let r = try Self.call(server, ["stopVirtualMachine", "id=vm1"])
            #expect(r.exitedNormally)
            #expect(r.status == 3, "\(r.stderr)")
            #expect(r.stderr.contains("jobstatus '1e+300' is not 0, 1, 2 or 3"), "\(r.stderr)")
        }
    }

    // MARK: - Escape sequences

    @Test("names with escape sequences come out visible in every format; JSON decodes to the server's string")
    func hostileNamesInEveryFormat() throws {
        let n = Self.hostileNames.count
        try Self.withServer({ request in
            // Three pages of three so --all-pages joins pages too.
            let page = Int(request.parameters["page"] ?? "1") ?? 1
            let size = Int(request.parameters["pagesize"] ?? "") ?? n
            let start = (page - 1) * size
            return .json(Self.snapshotList(count: String(n), ids: start..<min(n, start + size)))
        }) { server in
            for paging in [["pagesize=\(n)"], ["pagesize=3", "--all-pages"]] {
                let json = try Self.call(server, ["listVMSnapshot"] + paging + ["-o", "json"])
                #expect(json.exitedNormally && json.status == 0, "\(json.stderr)")
                Self.expectTerminalSafe(json.stdout, "-o json")
                let rows = try #require(try JSONParser.parse(json.stdout)["vmSnapshot"]?.arrayValue)
                #expect(rows.compactMap { $0["name"]?.text } == Self.hostileNames)

                let table = try Self.call(server, ["listVMSnapshot"] + paging + ["-o", "table", "--filter", "name,id"])
                #expect(table.exitedNormally && table.status == 0, "\(table.stderr)")
                Self.expectTerminalSafe(table.stdout, "-o table")
                let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == n + 2)
                let idColumn = try #require(lines.first?.range(of: "id")).lowerBound
                let offset = lines.first.map { $0.distance(from: $0.startIndex, to: idColumn) } ?? 0
                for (i, line) in lines.dropFirst(2).enumerated() {
                    #expect(String(line.dropFirst(offset)) == "id-\(i)", "row \(i) is not aligned: \(line.debugDescription)")
                }
                #expect(table.stdout.contains("snap\\e]0;pwned\\u0007"))
                #expect(table.stdout.contains("invoice\\u202efdp.exe"))
                #expect(table.stdout.contains("red\\u009b31m"))

                let csv = try Self.call(server, ["listVMSnapshot"] + paging + ["-o", "csv", "--filter", "id,name"])
                #expect(csv.exitedNormally && csv.status == 0, "\(csv.stderr)")
                Self.expectTerminalSafe(csv.stdout, "-o csv")
                let records = Self.parseCSV(csv.stdout)
                #expect(records.count == n + 1)
                #expect(records.allSatisfy { $0.count == 2 })
                #expect(records.dropFirst().map { $0[0] } == (0..<n).map { "id-\($0)" })
                #expect(records.last?[1] == "plain, \"quoted\"")

                let text = try Self.call(server, ["listVMSnapshot"] + paging + ["-o", "text", "--filter", "name"])
                #expect(text.exitedNormally && text.status == 0, "\(text.stderr)")
                Self.expectTerminalSafe(text.stdout, "-o text")
                #expect(text.stdout.split(separator: "\n").filter { $0.hasPrefix("name = ") }.count == n)
            }
        }
    }

    @Test("the server's errortext reaches stderr visible, not as escape sequences")
    func hostileErrorText() throws {
        let body = #"{"listzonesresponse":{"errorcode":431,"cserrorcode":4350,"errortext":"bad \u001b]0;owned\u0007 \u001b[2J"# + "\u{9B}1m \u{202E}txt.exe" + #""}}"#
        try Self.withServer({ _ in .json(body, status: 431) }) { server in
            let r = try Self.call(server, ["listZones"])
            #expect(r.exitedNormally)
            #expect(r.status == 1)
            Self.expectTerminalSafe(r.stderr, "stderr")
            #expect(r.stderr.contains("bad \\e]0;owned\\u0007 \\e[2J\\u009b1m \\u202etxt.exe"), "\(r.stderr)")
        }
    }

    @Test("a failed job's id and error text reach stderr visible")
    func hostileJobFailure() throws {
        let jobID = "job\u{1B}[2J\u{202E}1"
        try Self.withServer({ request in
            if request.command == "queryAsyncJobResult" {
                return .json(#"{"queryasyncjobresultresponse":{"jobid":\#(Self.jsonString(jobID)),"jobstatus":2,"jobresultcode":530,"jobresult":{"errorcode":530,"errortext":\#(Self.jsonString("failed \u{1B}]0;owned\u{7} \u{9B}2J"))}}}"#)
            }
            return .json(#"{"stopvirtualmachineresponse":{"jobid":\#(Self.jsonString(jobID))}}"#)
        }) { server in
            let r = try Self.call(server, ["stopVirtualMachine", "id=vm1"])
            #expect(r.exitedNormally)
            #expect(r.status == 1, "\(r.stderr)")
            Self.expectTerminalSafe(r.stderr, "stderr")
            #expect(r.stderr.contains("job job\\e[2J\\u202e1 failed: failed \\e]0;owned\\u0007 \\u009b2J"), "\(r.stderr)")
            // The job id went back to the server unchanged: escaping is for the screen, not for the wire.
            #expect(server.requests.last?.parameters["jobid"] == jobID)
        }
    }

    @Test("the job progress line on a terminal shows a hostile job id visibly")
    func hostileProgressLine() throws {
        // The progress line is written only when stderr is a terminal: `script` runs cstui on a pseudo-terminal.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let jobID = "job\u{1B}]0;owned\u{7}\u{9B}2J\u{202E}"
        let polls = PollCounter()
        try Self.withServer({ request in
            guard request.command == "queryAsyncJobResult" else {
                return .json(#"{"stopvirtualmachineresponse":{"jobid":\#(Self.jsonString(jobID))}}"#)
            }
            let status = polls.next() == 1 ? 0 : 1
            return .json(#"{"queryasyncjobresultresponse":{"jobid":\#(Self.jsonString(jobID)),"jobstatus":\#(status),"jobresult":{"success":true}}}"#)
        }) { server in
            let command = ([BinaryRunner.binary, "call", "stopVirtualMachine", "id=vm1", "--url", server.endpoint] + Self.apiKeyFlags)
                .map { "'\($0)'" }.joined(separator: " ")
            let r = try BinaryRunner.run(["-qfec", command, "/dev/null"], executable: "/usr/bin/script")
            #expect(r.exitedNormally)
            #expect(r.status == 0, "\(r.stdout)")
            // cstui's own line erase and the terminal's CR LF are the only controls allowed through.
            let shown = r.stdout.replacingOccurrences(of: "\r\u{1B}[2K", with: "").replacingOccurrences(of: "\r\n", with: "\n")
            Self.expectTerminalSafe(shown, "the terminal")
            #expect(shown.contains("stopVirtualMachine: job job\\e]0;owned\\u0007\\u009b2J\\u202e pending"), "\(shown.debugDescription)")
            #expect(shown.contains("stopVirtualMachine: job job\\e]0;owned\\u0007\\u009b2J\\u202e done in"))
        }
    }

    // MARK: - Not an API answer

    @Test("an HTML proxy page is reported as not API JSON, its text made visible")
    func htmlProxyPage() throws {
        let page = "<html><head><title>502 Bad Gateway</title></head><body>\u{1B}[2J\u{9B}0m proxy</body></html>"
        try Self.withServer({ _ in .answer(status: 502, headers: [("Content-Type", "text/html")], body: page) }) { server in
            let r = try Self.call(server, ["listZones"])
            #expect(r.exitedNormally)
            #expect(r.status == 3, "\(r.stderr)")
            #expect(r.stderr.contains("not CloudStack API JSON"))
            #expect(r.stderr.contains("502 Bad Gateway"))
            Self.expectTerminalSafe(r.stderr, "stderr")
        }
    }

    @Test("a dropped connection is a transport error, exit 3")
    func droppedConnection() throws {
        try Self.withServer({ _ in .drop }) { server in
            for arguments in [["listZones"], ["listZones", "--all-pages", "-o", "table"]] {
                let r = try Self.call(server, arguments)
                #expect(r.exitedNormally)
                #expect(r.status == 3, "\(r.stderr)")
                #expect(r.stderr.contains("cannot reach 127.0.0.1:\(server.port)"), "\(r.stderr)")
            }
        }
    }

    // MARK: - Redirects

    @Test("a redirect is not followed: the second host receives nothing and the error names the Location", arguments: [301, 302, 307, 308])
    func redirectIsNotFollowed(status: Int) throws {
        let second = try HostileServer { _ in .json(#"{"loginresponse":{"sessionkey":"stolen"}}"#) }
        defer { second.stop() }
        let target = "http://127.0.0.1:\(second.port)/client/api"
        try Self.withServer({ _ in .answer(status: status, headers: [("Location", target)], body: "") }) { server in
            let login = try BinaryRunner.run(["call", "listZones", "--url", server.endpoint, "--username", "admin", "--password", "hunter2-secret"])
            #expect(login.exitedNormally)
            #expect(login.status == 3, "\(login.stderr)")
            #expect(login.stderr.contains("HTTP \(status), a redirect to \(target)"), "\(login.stderr)")
            #expect(!login.stderr.contains("hunter2"))
            let signed = try Self.call(server, ["listZones"])
            #expect(signed.status == 3)
            #expect(signed.stderr.contains("a redirect to \(target)"))
            #expect(server.requests.count == 2)
            #expect(server.requests.first?.body.contains("hunter2-secret") == true, "the first host got the login POST")
        }
        #expect(second.requests.isEmpty, "the redirect target received \(second.requests.count) request(s)")
    }

    // Raw C0 bytes cannot travel in a header (the HTTP parser refuses them); C1 and bidi as UTF-8 can.
    @Test("a Location with credentials or control characters is named without them")
    func redirectLocationSanitised() throws {
        try Self.withServer({ _ in .answer(status: 302, headers: [("Location", "http://user:pa55word@127.0.0.1:9/\u{9B}2J\u{202E}x")], body: "") }) { server in
            let r = try Self.call(server, ["listZones"])
            #expect(r.exitedNormally)
            #expect(r.status == 3)
            #expect(!r.stderr.contains("pa55word"), "\(r.stderr)")
            #expect(r.stderr.contains("a redirect to http://127.0.0.1:9/"), "\(r.stderr)")
            Self.expectTerminalSafe(r.stderr, "stderr")
        }
    }

    /// RFC 4180 records: quoted fields may hold commas, doubled quotes and newlines.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var field = "", record: [String] = []
        var quoted = false, wasQuoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty && !wasQuoted {
                quoted = true; wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\n" {
                record.append(field); records.append(record); field = ""; record = []; wasQuoted = false
            } else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}

/// Counts polls across the hostile server's thread.
private final class PollCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock(); defer { lock.unlock() }
        count += 1
        return count
    }
}
