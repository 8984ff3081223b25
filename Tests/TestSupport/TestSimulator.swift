import CloudStack
import Simulator

/// Starts the project's simulator for one test and stops it when the test's body ends, whether it passed or threw.
public enum TestSimulator {
    /// Runs `body` against a simulator started with `options`, then closes every client made for it with
    /// `client(_:_:configure:)` and shuts it down, waiting for both, also when `body` throws.
    public static func with<T>(_ options: SimulatorOptions, _ body: (SimulatorServer) async throws -> T) async throws -> T {
        let server = try await SimulatorServer.start(options)
        let result: T
        do {
            result = try await body(server)
        } catch {
            await stop(server)
            throw error
        }
        // A state file that cannot be saved at shutdown is the test's failure when the body passed.
        await ClientRegistry.closeAll(port: server.port)
        try await server.shutdown()
        return result
    }

    /// Closes the clients made for `server` and shuts it down, on a path that is already failing.
    static func stop(_ server: SimulatorServer) async {
        await ClientRegistry.closeAll(port: server.port)
        try? await server.shutdown()
    }
}

/// A small seeded simulator with quick jobs for one test (`withSimulator { server in … }`), stopped afterwards.
public func withSimulator<T>(vms: Int = 300, seed: UInt64 = 7, faults: FaultOptions = FaultOptions(), statePath: String? = nil,
                             jobDelay: ClosedRange<Double> = 0.05...0.2, _ body: (SimulatorServer) async throws -> T) async throws -> T {
    try await TestSimulator.with(SimulatorOptions(vms: vms, seed: seed, statePath: statePath, jobDelay: jobDelay, faults: faults), body)
}
