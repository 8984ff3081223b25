import Foundation

/// How long one fuzz target runs: a fixed number of iterations by default (deterministic, a few seconds in a debug
/// build), or for CSTUI_FUZZ_SECONDS seconds per target when set. CSTUI_FUZZ_SEED replaces the fixed seed.
struct FuzzBudget {
    let iterations: Int
    let deadline: Date?
    let seed: UInt64
    let name: String

    init(_ name: String, iterations: Int, seed: UInt64) {
        let env = ProcessInfo.processInfo.environment
        self.name = name
        self.iterations = iterations
        self.seed = env["CSTUI_FUZZ_SEED"].flatMap { UInt64($0) } ?? seed
        if let seconds = env["CSTUI_FUZZ_SECONDS"].flatMap(Double.init), seconds.isFinite, seconds > 0 {
            deadline = Date().addingTimeInterval(seconds)
        } else {
            deadline = nil
        }
    }

    /// Where each input is written before it is tried (CSTUI_FUZZ_LAST), so the input of a crash can be replayed.
    static let lastInputPath = ProcessInfo.processInfo.environment["CSTUI_FUZZ_LAST"]

    /// Saves `bytes` as the current input when CSTUI_FUZZ_LAST is set.
    static func record(_ bytes: [UInt8], target: String) {
        guard let path = lastInputPath else { return }
        FileManager.default.createFile(atPath: path + "." + target, contents: Data(bytes))
    }

    /// Whether iteration `i` (counting from 0) should run.
    func allows(_ i: Int) -> Bool {
        if let deadline { return i < iterations || Date() < deadline }
        return i < iterations
    }

    /// Runs `body` once per allowed iteration and reports how many ran, so a longer run leaves a record.
    func run(_ body: (inout SplitMix64, Int) throws -> Void) rethrows {
        var rng = SplitMix64(seed: seed)
        var i = 0
        let start = Date()
        while allows(i) {
            try body(&rng, i)
            i += 1
        }
        let line = "fuzz \(name): \(i) iterations, seed \(seed), \(String(format: "%.1f", Date().timeIntervalSince(start))) s\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
