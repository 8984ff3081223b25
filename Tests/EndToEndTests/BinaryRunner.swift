import Foundation

/// Runs the built `cstui` binary, as a user would from the shell.
struct BinaryRunner {
    struct Result {
        /// How it ended: a trap (SIGILL, SIGTRAP) is a crash whatever number it leaves in `status`, so hostile-input
        /// tests check the reason, not just the code.
        var reason: Process.TerminationReason = .exit
        var status: Int32
        var stdout: String
        var stderr: String
        var exitedNormally: Bool { reason == .exit }
    }

    /// `.build/<config>/cstui`, beside the test bundle SwiftPM built with it.
    static let binary: String = {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("cstui").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cstui").path
    }()

    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 60,
                    executable: String = binary) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        // Nothing of the tester's own: no credentials, and config, state (history) and caches under the temporary HOME.
        for key in ["CLOUDSTACK_ENDPOINT", "CLOUDSTACK_KEY", "CLOUDSTACK_SECRET", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                    "CSTUI_PLUGINS", "CSTUI_THEMES"] { env[key] = nil }
        env["HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-home-\(UUID().uuidString)").path
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a large output cannot block the child.
        let outData = ReadBox(), errData = ReadBox()
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
                      stdout: String(decoding: outData.data, as: UTF8.self),
                      stderr: String(decoding: errData.data, as: UTF8.self))
    }
}

private final class ReadBox: @unchecked Sendable {
    var data = Data()
}
