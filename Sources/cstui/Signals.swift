import Dispatch
import Foundation

/// Waiting for SIGINT or SIGTERM without killing the process, so servers can shut down cleanly.
enum Signals {
    static func waitForInterrupt() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let box = SignalBox(continuation)
            for sig in [SIGINT, SIGTERM] {
                signal(sig, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
                source.setEventHandler { box.fire() }
                source.resume()
                box.keep(source)
            }
        }
    }
}

private final class SignalBox: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [DispatchSourceSignal] = []

    init(_ c: CheckedContinuation<Void, Never>) { continuation = c }

    func keep(_ s: DispatchSourceSignal) {
        lock.lock(); sources.append(s); lock.unlock()
    }

    func fire() {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume()
    }
}
