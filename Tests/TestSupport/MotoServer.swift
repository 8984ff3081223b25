import Foundation
import S3Check
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// moto's S3 server (`python3 -m moto.server`) on a free loopback port, stopped by its PID.
public final class MotoServer: @unchecked Sendable {
    public let port: Int
    let process: Process
    let logFile: String

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts moto and waits until it answers S3 requests; throws (the test fails) when it cannot.
    public static func start() async throws -> MotoServer {
        let port = try freePort()
        let log = (NSTemporaryDirectory() as NSString).appendingPathComponent("cstui-moto-\(port).log")
        FileManager.default.createFile(atPath: log, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: log) else {
            throw StartFailure(description: "cannot open \(log) for moto's output")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = handle
        process.standardError = handle
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONUNBUFFERED"] = "1"
        process.environment = environment
        do {
            try process.run()
        } catch {
            throw StartFailure(description: "moto could not be started (python3 -m moto.server; install moto[server]): \(error)")
        }
        let server = MotoServer(port: port, process: process, logFile: log)
        let client = S3Client(endpoint: S3Endpoint(scheme: "http", host: "127.0.0.1", port: port, pathStyle: true),
                              credentials: S3Credentials(accessKey: "probe", secretKey: "probe-secret"),
                              region: "us-east-1", timeoutSeconds: 5)
        let deadline = Date().addingTimeInterval(45)
        var answered = false
        while Date() < deadline && process.isRunning && !answered {
            answered = await answers(client)
            if !answered { try? await Task.sleep(nanoseconds: 200_000_000) }
        }
        await client.shutdown()
        if answered { return server }
        if !process.isRunning {
            let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw StartFailure(description: "moto exited with status \(process.terminationStatus) before answering; output:\n\(output)")
        }
        server.stop()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        throw StartFailure(description: "moto did not answer on port \(port) within 45 s; output:\n\(output)")
    }

    /// Any HTTP answer, even an S3 error, means the server is up; only a transport failure means not yet.
    private static func answers(_ client: S3Client) async -> Bool {
        let result: Result<[String], S3Error>
        do throws(S3Error) { result = .success(try await client.listBuckets()) } catch { result = .failure(error) }
        if case let .failure(error) = result, case .transport = error { return false }
        return true
    }

    private init(port: Int, process: Process, logFile: String) {
        self.port = port
        self.process = process
        self.logFile = logFile
    }

    /// Stops this server by its PID and waits for it to exit.
    public func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A loopback TCP port nobody listens on right now (bound to port 0, read back, closed).
    public static func freePort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw StartFailure(description: "socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw StartFailure(description: "bind() failed: errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw StartFailure(description: "getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
