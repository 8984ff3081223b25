/// Everything a `CloudStackClient` needs to reach one management server.
public struct ClientConfiguration: Sendable {
    /// The API endpoint, e.g. `https://cloud.example.com/client/api`.
    public var endpoint: String
    public var credentials: Credentials
    /// TLS certificate verification; on unless the user turns it off explicitly (cloudmonkey's `verifycert`).
    public var verifyTLS = true
    /// A PEM file of extra CA certificates to trust.
    public var caFile: String?
    public var connectTimeout: Double = 10
    /// The longest one HTTP request may take.
    public var requestTimeout: Double = 60
    /// Sign with `signatureVersion=3` and `expires` (tolerated by every server; required by those that enforce timestamps).
    public var signatureVersion3 = true
    /// How far in the future `expires` lies.
    public var expiresAfter: Double = 300
    /// Rows per page when fetching every page; the server's `default.page.size` caps it (500 by default).
    public var pageSize = 500
    /// Pages fetched at once after the first.
    public var pageConcurrency = 4
    /// Seconds between `queryAsyncJobResult` polls, and before the first one.
    public var jobPollInterval: Double = 2
    public var firstJobPollDelay: Double = 0.5
    /// The longest the client waits for an async job (cloudmonkey's `timeout`, 1800 s).
    public var jobTimeout: Double = 1800
    /// Refuse every command that is not a list/get/query/is command, login or logout (`--read-only`).
    public var readOnly = false

    public init(endpoint: String, credentials: Credentials) {
        self.endpoint = endpoint
        self.credentials = credentials
    }
}
