import CloudStack
import Foundation

/// `login` and `logout`, which the servlet handles itself before any command dispatch.
enum LoginHandlers {
    static func login(_ params: Params, request: SimHTTPRequest, state s: inout SimState, now: Date, delay: Double) -> SimHTTPOutcome {
        let core = { (e: APIError) in errorOutcome(e, delay: delay) }
        guard request.method == "POST" else {
            return core(APIError(405, 9999, "Please use HTTP POST to authenticate using this API"))
        }
        guard let username = params.value("username") else { return core(APIError.missing("login", "username")) }
        guard let password = params.value("password") else { return core(APIError.missing("login", "password")) }
        // Any old session of this client is invalidated first, as the servlet does for LOGIN authenticators.
        if let old = request.cookies["JSESSIONID"], let session = s.sessions.find(cookie: old) { s.sessions.invalidate(session.id) }
        var domain = params.value("domain") ?? "/"
        if !domain.hasPrefix("/") { domain = "/" + domain }
        if !domain.hasSuffix("/") { domain += "/" }
        let domainRecord: DomainRecord?
        if let domainID = params.value("domainid") ?? params.value("domainId") {
            domainRecord = s.inventory.domainRecord(domainID)
        } else {
            domainRecord = s.inventory.domains.first { d in
                domain == "/" ? d.parentID == nil : ("/" + d.path.split(separator: "/").dropFirst().joined(separator: "/") + "/") == domain
            }
        }
        guard let domainRecord else {
            return core(APIError(531, 4290, "Unable to find the domain from the path \(domain)"))
        }
        guard let user = s.inventory.users.first(where: { u in
                  u.username == username && s.inventory.accounts.contains { $0.id == u.accountID && $0.domainID == domainRecord.id } }),
              let account = s.inventory.accounts.first(where: { $0.id == user.accountID }),
              Authenticator.constantTimeEquals(user.password, password)
        else {
            return core(APIError(531, 4290, "Failed to authenticate user \(username) in domain \(domainRecord.id); please provide valid credentials"))
        }
        // Only once the password is right does the server say that the user or the account is not enabled.
        guard Authenticator.isEnabled(user, account) else {
            return core(APIError(531, 4290, "User \(username) (or their account) in domain \(domainRecord.path) is disabled/locked. Please contact the administrator."))
        }
        let session = s.sessions.create(userID: user.id, now: now)
        var b = ObjectBuilder()
        b.add("username", user.username)
        b.add("userid", user.id)
        b.add("domainid", domainRecord.id)
        b.add("timeout", s.sessions.timeout)
        b.add("account", account.name)
        b.add("firstname", user.firstName)
        b.add("lastname", user.lastName)
        b.add("type", String(account.accountType))
        b.add("timezone", "UTC")
        b.add("timezoneoffset", "0.0")
        b.add("registered", "false")
        b.add("sessionkey", session.sessionKey)
        b.add("is2faenabled", "false")
        b.add("is2faverified", "true")
        b.add("issuerfor2fa", "CloudStack")
        if account.accountType == 1 { b.add("managementserverid", "c0ffee00-5151-4a11-8000-000000000001") }
        let body = JSONSerializer.bytes(ResponseEnvelope.body(responseName: "loginresponse", b.object))
        return .respond(status: 200, headers: [SimulatorCore.jsonType,
                                               ("Set-Cookie", "JSESSIONID=\(session.id).node0; Path=/client; HttpOnly"),
                                               ("Set-Cookie", "sessionkey=\(session.sessionKey); Path=/client; HttpOnly; SameSite=Lax")],
                        body: body, delay: delay)
    }

    static func logout(request: SimHTTPRequest, state s: inout SimState, delay: Double) -> SimHTTPOutcome {
        let cookies = request.cookies
        if let old = cookies["JSESSIONID"], let session = s.sessions.find(cookie: old) { s.sessions.invalidate(session.id) }
        var headers = [SimulatorCore.jsonType]
        for name in cookies.keys.sorted() {
            headers.append(("Set-Cookie", "\(name)=; Path=/client; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"))
        }
        let body = JSONSerializer.bytes(ResponseEnvelope.body(responseName: "logoutresponse", JSONObject([("description", .string("success"))])))
        return .respond(status: 200, headers: headers, body: body, delay: delay)
    }

    private static func errorOutcome(_ e: APIError, delay: Double) -> SimHTTPOutcome {
        let body = JSONSerializer.bytes(ResponseEnvelope.errorBody(responseName: "loginresponse", errorCode: e.httpCode, csErrorCode: e.csErrorCode, errorText: e.text))
        return .respond(status: e.httpCode, headers: [SimulatorCore.jsonType, ("X-Description", e.text)], body: body, delay: delay)
    }
}
