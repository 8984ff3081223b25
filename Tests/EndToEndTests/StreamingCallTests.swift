import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// `cstui call --all-pages` writes rows as pages arrive: what a user piping 100,000 VMs into `less` or a script sees.
@Suite("cstui call --all-pages streams", .serialized)
struct StreamingCallTests {
    /// A server whose pages of two rows differ as real ones do: page 2 has a longer name and a key page 1 lacked,
    /// and page `failing` (if any) is a 530.
    static func pagedServer(failing: Int? = nil) throws -> HostileServer {
        try HostileServer { request in
            let page = Int(request.parameters["page"] ?? "1") ?? 1
            if page == failing {
                return .json(#"{"listvirtualmachinesresponse":{"errorcode":530,"errortext":"database went away"}}"#, status: 530)
            }
            let rows: [String]
            switch page {
            case 1: rows = [#"{"id":"a1","name":"web-1","state":"Running"}"#, #"{"id":"a2","name":"web-2","state":"Stopped"}"#]
            case 2: rows = [#"{"id":"b1","name":"a-much-longer-name-than-page-one","state":"Running","isoid":"iso-9"}"#,
                            #"{"id":"b2","name":"db-1","state":"Running"}"#]
            default: rows = [#"{"id":"c1","name":"last","state":"Error"}"#]
            }
            return .json(#"{"listvirtualmachinesresponse":{"count":5,"virtualmachine":[\#(rows.joined(separator: ","))]}}"#)
        }
    }

    static func call(_ server: HostileServer, _ arguments: [String]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["call", "listVirtualMachines", "pagesize=2", "--all-pages"] + arguments + ["--url", server.endpoint]
                             + HostileServerCallTests.apiKeyFlags)
    }

    @Test("json: the whole answer as one document, exactly as a single answer is printed, rows in page order")
    func json() throws {
        let server = try Self.pagedServer()
        defer { server.stop() }
        let r = try Self.call(server, ["-o", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let parsed = try JSONParser.parse(r.stdout)
        #expect(parsed["count"]?.intValue == 5)
        #expect(parsed["virtualmachine"]?.arrayValue?.compactMap { $0["id"]?.text } == ["a1", "a2", "b1", "b2", "c1"])
        #expect(r.stdout == JSONSerializer.string(parsed, pretty: true) + "\n", "byte for byte the whole-answer layout")
        #expect(r.stderr.isEmpty)
    }

    @Test("table: widths from the first page, a later wider cell shortened with … and both named on stderr")
    func table() throws {
        let server = try Self.pagedServer()
        defer { server.stop() }
        let r = try Self.call(server, ["-o", "table"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7, "header, rule, five rows: \(lines)")
        #expect(lines[0].hasPrefix("id  name   state"))
        #expect(lines[4].hasPrefix("b1  a-mu…  Running"), "cut to the first page's width: \(lines[4])")
        #expect(Set(lines.dropFirst(2).map { $0.count <= lines[0].count + 4 }) == [true], "aligned")
        #expect(r.stderr.contains("1 cell was wider than the first page's column"))
        #expect(r.stderr.contains("isoid"), "the key page 1 lacked is named: \(r.stderr)")
    }

    @Test("csv: every row, columns of the first page, a later key named on stderr; --filter chooses the columns")
    func csv() throws {
        let server = try Self.pagedServer()
        defer { server.stop() }
        let r = try Self.call(server, ["-o", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "id,name,state\na1,web-1,Running\na2,web-2,Stopped\nb1,a-much-longer-name-than-page-one,Running\nb2,db-1,Running\nc1,last,Error\n")
        #expect(r.stderr.contains("appeared only after the first page") && r.stderr.contains("isoid") && r.stderr.contains("--filter"))
        let chosen = try Self.call(server, ["-o", "csv", "--filter", "id,isoid"])
        #expect(chosen.stdout == "id,isoid\na1,\na2,\nb1,iso-9\nb2,\nc1,\n")
        #expect(chosen.stderr.isEmpty, "\(chosen.stderr)")
    }

    @Test("a page that fails part-way: the rows before it are out, the failure is named, the exit status says so")
    func failurePartWay() throws {
        let server = try Self.pagedServer(failing: 3)
        defer { server.stop() }
        let r = try Self.call(server, ["-o", "csv", "--filter", "id", "--parallel", "1"])
        #expect(r.exitedNormally)
        #expect(r.status == 1)
        #expect(r.stdout == "id\na1\na2\nb1\nb2\n")
        #expect(r.stderr.contains("database went away"))
    }

    @Test("--parallel outside 1-32 is refused before anything is sent")
    func parallelRange() throws {
        let server = try Self.pagedServer()
        defer { server.stop() }
        for bad in ["0", "33"] {
            let r = try Self.call(server, ["--parallel", bad])
            #expect(r.status == 64 || r.status == 2, "\(r.status) \(r.stderr)")
            #expect(r.stderr.contains("--parallel must be 1-32"))
        }
        #expect(server.requests.isEmpty)
    }

    @Test("rows reach the pipe after the first page, while later pages are still on their way")
    func firstRowsEarly() async throws {
        var options = SimulatorOptions()
        options.vms = 2000
        options.seed = 42
        options.faults = FaultOptions(latency: 0.25)
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
            // 20 pages one at a time at 0.25 s each: about 5 s in all.
            process.arguments = ["call", "listVirtualMachines", "listall=true", "pagesize=100", "--parallel", "1", "--all-pages", "-o", "csv", "--filter", "id"]
            var env = ProcessInfo.processInfo.environment
            env["CLOUDSTACK_ENDPOINT"] = server.endpoint
            env["CLOUDSTACK_KEY"] = admin.apiKey
            env["CLOUDSTACK_SECRET"] = admin.secretKey
            env["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-home-\(UUID().uuidString)").path
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            var received = Data()
            while received.split(separator: UInt8(ascii: "\n")).count < 101 {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                received.append(chunk)
            }
            #expect(received.split(separator: UInt8(ascii: "\n")).count >= 101, "the header and the first page's 100 ids")
            #expect(process.isRunning, "the first page was written before the last one arrived")
            received.append(out.fileHandleForReading.readDataToEndOfFile())
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(received.split(separator: UInt8(ascii: "\n")).count == 2001)
        }
    }
}
