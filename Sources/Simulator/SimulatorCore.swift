import CloudStack
import Foundation
import NIOCore
import Synchronization

/// The management server behind the HTTP layer: routing, authentication, dispatch and async jobs.
final class SimulatorCore: Sendable {
    let state: Mutex<SimState>
    let jobDelay: ClosedRange<Double>
    let scheduler: EventLoopGroup

    init(inventory: Inventory, options: SimulatorOptions, scheduler: EventLoopGroup) {
        var initial = SimState(inventory: inventory, faults: options.faults)
        initial.jobDelay = options.jobDelay
        state = Mutex(initial)
        jobDelay = options.jobDelay
        self.scheduler = scheduler
    }

    static let jsonType = ("Content-Type", "application/json; charset=UTF-8")

    func handle(_ request: SimHTTPRequest) -> SimHTTPOutcome {
        let faults = state.withLock { $0.faults }
        let delay = faults.drawLatency()
        let path = request.path
        guard path == "/client/api" || path == "/client/api/" else {
            return .respond(status: 404, headers: [("Content-Type", "text/plain; charset=UTF-8")],
                            body: Array("Not found: the API is at /client/api\n".utf8), delay: delay)
        }
        let fault = Fault.roll(faults)
        switch fault {
        case .drop: return .drop(delay: delay)
        case .htmlProxy: return .respond(status: 502, headers: [("Content-Type", "text/html")], body: Fault.proxyPage, delay: delay)
        default: break
        }
        guard let pairs = request.parameters() else {
            return errorOutcome(APIError(400, nil, "Malformed request: the parameters are not valid URL encoding"), responseName: "errorresponse", delay: delay)
        }
        let params = Params(pairs)
        guard let command = params["command"], !command.isEmpty else {
            // As ApiServlet: inside a session it is a bad request; otherwise the request cannot be verified.
            let inSession = request.cookies["JSESSIONID"].map { cookie in state.withLock { $0.sessions.find(cookie: cookie) != nil } } ?? false
            return errorOutcome(inSession ? APIError(400, nil, "no command specified") : APIError(401, nil, APIError.unauthorizedText),
                                responseName: "errorresponse", delay: delay)
        }
        let spec = APICatalog.lookup(command)
        let responseName = spec?.responseName ?? (command.lowercased() == "login" ? "loginresponse" : (command.lowercased() == "logout" ? "logoutresponse" : "errorresponse"))
        guard params["response"]?.lowercased() == "json" else {
            return errorOutcome(APIError(400, nil, "This simulator answers only response=json; the management server would answer XML without it. Add response=json to the request."),
                                responseName: responseName, delay: delay)
        }
        if fault == .internalError {
            return errorOutcome(APIError(530, 4250, "Internal error executing command, please contact your system administrator"), responseName: responseName, delay: delay)
        }

        let outcome: SimHTTPOutcome
        let queued: [String]
        (outcome, queued) = state.withLock { s -> (SimHTTPOutcome, [String]) in
            let o = process(command: command, spec: spec, responseName: responseName, params: params, request: request, state: &s, delay: delay)
            let q = s.newJobs
            s.newJobs = []
            return (o, q)
        }
        for id in queued { schedule(id) }
        if fault == .malformed, case .respond(let status, let headers, let body, let d) = outcome {
            return .respond(status: status, headers: headers, body: Fault.truncate(body), delay: d)
        }
        return outcome
    }

    private func process(command: String, spec: APICommandSpec?, responseName: String, params: Params, request: SimHTTPRequest,
                         state s: inout SimState, delay: Double) -> SimHTTPOutcome {
        let now = Date()
        let lower = command.lowercased()
        if lower == "login" { return LoginHandlers.login(params, request: request, state: &s, now: now, delay: delay) }
        if lower == "logout" { return LoginHandlers.logout(request: request, state: &s, delay: delay) }

        let caller: Caller
        switch Authenticator.authenticate(params, cookies: request.cookies, state: &s, now: now) {
        case .caller(let c): caller = c
        case .refused(let error, let session):
            if let session { s.sessions.invalidate(session) }
            return errorOutcome(error, responseName: responseName, delay: delay)
        }
        if let limit = s.faults.throttle {
            let second = Int64(now.timeIntervalSince1970)
            if second != s.windowStart { s.windowStart = second; s.windowCount = 0 }
            s.windowCount += 1
            if s.windowCount > limit {
                let wait = Int((1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)) * 1000)
                return errorOutcome(APIError(429, 4545, "The given user has reached his/her account api limit, please retry after \(wait) ms."),
                                    responseName: responseName, delay: delay)
            }
        }
        guard let spec else {
            return errorOutcome(APIError(432, 9999, "Unknown API command: \(command)"), responseName: "errorresponse", delay: delay)
        }
        if spec.adminOnly && !caller.isAdmin {
            return errorOutcome(APIError(401, 9999, "The given command '\(spec.name)' either does not exist, is not available for user."),
                                responseName: responseName, delay: delay)
        }
        let ctx = RequestContext(spec: spec, params: params, caller: caller)
        do {
            for p in spec.params where p.required && params.value(p.name) == nil {
                throw APIError.missing(spec.errorLabel, p.name)
            }
            if spec.isList { _ = try Paging(ctx) }
            let content = try spec.handler(&s, ctx)
            let body = JSONSerializer.bytes(ResponseEnvelope.body(responseName: responseName, content))
            return .respond(status: 200, headers: [Self.jsonType], body: body, delay: delay)
        } catch let e as APIError {
            return errorOutcome(e, responseName: e.responseName ?? responseName, delay: delay)
        } catch {
            return errorOutcome(APIError.internalError("Internal error executing command, please contact your system administrator"), responseName: responseName, delay: delay)
        }
    }

    func errorOutcome(_ e: APIError, responseName: String, delay: Double) -> SimHTTPOutcome {
        let body = JSONSerializer.bytes(ResponseEnvelope.errorBody(responseName: e.responseName ?? responseName, errorCode: e.httpCode,
                                                                   csErrorCode: e.csErrorCode, errorText: e.text))
        let description = e.text.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 } ? e.text : "error"
        return .respond(status: e.httpCode, headers: [Self.jsonType, ("X-Description", description)], body: body, delay: delay)
    }

    // MARK: - Jobs

    private func schedule(_ jobID: String) {
        let seconds = Double.random(in: jobDelay)
        scheduler.next().scheduleTask(in: .nanoseconds(Nanoseconds.from(seconds: seconds))) { [self] in
            state.withLock { JobRunner.complete(jobID, state: &$0) }
        }
    }

    // MARK: - Persistence and control

    func setFaults(_ f: FaultOptions) { state.withLock { $0.faults = f } }

    func snapshotInventory() -> Inventory { state.withLock { $0.inventory } }

    /// Finishes every pending job at once, so that a saved state holds no VM stuck in Starting or Stopping.
    func finishPendingJobs() {
        state.withLock { s in
            for job in s.jobs where job.status == 0 { JobRunner.complete(job.id, state: &s) }
        }
    }
}
