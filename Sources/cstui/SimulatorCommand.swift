import ArgumentParser
import CloudStack
import Foundation
import Simulator

/// `cstui simulator`: the embedded management server on 127.0.0.1 until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Serve a simulated CloudStack management server on 127.0.0.1.",
        discussion: "Prints an admin's and a user's credentials at start; they are the same for the same --seed."
    )

    @Option(name: .long, help: "TCP port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8080

    @Option(name: .long, help: "Number of virtual machines in the inventory.")
    var vms: Int = 2000

    @Option(name: .long, help: "Seed of the inventory and of the accounts' keys.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "JSON file to load the inventory from at start and save it to at exit.")
    var state: String?

    @Option(name: .customLong("print-credentials-json"), help: "Write both accounts' credentials as JSON to this file.")
    var credentialsFile: String?

    @Option(name: .customLong("job-delay"), help: "Seconds an async job takes, as MIN-MAX (default 1-3).")
    var jobDelay: String = "1-3"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0-65535") }
        guard vms >= 0 else { throw ValidationError("--vms must not be negative") }
        guard parsedDelay() != nil else { throw ValidationError("--job-delay must look like 1-3 or 0.5") }
    }

    func parsedDelay() -> ClosedRange<Double>? {
        let parts = jobDelay.split(separator: "-").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 1, let a = parts[0], a >= 0 { return a...a }
        if parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, b >= a { return a...b }
        return nil
    }

    func run() async throws {
        var options = SimulatorOptions()
        options.port = port
        options.vms = vms
        options.seed = seed
        options.statePath = state
        options.jobDelay = parsedDelay() ?? 1...3
        let server: SimulatorServer
        do {
            server = try await SimulatorServer.start(options)
        } catch {
            Terminal.warn("cstui simulator: cannot start on 127.0.0.1:\(port): \(error)")
            throw ExitCode(1)
        }
        let c = server.credentials
        Terminal.out("""
        CloudStack simulator listening on \(server.endpoint)  (\(vms) VMs, seed \(seed))

          admin  username \(c.admin.username)  password \(c.admin.password)  domain \(c.admin.domain)
                 apikey \(c.admin.apiKey)
                 secretkey \(c.admin.secretKey)
          user   username \(c.user.username)  password \(c.user.password)  domain \(c.user.domain)
                 apikey \(c.user.apiKey)
                 secretkey \(c.user.secretKey)

        Try: CLOUDSTACK_ENDPOINT=\(server.endpoint) CLOUDSTACK_KEY=\(c.admin.apiKey) CLOUDSTACK_SECRET=… cstui call listZones
        Ctrl-C stops it.

        """)
        if let file = credentialsFile {
            do {
                let data = try JSONEncoder().encode(c)
                try data.write(to: URL(fileURLWithPath: file))
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            } catch {
                Terminal.warn("cstui simulator: cannot write \(file): \(error)")
                try? await server.shutdown()
                throw ExitCode(1)
            }
        }
        await Signals.waitForInterrupt()
        Terminal.warn("stopping")
        try? await server.shutdown()
    }
}
