/// How requests are authenticated: signed with an API key pair, or through a login session.
public enum Credentials: Sendable, Equatable, CustomStringConvertible {
    case apiKey(key: String, secret: String)
    case session(username: String, password: String, domain: String)

    /// Never shows a secret: the key is shortened, the secret and password are masked.
    public var description: String {
        switch self {
        case .apiKey(let key, _): return "API key \(Redaction.shorten(key)) (secret ••••••)"
        case .session(let user, _, let domain): return "user \(user) in domain \(domain) (password ••••••)"
        }
    }
}

/// Masks secret values wherever parameters are shown or logged.
public enum Redaction {
    /// Parameter names whose values are never shown.
    public static func isSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        return n == "signature" || n == "sessionkey" || n.contains("password") || n.contains("secret")
            || n == "apikey" || n.hasSuffix("accesskey") || n == "key"
    }

    public static func shorten(_ key: String) -> String {
        key.count <= 8 ? "••••" : String(key.prefix(4)) + "…" + String(key.suffix(4))
    }

    /// `name=value` pairs with every secret masked, for logs and `--debug`.
    public static func describe(_ parameters: [(String, String)]) -> String {
        parameters.map { isSecret($0.0) ? "\($0.0)=••••••" : "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
