import Foundation
import Simulator
import Testing

/// `cstui simulator` as a user runs it: option checks, signals, and the files it writes with secrets in them.
@Suite("cstui simulator command", .serialized)
struct SimulatorCommandTests {
    @Test("out-of-range numeric options are refused with a message naming the option and the allowed range",
          arguments: [
              (["--job-delay", "1e10"], "--job-delay"),
              (["--job-delay", "nan"], "--job-delay"),
              (["--job-delay", "inf"], "--job-delay"),
              (["--job-delay", "0.5-1e300"], "--job-delay"),
              (["--job-delay", "3-1"], "--job-delay"),
              (["--vms", "5000000"], "--vms"),
              (["--port", "70000"], "--port"),
              (["--latency", "2-1"], "--latency"),
              (["--latency", "fast"], "--latency"),
              (["--latency", "1e9"], "--latency"),
              (["--error-rate", "1.5"], "--error-rate"),
              (["--drop-rate=-0.1"], "--drop-rate"),
              (["--html-rate", "nan"], "--html-rate"),
              (["--malformed-rate", "2"], "--malformed-rate"),
              (["--throttle", "0/s"], "--throttle"),
              (["--throttle", "lots"], "--throttle"),
              (["--session-expiry", "1e9"], "--session-expiry"),
          ])
    func badOptions(arguments: [String], option: String) throws {
        // A short timeout: the old simulator accepted --job-delay 1e10 and simply kept running.
        let r = try BinaryRunner.run(["simulator", "--port", "0"] + arguments, timeout: 20)
        #expect(r.status == 64, "a usage error, not a start and not a crash")
        #expect(r.stderr.contains("\(option) must be"))
        #expect(r.stderr.contains("got"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test("fault options from the command line: the banner names them and the server misbehaves as asked")
    func faultOptions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let creds = dir.appendingPathComponent("creds.json").path
        let sim = try SimulatorProcess(["--vms", "50", "--latency", "0.3-0.4", "--html-rate", "1", "--print-credentials-json", creds])
        try sim.waitForCredentials()
        #expect(sim.output.contains("faults: latency 0.3-0.4 s, HTML pages 1.0"), "\(sim.output)")
        let account = try JSONDecoder().decode(SimulatorCredentials.self, from: Data(contentsOf: URL(fileURLWithPath: creds))).admin
        let endpoint = sim.output.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init) ?? ""
        let started = Date()
        let r = try BinaryRunner.run(["call", "listZones"], environment: ["CLOUDSTACK_ENDPOINT": endpoint, "CLOUDSTACK_KEY": account.apiKey,
                                                                          "CLOUDSTACK_SECRET": account.secretKey])
        #expect(Date().timeIntervalSince(started) >= 0.3, "the latency was applied")
        #expect(r.status == 3, "an HTML page is not API JSON: \(r.stderr)")
        #expect(r.stderr.contains("502"))
        kill(sim.pid, SIGTERM)
        _ = try sim.waitForExit(timeout: 30)
    }

    @Test("run by a user without privileges, the simulator answers (a socket option that needs CAP_NET_ADMIN once reset every connection)")
    func unprivileged() throws {
        // As root, drop to nobody with no capabilities, as an operator's own account runs it; as anyone else, run it as is.
        // nobody may not reach the build folder (a clone under /root), so it runs a copy in a world-readable folder.
        var binary = BinaryRunner.binary
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-nobody-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        if getuid() == 0 {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            let copy = dir.appendingPathComponent("cstui")
            try FileManager.default.copyItem(atPath: binary, toPath: copy.path)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
            binary = copy.path
        }
        let process = Process()
        var arguments = ["simulator", "--port", "0", "--vms", "20"]
        if getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
        }
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var banner = ""
        let deadline = Date().addingTimeInterval(60)
        while !banner.contains("/client/api"), Date() < deadline, process.isRunning {
            banner += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        }
        let endpoint = try #require(banner.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init), "\(banner)")
        // A request without credentials: the server's own 401, not a reset connection.
        let r = try BinaryRunner.run(["call", "listZones"], environment: ["CLOUDSTACK_ENDPOINT": endpoint, "CLOUDSTACK_KEY": "nobody", "CLOUDSTACK_SECRET": "x"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("401") && !r.stderr.contains("cannot reach"), "\(r.stderr)")
    }

    @Test("SIGHUP, like SIGINT and SIGTERM, saves --state, and the state file is 0600", arguments: [SIGHUP, SIGTERM, SIGINT])
    func savesStateOnSignal(signal: Int32) throws {
        let dir = try Scratch()
        let state = dir.path("state.json")
        let sim = try SimulatorProcess(["--vms", "20", "--state", state, "--print-credentials-json", dir.path("creds.json")])
        try sim.waitForCredentials()
        #expect(kill(sim.pid, signal) == 0)
        let status = try sim.waitForExit(timeout: 20)
        #expect(status == 0)
        #expect(FileManager.default.fileExists(atPath: state), "the inventory was saved")
        #expect(try Scratch.mode(state) == 0o600, "it holds passwords and keys")
        // What was saved loads again: another seed would make other keys, so the same keys mean the file was used.
        let again = try SimulatorProcess(["--vms", "0", "--seed", "99", "--state", state, "--print-credentials-json", dir.path("creds2.json")])
        try again.waitForCredentials()
        kill(again.pid, SIGTERM)
        #expect(try again.waitForExit(timeout: 20) == 0)
        let first = try JSONDecoder().decode(SimulatorCredentials.self, from: Data(contentsOf: dir.url.appendingPathComponent("creds.json")))
        let loaded = try JSONDecoder().decode(SimulatorCredentials.self, from: Data(contentsOf: dir.url.appendingPathComponent("creds2.json")))
        #expect(loaded == first)
    }

    @Test("--print-credentials-json replaces a symlink at its path with a new 0600 file; the link's target is untouched")
    func credentialsDoNotFollowSymlink() throws {
        let dir = try Scratch()
        let victim = dir.path("victim")
        try "untouched\n".write(toFile: victim, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: victim)
        let creds = dir.path("creds.json")
        try FileManager.default.createSymbolicLink(atPath: creds, withDestinationPath: victim)
        let sim = try SimulatorProcess(["--vms", "5", "--print-credentials-json", creds])
        try sim.waitForCredentials(at: creds)
        kill(sim.pid, SIGTERM)
        _ = try sim.waitForExit(timeout: 20)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "untouched\n")
        #expect(try Scratch.mode(victim) == 0o644)
        let type = try FileManager.default.attributesOfItem(atPath: creds)[.type] as? FileAttributeType
        #expect(type == .typeRegular, "the link itself was replaced by a plain file")
        #expect(try Scratch.mode(creds) == 0o600)
        let json = try String(contentsOfFile: creds, encoding: .utf8)
        #expect(json.contains("secretKey"))
    }
}

