import Foundation

/// One login session: the servlet's HttpSession plus the CSRF `sessionkey`.
struct Session: Sendable {
    var id: String
    var sessionKey: String
    var userID: String
    var created: Date
    var lastUsed: Date
}

/// The live sessions, keyed by session id (the part of JSESSIONID before the dot).
struct SessionStore: Sendable {
    private(set) var sessions: [String: Session] = [:]
    /// Idle timeout reported in `loginresponse.timeout`, seconds.
    let timeout = 1800

    mutating func create(userID: String, now: Date) -> Session {
        var g = SystemRandomNumberGenerator()
        let id = "node0" + String((0..<22).map { _ in Array("abcdefghijklmnopqrstuvwxyz0123456789")[Int(g.next() % 36)] })
        var keyBytes = [UInt8](repeating: 0, count: 20)
        for i in 0..<20 { keyBytes[i] = UInt8(truncatingIfNeeded: g.next()) }
        let key = Data(keyBytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        let s = Session(id: id, sessionKey: key, userID: userID, created: now, lastUsed: now)
        sessions[id] = s
        return s
    }

    /// The session a `JSESSIONID` cookie value names (`<id>.node0`), if it is alive.
    func find(cookie: String) -> Session? {
        let id = cookie.split(separator: ".", maxSplits: 1).first.map(String.init) ?? cookie
        guard let s = sessions[id], cookie.hasPrefix(s.id + ".") else { return nil }
        return s
    }

    mutating func touch(_ id: String, now: Date) { sessions[id]?.lastUsed = now }

    mutating func invalidate(_ id: String) { sessions[id] = nil }
}
