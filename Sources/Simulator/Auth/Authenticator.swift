import CloudStack
import Foundation

/// Decides who a request comes from, as ApiServlet and ApiServer.verifyRequest do.
enum Authenticator {
    enum Result {
        case caller(Caller)
        case refused(APIError, invalidateSession: String?)
    }

    static func authenticate(_ params: Params, cookies: [String: String], state: inout SimState, now: Date) -> Result {
        // A session cookie takes precedence, as in ApiServlet: then the sessionkey must match in cookie AND parameter.
        if let jsession = cookies["JSESSIONID"], let session = state.sessions.find(cookie: jsession) {
            let paramKey = params["sessionkey"]
            let cookieKey = cookies["sessionkey"]
            guard let paramKey, let cookieKey, constantTimeEquals(paramKey, session.sessionKey), constantTimeEquals(cookieKey, session.sessionKey) else {
                return .refused(APIError(401, nil, "unable to verify user credentials"), invalidateSession: session.id)
            }
            if let expiry = state.faults.sessionExpiry, now.timeIntervalSince(session.created) > expiry {
                return .refused(APIError(401, nil, "unable to verify user credentials"), invalidateSession: session.id)
            }
            if now.timeIntervalSince(session.lastUsed) > Double(state.sessions.timeout) {
                return .refused(APIError(401, nil, "unable to verify user credentials"), invalidateSession: session.id)
            }
            // ApiServer.verifyUser: a deleted, disabled or locked user (or account) is refused and its session ends.
            guard let user = state.inventory.users.first(where: { $0.id == session.userID }),
                  let account = state.inventory.accounts.first(where: { $0.id == user.accountID }), isEnabled(user, account) else {
                return .refused(APIError(401, nil, "unable to verify user credentials"), invalidateSession: session.id)
            }
            state.sessions.touch(session.id, now: now)
            return .caller(Caller(user: user, account: account))
        }
        return verifySignature(params, inventory: state.inventory, now: now)
    }

    /// API key + signature over every parameter but `signature`; signatureVersion 3 needs a future `expires`.
    static func verifySignature(_ params: Params, inventory: Inventory, now: Date) -> Result {
        let refused = Result.refused(APIError(401, nil, APIError.unauthorizedText), invalidateSession: nil)
        guard let apiKey = params["apikey"], let signature = params["signature"] else { return refused }
        if params["signatureversion"] == "3" {
            guard let expires = params["expires"], let date = ExpiresFormat.date(from: expires) else { return refused }
            if date < now { return refused }
        }
        guard let user = inventory.users.first(where: { constantTimeEquals($0.apiKey, apiKey) }),
              let account = inventory.accounts.first(where: { $0.id == user.accountID }) else { return refused }
        // ApiServer.verifyRequest: a disabled or locked user or account gets the same answer as a bad signature.
        guard isEnabled(user, account) else { return refused }
        guard RequestSigner.verify(signature, parameters: params.pairs, secretKey: user.secretKey) else { return refused }
        return .caller(Caller(user: user, account: account))
    }

    /// Both the user and its account are enabled (absent states are the enabled ones of older state files).
    static func isEnabled(_ user: UserRecord, _ account: AccountRecord) -> Bool {
        (user.state ?? "enabled") == "enabled" && (account.state ?? "enabled") == "enabled"
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) {
            diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0)
        }
        return diff == 0
    }
}
