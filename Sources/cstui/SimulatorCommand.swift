import ArgumentParser
import CloudStack
import Foundation
import Simulator

/// `cstui simulator`: the embedded management server on 127.0.0.1 until interrupted.
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Serve a simulated CloudStack management server on 127.0.0.1.",
        discussion: "Prints an admin's and a user's credentials at start; they are the same for the same --seed. SIGINT, SIGTERM and SIGHUP stop it (saving --state)."
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

    // A misbehaving server on demand, to try scripts and the console against what real ones do.
    @Option(name: .long, help: "Seconds added before every answer, as MIN-MAX or one number (e.g. 0.1 or 0.05-0.3).")
    var latency: String = "0"

    @Option(name: .customLong("error-rate"), help: "Share of requests (0-1) answered 530 with an internal-error envelope.")
    var errorRate: Double = 0

    @Option(name: .customLong("drop-rate"), help: "Share of requests (0-1) whose connection is closed without an answer.")
    var dropRate: Double = 0

    @Option(name: .customLong("malformed-rate"), help: "Share of answers (0-1) whose JSON is cut off halfway.")
    var malformedRate: Double = 0

    @Option(name: .customLong("html-rate"), help: "Share of requests (0-1) answered by a fake proxy: 502 with an HTML page.")
    var htmlRate: Double = 0

    @Option(name: .long, help: "At most N requests per second (N or N/s); the rest are refused with 429.")
    var throttle: String?

    @Option(name: .customLong("session-expiry"), help: "Seconds after which a login session is refused with 401.")
    var sessionExpiry: Double?

    func validate() throws {
        // Every numeric option is checked where the simulator defines its limits, so the library and the
        // command line refuse the same values with the same message.
        do {
            try simulatorOptions().validate()
        } catch {
            var shown = error
            if shown.option == "--job-delay" { shown.given = jobDelay }  // as typed, not as parsed
            if shown.option == "--latency" { shown.given = latency }
            throw ValidationError(shown.description)
        }
    }

    /// MIN-MAX or one number, in seconds; nil when it is neither, or when MIN > MAX or either is NaN (a range
    /// cannot even be formed from those). Range checks are `SimulatorOptions.validate`'s.
    func parsedDelay() -> ClosedRange<Double>? { Self.seconds(jobDelay) }

    static func seconds(_ text: String) -> ClosedRange<Double>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let bounds: (Double, Double)
        if parts.count == 1, let a = parts[0] {
            bounds = (a, a)
        } else if parts.count == 2, let a = parts[0], let b = parts[1] {
            bounds = (a, b)
        } else {
            return nil
        }
        guard !bounds.0.isNaN, !bounds.1.isNaN, bounds.0 <= bounds.1 else { return nil }
        return bounds.0...bounds.1
    }

    /// The options as given; throws when --job-delay is not a number or a MIN-MAX pair.
    func simulatorOptions() throws(SimulatorOptionError) -> SimulatorOptions {
        guard let delay = parsedDelay() else {
            throw SimulatorOptionError(option: "--job-delay", given: jobDelay,
                                       allowed: "seconds between 0 and \(Int(SimulatorOptions.maxJobDelay)), as MIN-MAX (MIN <= MAX) or one number, e.g. 1-3 or 0.5")
        }
        guard let latencyRange = Self.seconds(latency) else {
            throw SimulatorOptionError(option: "--latency", given: latency,
                                       allowed: "seconds between 0 and \(Int(SimulatorOptions.maxLatency)), as MIN-MAX (MIN <= MAX) or one number, e.g. 0.1 or 0.05-0.3")
        }
        var throttlePerSecond: Int?
        if let throttle {
            let digits = throttle.hasSuffix("/s") ? String(throttle.dropLast(2)) : throttle
            guard let n = Int(digits.trimmingCharacters(in: .whitespaces)) else {
                throw SimulatorOptionError(option: "--throttle", given: throttle, allowed: "a whole number of requests per second, as N or N/s")
            }
            throttlePerSecond = n
        }
        var options = SimulatorOptions()
        options.faults = FaultOptions(latency: latencyRange.lowerBound,
                                      latencyMax: latencyRange.upperBound > latencyRange.lowerBound ? latencyRange.upperBound : nil,
                                      errorRate: errorRate, dropRate: dropRate, malformedRate: malformedRate, htmlProxyRate: htmlRate,
                                      sessionExpiry: sessionExpiry, throttle: throttlePerSecond)
        options.port = port
        options.vms = vms
        options.seed = seed
        options.statePath = state
        options.jobDelay = delay
        return options
    }

    /// The faults asked for, on a line of their own, so nobody mistakes a slow simulator for a slow cstui.
    func faultsLine() -> String {
        var parts: [String] = []
        if latency != "0" { parts.append("latency \(latency) s") }
        for (name, rate) in [("errors", errorRate), ("dropped", dropRate), ("malformed", malformedRate), ("HTML pages", htmlRate)] where rate > 0 {
            parts.append("\(name) \(rate)")
        }
        if let throttle { parts.append("throttled at \(throttle.hasSuffix("/s") ? throttle : throttle + "/s")") }
        if let sessionExpiry { parts.append("sessions expire after \(sessionExpiry) s") }
        return parts.isEmpty ? "" : "\n  faults: " + parts.joined(separator: ", ")
    }

    func run() async throws {
        // Caught from the start, so a signal during start-up still ends in a clean shutdown that saves --state.
        let stop = Signals.catchStopping()
        let server: SimulatorServer
        do {
            server = try await SimulatorServer.start(try simulatorOptions())
        } catch {
            Terminal.warn("cstui simulator: cannot start on 127.0.0.1:\(port): \(error)")
            throw ExitCode(1)
        }
        let c = server.credentials
        Terminal.out("""
        CloudStack simulator listening on \(server.endpoint)  (\(vms) VMs, seed \(seed))\(faultsLine())

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
            // A new 0600 file replaces whatever is at the path; a symlink there is replaced, never followed, so a
            // link planted in a shared directory cannot make the simulator write secrets into its target.
            do {
                try PrivateFile.write(try JSONEncoder().encode(c), to: file)
            } catch {
                // A WriteError names the path and the reason itself.
                Terminal.warn("cstui simulator: " + (error is PrivateFile.WriteError ? "\(error)" : "cannot write \(file): \(error)"))
                try? await server.shutdown()
                throw ExitCode(1)
            }
        }
        let received = await stop.wait()
        Terminal.warn("stopping (\(Signals.name(received)))" + (state.map { ", saving \($0)" } ?? ""))
        do {
            try await server.shutdown()
        } catch {
            Terminal.warn("cstui simulator: \(error)")
            throw ExitCode(1)
        }
    }
}
