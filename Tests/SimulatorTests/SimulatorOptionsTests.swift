import Foundation
import Simulator
import Testing

/// Options the simulator cannot honour are refused at start with the option and its range named, not trapped on later.
@Suite("Simulator options")
struct SimulatorOptionsTests {
    static let bad: [(SimulatorOptions, String)] = [
        (SimulatorOptions(jobDelay: 1e10...1e10), "--job-delay"),
        (SimulatorOptions(jobDelay: 0...Double.infinity), "--job-delay"),
        (SimulatorOptions(jobDelay: -1...1), "--job-delay"),
        (SimulatorOptions(port: 65536), "--port"),
        (SimulatorOptions(vms: -5), "--vms"),
        (SimulatorOptions(faults: FaultOptions(latency: .nan)), "--latency"),
        (SimulatorOptions(faults: FaultOptions(errorRate: 1.5)), "--error-rate"),
        (SimulatorOptions(faults: FaultOptions(sessionExpiry: .infinity)), "--session-expiry"),
        (SimulatorOptions(faults: FaultOptions(throttle: 0)), "--throttle"),
    ]

    @Test("each out-of-range option is refused by start with a message naming it", arguments: 0..<bad.count)
    func refused(index: Int) async throws {
        let (options, option) = Self.bad[index]
        do {
            let server = try await SimulatorServer.start(options)
            try await server.shutdown()
            Issue.record("\(option): the simulator started")
        } catch let error as SimulatorOptionError {
            #expect(error.option == option)
            #expect(error.description.hasPrefix("\(option) must be"))
        }
    }

    @Test("the defaults and the edges of each range are accepted")
    func accepted() throws {
        try SimulatorOptions().validate()
        try SimulatorOptions(port: 65535, vms: SimulatorOptions.maxVMs, jobDelay: 0...SimulatorOptions.maxJobDelay,
                             faults: FaultOptions(latency: 0, errorRate: 1, sessionExpiry: 1, throttle: 1)).validate()
    }
}
