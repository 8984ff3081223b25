import Foundation
import Testing
@testable import CloudStack

/// Mutated cmk config files through the INI reader and ProfileResolver: nothing traps, and no error message
/// ever carries a secret key or password.
@Suite("Fuzzing config files")
struct ConfigFuzzTests {
    static let seedSecrets = ["SEEDSECRETvalue", "SEEDPASSWORDvalue"]

    @Test("INI reader and ProfileResolver never trap and never quote a secret")
    func configFiles() throws {
        let base = Corpus.cmkConfig
        let seeds = [base, base.replacingOccurrences(of: "\n", with: "\r\n"), "\u{FEFF}" + base].map { Array($0.utf8) }
        let mutator = Mutator(corpus: seeds)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("config").path
        var resolved = 0
        FuzzBudget("config files", iterations: 8000, seed: 0x5EED_0003).run { rng, i in
            let bytes = mutator.mutate(rng.pick(seeds), &rng)
            FuzzBudget.record(bytes, target: "config")
            guard let text = ProfileResolver.decodeText(bytes) else { return }
            let ini: INIFile
            do {
                ini = try INIFile.parse(text, path: "config")
            } catch {
                // Reader errors name the file and line, never a value.
                let message = "\(error)"
                for secret in Self.seedSecrets { #expect(!message.contains(secret), "\(message)") }
                return
            }
            // Writing a file costs more than parsing: resolve one input in eight.
            guard i % 8 == 0 else { return }
            let secrets = Self.secrets(in: ini)
            FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
            let resolver = ProfileResolver(configPath: path, environment: [:])
            _ = resolver.permissionWarning()
            do {
                let profile = try resolver.resolve()
                #expect(!profile.configuration.jobTimeout.isNaN)
                resolved += 1
            } catch {
                let message = "\(error)".replacingOccurrences(of: path, with: "")
                for secret in secrets { #expect(!message.contains(secret), "\(message)") }
                #expect(TerminalSafe.isClean(message), "\(message.debugDescription)")
            }
        }
        #expect(resolved > 0)
    }

    /// Secret values long enough that finding one in a message cannot be chance (short mutated ones could be).
    static func secrets(in ini: INIFile) -> [String] {
        var values = Array(ini.core.filter { ["secretkey", "password"].contains($0.key) }.values)
        for section in ini.sections { values += section.values.filter { ["secretkey", "password"].contains($0.key) }.values }
        return values.filter { $0.count >= 12 || seedSecrets.contains($0) }
    }
}
