import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// The shared simulator fixture: a test that fails still leaves no simulator listening behind it.
@Suite("Test simulator fixture")
struct TestSimulatorTests {
    struct Planned: Error {}

    /// Whether anything accepts a connection on the loopback port.
    static func listening(_ port: Int) -> Bool {
        do {
            _ = try RawHTTP.send(port: port, method: "GET", target: "/client/api?command=listZones&response=json")
            return true
        } catch {
            return false
        }
    }

    @Test("withSimulator stops the simulator when the test's body throws, and when it returns")
    func stopsOnBothPaths() async throws {
        var failedPort = 0
        await #expect(throws: Planned.self) {
            try await withSimulator(vms: 5) { server in
                failedPort = server.port
                #expect(Self.listening(server.port))
                _ = try await admin(server).call("listZones")
                throw Planned()
            }
        }
        #expect(failedPort > 0)
        #expect(!Self.listening(failedPort), "a failed test left its simulator on port \(failedPort)")

        let passedPort = try await withSimulator(vms: 5) { server in
            _ = try await admin(server).call("listZones")
            return server.port
        }
        #expect(!Self.listening(passedPort), "a passed test left its simulator on port \(passedPort)")
    }
}
