import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// The shared simulator fixture: a test that fails still leaves no simulator listening behind it.
@Suite("Test simulator fixture")
struct TestSimulatorTests {
    struct Planned: Error {}

    @Test("withSimulator stops the simulator when the test's body throws, and when it returns")
    func stopsOnBothPaths() async throws {
        var failedPort = 0
        await #expect(throws: Planned.self) {
            try await withSimulator(vms: 5) { server in
                failedPort = server.port
                #expect(isListening(onLoopbackPort: server.port))
                _ = try await admin(server).call("listZones")
                throw Planned()
            }
        }
        #expect(failedPort > 0)
        #expect(!isListening(onLoopbackPort: failedPort), "a failed test left its simulator on port \(failedPort)")

        let passedPort = try await withSimulator(vms: 5) { server in
            _ = try await admin(server).call("listZones")
            return server.port
        }
        #expect(!isListening(onLoopbackPort: passedPort), "a passed test left its simulator on port \(passedPort)")
    }
}
