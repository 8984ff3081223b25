import Dispatch
import Foundation

/// Catching SIGINT, SIGTERM and SIGHUP without killing the process, so servers can shut down cleanly (and save
/// their state) whether stopped by Ctrl-C, `kill`, or the terminal they ran in closing.
enum Signals {
    static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Starts catching the stop signals now; one that arrives before `wait()` is kept, not lost.
    static func catchStopping() -> StopSignals {
        let catcher = StopSignals()
        for sig in stopping {
            // Dispatch delivers the signal to the source; the default action (exit) must be off for that.
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { catcher.received(sig) }
            source.resume()
            catcher.keep(source)
        }
        return catcher
    }

    static func name(_ sig: Int32) -> String {
        switch sig {
        case SIGINT: return "SIGINT"
        case SIGTERM: return "SIGTERM"
        case SIGHUP: return "SIGHUP"
        default: return "signal \(sig)"
        }
    }
}

/// The stop signals caught so far; `wait()` returns the first.
final class StopSignals: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Int32?
    private var waiting: CheckedContinuation<Int32, Never>?
    private var sources: [DispatchSourceSignal] = []

    fileprivate func keep(_ s: DispatchSourceSignal) {
        lock.withLock { sources.append(s) }
    }

    fileprivate func received(_ sig: Int32) {
        let resume = lock.withLock { () -> CheckedContinuation<Int32, Never>? in
            if first == nil { first = sig }
            defer { waiting = nil }
            return waiting
        }
        resume?.resume(returning: sig)
    }

    /// Returns the first stop signal, waiting for one if none came yet.
    func wait() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let already = lock.withLock { () -> Int32? in
                if let first { return first }
                waiting = continuation
                return nil
            }
            if let already { continuation.resume(returning: already) }
        }
    }
}
