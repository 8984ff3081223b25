import Foundation
import Logging
import NIOHTTP1
import Synchronization

/// A management-API client that follows the server's rules: signing (§1.1-1.2), sessions (§1.4), envelopes and
/// errors (§2), paging (§2.2) and async jobs (§3).
public actor CloudStackClient {
    public nonisolated let configuration: ClientConfiguration
    private let http: HTTPExchange
    private var jar = CookieJar()
    private var sessionKey: String?
    private var loginResponse: JSONObject?
    private var loginTask: Task<JSONObject, Error>?
    /// Counts logins, so concurrent calls that all meet an expired session log in again only once.
    private var sessionGeneration = 0
    private let logger: Logger
    private var closed = false
    /// `--read-only`: once on, every command that is not `CommandKind.isReadOnly` is refused before it is sent.
    private var readOnly: Bool

    public init(configuration: ClientConfiguration, logger: Logger = Logger(label: "cstui.api", factory: { _ in SwiftLogNoOpLogHandler() })) throws {
        guard let url = URL(string: configuration.endpoint), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil
        else {
            throw CloudStackError.configuration("the endpoint '\(configuration.endpoint)' is not an http(s) URL such as https://cloud.example.com/client/api")
        }
        self.configuration = configuration
        self.http = try HTTPExchange(configuration: configuration)
        self.logger = logger
        self.readOnly = configuration.readOnly
    }

    /// Turns read-only mode on for the rest of this client's life; it cannot be turned off again.
    public func enforceReadOnly() { readOnly = true }

    /// Whether this client refuses commands that change something.
    public var isReadOnly: Bool { readOnly }

    /// `host:port` of the endpoint, as status lines and error messages show it.
    public nonisolated var endpointHost: String { Self.hostDescription(configuration.endpoint) }

    /// The `loginresponse` of the current session (user, account, type, timeout), when logged in.
    public var session: JSONObject? { loginResponse }

    // MARK: - One call

    /// Sends one command and decodes its envelope. Errors from the server become `CloudStackError.api`.
    public func call(_ command: String, _ parameters: [(String, String)] = []) async throws -> APIResponse {
        // The one gate every call passes: the console's actions, plugins, palette and dialogs, and `cstui call`.
        if readOnly, !CommandKind.isReadOnly(command) {
            throw CloudStackError.configuration("read-only mode: \(command) changes something, so it was not sent")
        }
        if case .session = configuration.credentials, sessionKey == nil {
            _ = try await login()
        }
        let generation = sessionGeneration
        do {
            return try await send(command, parameters)
        } catch let error as CloudStackError where error.httpStatus == 401 {
            guard case .session = configuration.credentials else { throw error }
            // The session expired or was invalidated: log in again once (unless a concurrent call already did);
            // repeat the call only if it merely reads.
            if sessionGeneration == generation {
                logger.info("401 on \(command); logging in again")
                forgetSession()
                _ = try await login()
            }
            if CommandKind.isRead(command) { return try await send(command, parameters) }
            throw CloudStackError.configuration("\(command) was refused because the session had expired; cstui logged in again but did not repeat a command that changes things. Run it again.")
        }
    }

    /// Sends `command` and, when it queues an async job and `wait` is true, polls it to the end.
    public func execute(_ command: String, _ parameters: [(String, String)] = [], wait: Bool = true) async throws -> CallOutcome {
        let response = try await call(command, parameters)
        guard wait, let jobID = response.jobID, response.content["jobstatus"] == nil || response.content["jobstatus"]?.intValue == 0 else {
            return .response(response)
        }
        let job = try await waitForJob(jobID, command: command)
        return .job(response, job)
    }

    // MARK: - Paging

    /// The largest `count` a server can send: ListResponse.count is a Java Integer.
    static let largestCount = Int(Int32.max)

    /// Fetches every page of a list command: the first page to learn `count`, then the rest in parallel
    /// (at most `pageConcurrency` at once), keeping the server's order.
    public func listAll(_ command: String, _ parameters: [(String, String)] = []) async throws -> ListResult {
        let collected = Mutex<ListResult?>(nil)
        try await listPages(command, parameters) { page in
            collected.withLock { result in
                if result == nil {
                    result = ListResult(command: command, responseName: page.responseName, itemKey: page.itemKey, items: page.items, count: page.count)
                } else {
                    if result?.itemKey == nil { result?.itemKey = page.itemKey }
                    result?.items.append(contentsOf: page.items)
                }
            }
        }
        return collected.withLock { $0 } ?? ListResult(command: command, responseName: "", itemKey: nil, items: [], count: 0)
    }

    /// Fetches every page of a list command and hands each to `body` in page order, as soon as it and the pages
    /// before it are in: the first page to learn `count`, then the rest with at most `parallel` (default
    /// `pageConcurrency`) requests in flight. Memory is bounded by the pages in flight: a page is asked for only
    /// when fewer than `parallel` pages lie between it and the next one `body` takes, and each page is dropped
    /// once `body` has it. `body` runs off the actor, one page at a time.
    ///
    /// A `count` that cannot be right (not a whole number, negative, beyond a Java int) stops paging with an
    /// error after the first page, and so does an empty page before the last one `count` promised: a hostile or
    /// broken server cannot make cstui overflow its page arithmetic or ask for pages forever.
    public func listPages(_ command: String, _ parameters: [(String, String)] = [], parallel: Int? = nil,
                          _ body: @Sendable (ListPage) async throws -> Void) async throws {
        var params = parameters.filter { $0.0.lowercased() != "page" && $0.0.lowercased() != "pagesize" }
        let given = parameters.first { $0.0.lowercased() == "pagesize" }.flatMap { Int($0.1.trimmingCharacters(in: .whitespaces)) }
        let pageSize = given.flatMap { $0 > 0 ? $0 : nil } ?? max(configuration.pageSize, 1)
        params.append(("page", "1"))
        params.append(("pagesize", String(pageSize)))
        let first = try await call(command, params)
        let (itemKey, firstItems, _) = first.list
        let count: Int
        switch first.content["count"] {
        case .none, .some(.null):
            count = firstItems.count
        case .some(let raw):
            guard let n = raw.intValue.flatMap({ Int(exactly: $0) }), (0...Self.largestCount).contains(n) else {
                let shown = raw.text ?? JSONSerializer.string(raw)
                throw CloudStackError.unexpectedResponse(
                    command: command,
                    reason: "the server's count '\(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown)' cannot be a row count "
                        + "(a whole number from 0 to \(Self.largestCount)); stopped paging after page 1")
            }
            count = n
        }
        let responseName = first.responseName
        try await body(ListPage(number: 1, responseName: responseName, itemKey: itemKey, items: firstItems, count: count))
        guard firstItems.count == pageSize, count > firstItems.count else { return }
        // count <= Int32.max and pageSize >= 1, so neither the division nor the remainder can overflow.
        let lastPage = count / pageSize + (count % pageSize == 0 ? 0 : 1)
        let base = Array(params.dropLast(2))
        let window = max(parallel ?? configuration.pageConcurrency, 1)
        try await withThrowingTaskGroup(of: (Int, APIResponse).self) { group in
            var next = 2        // the next page to ask for
            var deliver = 2     // the next page `body` takes
            var waiting: [Int: APIResponse] = [:]
            var sawEmpty = false
            func enqueue() {
                let page = next
                next += 1
                group.addTask {
                    (page, try await self.call(command, base + [("page", String(page)), ("pagesize", String(pageSize))]))
                }
            }
            while next <= lastPage, next < deliver + window { enqueue() }
            while let (page, response) = try await group.next() {
                waiting[page] = response
                while let ready = waiting.removeValue(forKey: deliver) {
                    let l = ready.list
                    if l.items.isEmpty {
                        // After an empty page there is nothing more to fetch.
                        if deliver < lastPage {
                            group.cancelAll()
                            throw CloudStackError.unexpectedResponse(
                                command: command,
                                reason: "the server's count \(count) promised \(lastPage) pages of \(pageSize), but page \(deliver) was empty; "
                                    + "stopped paging (the count is wrong, or rows were deleted while paging: run it again)")
                        }
                        sawEmpty = true
                    }
                    try await body(ListPage(number: deliver, responseName: responseName, itemKey: l.itemKey ?? itemKey, items: l.items, count: count))
                    deliver += 1
                }
                while !sawEmpty, next <= lastPage, next < deliver + window { enqueue() }
            }
        }
    }

    /// One page of a list command.
    public func listPage(_ command: String, _ parameters: [(String, String)] = [], page: Int, pageSize: Int) async throws -> ListResult {
        let params = parameters.filter { $0.0.lowercased() != "page" && $0.0.lowercased() != "pagesize" } + [("page", String(page)), ("pagesize", String(pageSize))]
        let r = try await call(command, params)
        let l = r.list
        return ListResult(command: command, responseName: r.responseName, itemKey: l.itemKey, items: l.items, count: l.count ?? l.items.count)
    }

    // MARK: - Async jobs

    /// Asks for the state of one job.
    public func queryJob(_ jobID: String) async throws -> AsyncJob {
        let r = try await call("queryAsyncJobResult", [("jobid", jobID)])
        guard let job = AsyncJob(r.content) else {
            throw CloudStackError.unexpectedResponse(command: "queryAsyncJobResult", reason: "\(AsyncJob.problem(in: r.content)) in \(r.responseName)")
        }
        return job
    }

    /// Polls `queryAsyncJobResult` until the job leaves jobstatus 0; throws on failure, cancellation of the
    /// job, the overall timeout, or cancellation of the calling task. Transient errors while polling
    /// (a dropped connection, 5xx, throttling) are retried: the job keeps running on the server.
    public func waitForJob(_ jobID: String, command: String, onPoll: (@Sendable (AsyncJob) -> Void)? = nil) async throws -> AsyncJob {
        let start = Date()
        var delay = configuration.firstJobPollDelay
        var transientFailures = 0
        while true {
            try await Task.sleep(nanoseconds: UInt64(min(max(0, delay.isFinite ? delay : 0), 86_400) * 1_000_000_000))
            delay = configuration.jobPollInterval
            let job: AsyncJob
            do {
                job = try await queryJob(jobID)
                transientFailures = 0
            } catch let e as CloudStackError where Self.isTransient(e) {
                transientFailures += 1
                logger.warning("polling job \(jobID): \(e) (attempt \(transientFailures))")
                if transientFailures >= 10 { throw e }
                if Date().timeIntervalSince(start) > configuration.jobTimeout {
                    throw CloudStackError.jobTimedOut(jobID: jobID, command: command, seconds: configuration.jobTimeout)
                }
                continue
            }
            onPoll?(job)
            switch job.status {
            case .pending:
                if Date().timeIntervalSince(start) > configuration.jobTimeout {
                    throw CloudStackError.jobTimedOut(jobID: jobID, command: command, seconds: configuration.jobTimeout)
                }
            case .succeeded:
                return job
            case .failed:
                throw CloudStackError.jobFailed(jobID: jobID, command: command, resultCode: job.resultCode, errorText: job.errorText)
            case .cancelled:
                throw CloudStackError.jobCancelled(jobID: jobID, command: command)
            }
        }
    }

    static func isTransient(_ e: CloudStackError) -> Bool {
        switch e {
        case .transport, .notJSON: return true
        case .api(_, let status, _, _, _): return status == 429 || status == 503 || status == 502 || status == 504
        default: return false
        }
    }

    // MARK: - Sessions

    /// Logs in with the configured username and password (POST, as the server requires) and keeps the session.
    @discardableResult
    public func login() async throws -> JSONObject {
        guard case let .session(username, password, domain) = configuration.credentials else {
            throw CloudStackError.configuration("login needs a username and password; this profile uses an API key")
        }
        if let task = loginTask { return try await task.value }
        let task = Task { () throws -> JSONObject in
            let r = try await self.send("login", [("username", username), ("password", password), ("domain", domain)], isLogin: true)
            // The cookie is authoritative (cloudmonkey reads it); the JSON field is the fallback. The session is
            // stored here, inside the one login task, so every caller waiting on it finds it in place.
            guard let key = self.jar.value("sessionkey") ?? r.content["sessionkey"]?.text else {
                throw CloudStackError.unexpectedResponse(command: "login", reason: "the server set no sessionkey")
            }
            self.sessionKey = key
            self.loginResponse = r.content
            self.sessionGeneration += 1
            return r.content
        }
        loginTask = task
        defer { loginTask = nil }
        return try await task.value
    }

    /// Ends the session on the server; harmless when there is none.
    public func logout() async {
        guard sessionKey != nil else { return }
        _ = try? await send("logout", [])
        forgetSession()
    }

    private func forgetSession() {
        sessionKey = nil
        loginResponse = nil
        jar.removeAll()
    }

    /// Logs out (for sessions) and releases the HTTP client. Call once when done.
    public func close() async {
        guard !closed else { return }
        closed = true
        await logout()
        await http.shutdown()
    }

    // MARK: - The wire

    /// The parameters as they go on the wire, signature included, for API-key credentials.
    func signedParameters(_ command: String, _ parameters: [(String, String)], now: Date = Date()) -> [(String, String)] {
        var params: [(String, String)] = [("command", command)]
        params += parameters.filter { !["command", "response", "apikey", "signature", "signatureversion", "expires", "sessionkey"].contains($0.0.lowercased()) }
        params.append(("response", "json"))
        switch configuration.credentials {
        case let .apiKey(key, secret):
            params.append(("apiKey", key))
            if configuration.signatureVersion3 {
                params.append(("signatureVersion", "3"))
                params.append(("expires", ExpiresFormat.string(from: now.addingTimeInterval(configuration.expiresAfter))))
            }
            params.append(("signature", RequestSigner.signature(for: params, secretKey: secret)))
        case .session:
            if let key = sessionKey, command != "login" { params.append(("sessionkey", key)) }
        }
        return params
    }

    /// Parameters as the wire carries them, `name=value&…` with Java's URL encoding (what the signature covers).
    public static func formEncode(_ params: [(String, String)]) -> String {
        params.map { "\(JavaURLEncoder.encode($0.0))=\(JavaURLEncoder.encode($0.1))" }.joined(separator: "&")
    }

    private func send(_ command: String, _ parameters: [(String, String)], isLogin: Bool = false) async throws -> APIResponse {
        let params = signedParameters(command, parameters)
        let post = isLogin || CommandKind.usesPOST(command, parameters: parameters)
        let encoded = Self.formEncode(params)
        var headers: [(String, String)] = [("Accept", "application/json"), ("User-Agent", "cstui")]
        if !isLogin, let cookie = jar.header() { headers.append(("Cookie", cookie)) }
        let url = post ? configuration.endpoint : configuration.endpoint + (configuration.endpoint.contains("?") ? "&" : "?") + encoded
        logger.debug("\(post ? "POST" : "GET") \(command) \(Redaction.describe(parameters))")
        let answer: HTTPAnswer
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> String { "\((DispatchTime.now().uptimeNanoseconds &- started) / 1_000_000) ms" }
        do {
            answer = try await http.send(url: url, method: post ? .POST : .GET, headers: headers, body: post ? encoded : nil)
            logger.debug("\(post ? "POST" : "GET") \(command) → HTTP \(answer.status), \(elapsed()), \(answer.body.count) bytes")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            logger.debug("\(post ? "POST" : "GET") \(command) → no answer after \(elapsed()): \(Self.describeTransport(error))")
            throw CloudStackError.transport(command: command, endpoint: Self.hostDescription(configuration.endpoint), reason: Self.describeTransport(error))
        }
        if let redirect = Self.redirectError(command: command, endpoint: configuration.endpoint, answer: answer) { throw redirect }
        jar.store(setCookieHeaders: answer.headers("Set-Cookie"))
        return try await Self.decodeApart(command: command, answer: answer)
    }

    /// Parses an answer away from the actor, so pages fetched in parallel are also parsed in parallel (a page of
    /// 500 VMs is about a megabyte of JSON) while the actor goes on signing and sending.
    @concurrent
    private nonisolated static func decodeApart(command: String, answer: HTTPAnswer) async throws -> APIResponse {
        try decode(command: command, answer: answer)
    }

    /// A 3xx answer as an error naming where it pointed. Redirects are never followed: a login POST sent on to
    /// the Location would hand the password (or a signed request) to whatever host the answer names, even over http.
    static func redirectError(command: String, endpoint: String, answer: HTTPAnswer) -> CloudStackError? {
        guard (300..<400).contains(answer.status) else { return nil }
        let target = answer.header("Location").map(sanitisedLocation) ?? "no Location header"
        return .transport(command: command, endpoint: hostDescription(endpoint),
                          reason: "the server answered HTTP \(answer.status), a redirect to \(target); cstui does not follow redirects, "
                              + "so credentials never go to another address: if that address is the right one, use it as the endpoint")
    }

    /// A Location as an error message may show it: no user:password part, no control characters, at most 300 characters.
    static func sanitisedLocation(_ location: String) -> String {
        var text = location.trimmingCharacters(in: .whitespaces)
        if var parts = URLComponents(string: text), parts.user != nil || parts.password != nil {
            parts.user = nil
            parts.password = nil
            text = parts.string ?? text
        } else if let at = text.firstIndex(of: "@"), let scheme = text.range(of: "://"), scheme.upperBound <= at,
                  !text[scheme.upperBound..<at].contains("/") {
            // Not a URL Foundation reads, but it still has a userinfo part: drop it.
            text = String(text[..<scheme.upperBound]) + String(text[text.index(after: at)...])
        }
        let shown = TerminalSafe.visible(text)
        return shown.count > 300 ? String(shown.prefix(300)) + "…" : shown
    }

    static func decode(command: String, answer: HTTPAnswer) throws -> APIResponse {
        let contentType = answer.header("Content-Type")
        if answer.body.isEmpty {
            if let d = answer.header("X-Description"), answer.status >= 400 {
                throw CloudStackError.api(command: command, httpStatus: answer.status, errorCode: answer.status, csErrorCode: nil, errorText: d)
            }
            throw CloudStackError.notJSON(command: command, httpStatus: answer.status, contentType: contentType, reason: "empty body", bodyStart: "")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(answer.body)
        } catch {
            throw CloudStackError.notJSON(command: command, httpStatus: answer.status, contentType: contentType,
                                          reason: "malformed JSON: \(error)", bodyStart: bodyStart(answer.body))
        }
        switch ResponseEnvelope.unwrap(json) {
        case .failure(let reason):
            if answer.status >= 400 {
                let text = answer.header("X-Description") ?? bodyStart(answer.body)
                throw CloudStackError.api(command: command, httpStatus: answer.status, errorCode: answer.status, csErrorCode: nil, errorText: text)
            }
            throw CloudStackError.unexpectedResponse(command: command, reason: reason.description)
        case .success(let (name, content)):
            if let err = ResponseEnvelope.error(in: content) {
                var text = err.errorText.isEmpty ? (answer.header("X-Description") ?? "") : err.errorText
                // An errorcode no Int holds is still an error: report it with the HTTP status and the value as sent.
                if err.errorCode == nil {
                    let shown = err.errorCodeText.count > 40 ? String(err.errorCodeText.prefix(40)) + "…" : err.errorCodeText
                    text += (text.isEmpty ? "" : "; ") + "the server's errorcode '\(shown)' is not an error code"
                }
                throw CloudStackError.api(command: command, httpStatus: answer.status, errorCode: err.errorCode ?? answer.status,
                                          csErrorCode: err.csErrorCode, errorText: text)
            }
            if answer.status >= 400 {
                throw CloudStackError.api(command: command, httpStatus: answer.status, errorCode: answer.status, csErrorCode: nil,
                                          errorText: answer.header("X-Description") ?? "")
            }
            return APIResponse(command: command, responseName: name, content: content)
        }
    }

    /// The first 160 characters of a body, on one line, for error messages.
    static func bodyStart(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let oneLine = text.map { $0.isNewline || $0 == "\t" ? " " : $0 }.filter { !($0.asciiValue.map { $0 < 0x20 } ?? false) }
        var collapsed = ""
        for c in oneLine where !(c == " " && collapsed.last == " ") { collapsed.append(c) }
        let trimmed = collapsed.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 160 ? String(trimmed.prefix(160)) + "…" : trimmed
    }

    static func hostDescription(_ endpoint: String) -> String {
        guard let u = URL(string: endpoint), let host = u.host else { return endpoint }
        return u.port.map { "\(host):\($0)" } ?? host
    }

    static func describeTransport(_ error: Error) -> String {
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("ConnectTimeout") { return "connection timed out" }
        if text.contains("deadlineExceeded") || text.contains("readTimeout") { return "no answer before the request timeout" }
        if text.contains("remoteConnectionClosed") || text.contains("connectionClosed") { return "the server closed the connection before answering" }
        if text.contains("connectionRefused") || text.contains("Connection refused") || text.contains("ECONNREFUSED") { return "connection refused" }
        if text.contains("certificate") || text.contains("Certificate") || text.contains("handshake") {
            return "TLS failed: \(text) (use a CA file, or turn verification off explicitly with --insecure)"
        }
        return text
    }
}
