import Foundation
import Simulator
import Testing
import TestSupport

/// `cstui sync` caches listApis; bash then completes `cstui call`'s API names and the parameters of that command.
@Suite("Shell completion", .serialized)
struct CompletionTests {
    /// What bash offers for `line` (the words as typed; a trailing space starts a new word), with `script` sourced.
    static func complete(_ line: String, script: String, environment: [String: String]) throws -> [String] {
        let driver = """
        source "$1"
        COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$2"
        [[ "$2" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        _cstui
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", driver, "bash", script, line]
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test("after cstui sync, bash completes API names and a command's parameter names (name=) from the cache")
    func bashCompletion() async throws {
        var options = SimulatorOptions()
        options.vms = 10
        try await TestSimulator.with(options) { server in
            let admin = server.credentials.admin
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-compl-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            var env = ["CLOUDSTACK_ENDPOINT": server.endpoint, "CLOUDSTACK_KEY": admin.apiKey, "CLOUDSTACK_SECRET": admin.secretKey,
                       "HOME": home, "XDG_CACHE_HOME": home + "/cache"]
            // Before sync there is nothing to complete from.
            let script = home + "/cstui.bash"
            let generated = try BinaryRunner.run(["--generate-completion-script", "bash"], environment: env)
            #expect(generated.status == 0)
            try generated.stdout.write(toFile: script, atomically: true, encoding: .utf8)
            env["PATH"] = "/usr/bin:/bin"
            let binary = BinaryRunner.binary
            #expect(try Self.complete("\(binary) call listV", script: script, environment: env).isEmpty)
            let sync = try BinaryRunner.run(["sync"], environment: env)
            #expect(sync.status == 0, "\(sync.stderr)")
            #expect(sync.stdout.contains("APIs of profile default"))
            let cacheFile = home + "/cache/cstui/default.json"
            #expect(FileManager.default.fileExists(atPath: cacheFile))
            #expect(try FileManager.default.attributesOfItem(atPath: cacheFile)[.posixPermissions] as? Int == 0o600)
            // No secret in the cache.
            let cached = try String(contentsOfFile: cacheFile, encoding: .utf8)
            #expect(!cached.contains(admin.secretKey) && !cached.contains(admin.apiKey))

            let names = try Self.complete("\(binary) call listV", script: script, environment: env)
            #expect(names.contains("listVirtualMachines"))
            #expect(names.contains("listVolumes"))
            #expect(names.allSatisfy { $0.lowercased().hasPrefix("listv") })
            let params = try Self.complete("\(binary) call listVirtualMachines zon", script: script, environment: env)
            #expect(params == ["zoneid="])
            // A parameter already given is not offered again.
            let more = try Self.complete("\(binary) call listVirtualMachines zoneid=x st", script: script, environment: env)
            #expect(more.contains("state="))
            #expect(!more.contains("zoneid="))
        }
    }
}
