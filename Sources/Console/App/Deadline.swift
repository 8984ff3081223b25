import Foundation

/// Waiting for work at most so long: the caller goes on when the time is up, the work is left to finish or die
/// with the process. For leaving on a signal, where a logout must not hold the exit up behind a dead server.
public enum Deadline {
    /// Runs `work`; true when it finished within `seconds`, false when the time ran out first.
    public static func run(seconds: Double, _ work: @escaping @Sendable () async -> Void) async -> Bool {
        let once = Once()
        return await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, min(seconds, 3600)) * 1_000_000_000))
                if once.claim() { done.resume(returning: false) }
            }
            Task {
                await work()
                timer.cancel()
                if once.claim() { done.resume(returning: true) }
            }
        }
    }
}

/// True for the first caller only.
private final class Once: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }
}
