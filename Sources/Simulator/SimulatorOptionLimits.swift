import Foundation

/// A simulator option outside what the simulator can honour: which option, what was given, what is allowed.
public struct SimulatorOptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The option as the command line spells it (`--job-delay`), or the fault's field for options set in code.
    public var option: String
    public var given: String
    public var allowed: String

    public init(option: String, given: String, allowed: String) {
        self.option = option
        self.given = given
        self.allowed = allowed
    }

    public var description: String { "\(option) must be \(allowed); got \(given)" }
}

/// The ranges every numeric simulator option must fall in. Checked once at start, so that nothing later
/// (a job scheduled 1e10 s ahead, a latency of NaN) can trap converting seconds to nanoseconds.
extension SimulatorOptions {
    /// Most VMs an inventory may hold: the seeder builds them all in memory at start.
    public static let maxVMs = 1_000_000
    /// Longest job, in seconds: an hour is already longer than any demo or test waits.
    public static let maxJobDelay: Double = 3600
    /// Longest injected latency, in seconds.
    public static let maxLatency: Double = 600
    /// Longest session-expiry fault, in seconds (a day).
    public static let maxSessionExpiry: Double = 86_400

    /// Throws the first option that is out of range.
    public func validate() throws(SimulatorOptionError) {
        func check(_ ok: Bool, _ option: String, _ given: String, _ allowed: String) throws(SimulatorOptionError) {
            if !ok { throw SimulatorOptionError(option: option, given: given, allowed: allowed) }
        }
        try check((0...65535).contains(port), "--port", "\(port)", "0-65535 (0 picks a free port)")
        try check((0...Self.maxVMs).contains(vms), "--vms", "\(vms)", "0-\(Self.maxVMs)")
        let delay = "\(jobDelay.lowerBound)-\(jobDelay.upperBound)"
        try check(Self.within(jobDelay.lowerBound, 0...Self.maxJobDelay) && Self.within(jobDelay.upperBound, 0...Self.maxJobDelay),
                  "--job-delay", delay, "seconds between 0 and \(Int(Self.maxJobDelay)), as MIN-MAX or one number")
        try check(Self.within(faults.latency, 0...Self.maxLatency), "--latency", "\(faults.latency)", "0-\(Int(Self.maxLatency)) seconds")
        if let hi = faults.latencyMax {
            try check(Self.within(hi, 0...Self.maxLatency) && hi >= faults.latency, "--latency", "\(faults.latency)-\(hi)",
                      "seconds between 0 and \(Int(Self.maxLatency)), as MIN-MAX (MIN <= MAX) or one number")
        }
        for (name, rate) in [("--error-rate", faults.errorRate), ("--drop-rate", faults.dropRate),
                             ("--malformed-rate", faults.malformedRate), ("--html-rate", faults.htmlProxyRate)] {
            try check(Self.within(rate, 0...1), name, "\(rate)", "a share between 0 and 1")
        }
        if let expiry = faults.sessionExpiry {
            try check(Self.within(expiry, 0...Self.maxSessionExpiry), "--session-expiry", "\(expiry)", "0-\(Int(Self.maxSessionExpiry)) seconds")
        }
        if let throttle = faults.throttle {
            try check(throttle >= 1, "--throttle", "\(throttle)", "at least 1 request per second")
        }
    }

    /// Finite and inside `range` (NaN fails every comparison, so it must be ruled out by name).
    private static func within(_ value: Double, _ range: ClosedRange<Double>) -> Bool {
        value.isFinite && range.contains(value)
    }
}
