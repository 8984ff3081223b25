/// How a simulator instance is started: where it listens, how big its inventory is, how fast jobs finish.
public struct SimulatorOptions: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 0
    public var vms: Int = 2000
    public var seed: UInt64 = 1
    /// When set, the inventory is loaded from this JSON file at start (if it exists) and saved there on shutdown.
    public var statePath: String? = nil
    /// Seconds an async job takes, jittered uniformly in this range.
    public var jobDelay: ClosedRange<Double> = 1.0...3.0
    public var faults: FaultOptions = FaultOptions()

    public init(host: String = "127.0.0.1", port: Int = 0, vms: Int = 2000, seed: UInt64 = 1, statePath: String? = nil,
                jobDelay: ClosedRange<Double> = 1.0...3.0, faults: FaultOptions = FaultOptions()) {
        self.host = host
        self.port = port
        self.vms = vms
        self.seed = seed
        self.statePath = statePath
        self.jobDelay = jobDelay
        self.faults = faults
    }
}

/// Misbehaviour to inject, for tests and demos of error handling. Rates are shares of requests (0...1).
public struct FaultOptions: Sendable, Equatable {
    /// Seconds added before every answer: this, or when `latencyMax` is set a uniform draw from `latency...latencyMax`
    /// per request (a real management server's time per page varies with what else it is doing).
    public var latency: Double = 0
    public var latencyMax: Double? = nil
    /// Share of requests answered 530 with an internal-error envelope.
    public var errorRate: Double = 0
    /// Share of requests whose connection is closed without an answer.
    public var dropRate: Double = 0
    /// Share of answers whose JSON body is cut short.
    public var malformedRate: Double = 0
    /// Share of requests answered by a fake reverse proxy: 502 with an HTML page.
    public var htmlProxyRate: Double = 0
    /// Sessions older than this many seconds are refused with 401.
    public var sessionExpiry: Double? = nil
    /// At most this many requests per second; the rest get 429.
    public var throttle: Int? = nil

    public init(latency: Double = 0, latencyMax: Double? = nil, errorRate: Double = 0, dropRate: Double = 0, malformedRate: Double = 0,
                htmlProxyRate: Double = 0, sessionExpiry: Double? = nil, throttle: Int? = nil) {
        self.latency = latency
        self.latencyMax = latencyMax
        self.errorRate = errorRate
        self.dropRate = dropRate
        self.malformedRate = malformedRate
        self.htmlProxyRate = htmlProxyRate
        self.sessionExpiry = sessionExpiry
        self.throttle = throttle
    }
}

extension FaultOptions {
    /// The latency of one request.
    func drawLatency() -> Double {
        guard let hi = latencyMax, hi > latency else { return latency }
        return Double.random(in: latency...hi)
    }
}

/// One login of the simulator: what a user types (username, password, domain) or configures (API key pair).
public struct SimulatorAccount: Sendable, Codable, Equatable {
    public var username: String
    public var password: String
    /// Domain path; "/" is ROOT.
    public var domain: String
    public var apiKey: String
    public var secretKey: String
    public var account: String
    /// "Admin" or "User".
    public var roleType: String
    /// 1 for an admin account, 0 for a normal user.
    public var accountType: Int
    public var userID: String
    public var accountID: String

    public init(username: String, password: String, domain: String, apiKey: String, secretKey: String, account: String,
                roleType: String, accountType: Int, userID: String, accountID: String) {
        self.username = username
        self.password = password
        self.domain = domain
        self.apiKey = apiKey
        self.secretKey = secretKey
        self.account = account
        self.roleType = roleType
        self.accountType = accountType
        self.userID = userID
        self.accountID = accountID
    }
}

/// The two accounts every simulator has: a root admin and a normal user.
public struct SimulatorCredentials: Sendable, Codable, Equatable {
    public var admin: SimulatorAccount
    public var user: SimulatorAccount

    public init(admin: SimulatorAccount, user: SimulatorAccount) {
        self.admin = admin
        self.user = user
    }
}
