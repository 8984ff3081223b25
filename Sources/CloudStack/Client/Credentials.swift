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
            || n.contains("token") || n.contains("privatekey")
            || n == "apikey" || n.hasSuffix("accesskey") || n == "key"
    }

    /// Whether the parameter `name` carries a secret in `parameters`: by its own name, or as a map entry's value
    /// (`details[0].value`) whose key (`details[0].key`) names a secret (`details[0].key=password`).
    public static func isSecret(_ name: String, in parameters: [(String, String)]) -> Bool {
        if isSecret(name) { return true }
        guard name.lowercased().hasSuffix("].value") else { return false }
        let keyName = String(name.dropLast("value".count)) + "key"
        return parameters.contains { $0.0.lowercased() == keyName.lowercased() && isSecret($0.1) }
    }

    /// `parameters` without the ones that carry secrets, and the names of those left out (names are not secret).
    public static func removingSecrets(_ parameters: [(String, String)]) -> (kept: [(String, String)], removed: [String]) {
        var kept: [(String, String)] = []
        var removed: [String] = []
        for p in parameters {
            if isSecret(p.0, in: parameters) { removed.append(p.0) } else { kept.append(p) }
        }
        return (kept, removed)
    }

    public static func shorten(_ key: String) -> String {
        key.count <= 8 ? "••••" : String(key.prefix(4)) + "…" + String(key.suffix(4))
    }

    /// `name=value` pairs with every secret masked, for logs and `--debug`.
    public static func describe(_ parameters: [(String, String)]) -> String {
        parameters.map { isSecret($0.0, in: parameters) ? "\($0.0)=••••••" : "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
