import Foundation

/// Runs the built `cstui` like BinaryRunner, and also says how it ended: a trap (SIGILL, SIGTRAP) is a crash
/// whatever number it leaves in terminationStatus, so hostile-input tests check the reason, not just the code.
enum SignalAwareRunner {
    struct Result {
        var reason: Process.TerminationReason
        var status: Int32
        var stdout: String
        var stderr: String
        var exitedNormally: Bool { reason == .exit }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 60,
                    executable: String = BinaryRunner.binary) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["CLOUDSTACK_ENDPOINT", "CLOUDSTACK_KEY", "CLOUDSTACK_SECRET"] { env[key] = nil }
        env["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-home-\(UUID().uuidString)").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            group.wait()
        }
        process.waitUntilExit()
        return Result(reason: process.terminationReason, status: process.terminationStatus,
                      stdout: String(decoding: outData.data, as: UTF8.self), stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class Collected: @unchecked Sendable {
    var data = Data()
}