/// A temporary directory for one test.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-simcmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The permission bits of the file itself (not of a link's target).
    static func mode(_ path: String) throws -> Int {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw TmuxError(text: "lstat \(path) failed") }
        return Int(info.st_mode) & 0o777
    }
}

/// `cstui simulator` running in the background, for tests that signal it.
final class SimulatorProcess {
    let process = Process()
    private let out = Pipe()
    private let collected = OutputBox()
    private let credentials: String?

    var pid: pid_t { process.processIdentifier }
    var output: String { collected.text }

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binary)
        process.arguments = ["simulator", "--port", "0", "--job-delay", "0.1"] + arguments
        credentials = arguments.firstIndex(of: "--print-credentials-json").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        let box = collected
        out.fileHandleForReading.readabilityHandler = { handle in box.append(handle.availableData) }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        out.fileHandleForReading.readabilityHandler = nil
    }

    /// Waits until the credentials file holds JSON: the server is listening and its signal handlers are in place.
    func waitForCredentials(at path: String? = nil, timeout: Double = 60) throws {
        let path = path ?? credentials ?? ""
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // The file is written after the signal handlers are in place, so a signal sent now is caught.
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.contains("secretKey") { return }
            if !process.isRunning { throw TmuxError(text: "the simulator exited early: \(output)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxError(text: "no credentials at \(path) after \(Int(timeout)) s; output: \(output)")
    }

    func waitForExit(timeout: Double) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning {
            process.terminate()
            throw TmuxError(text: "the simulator did not exit within \(Int(timeout)) s; output: \(output)")
        }
        return process.terminationStatus
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}
