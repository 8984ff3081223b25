/// Why an S3 operation failed, with the server's own words when it gave some.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status; code and message come from its XML error body.
    case server(status: Int, code: String?, message: String?)
    /// The request never got an answer (connection refused, DNS, TLS, timeout).
    case transport(String)
    /// The server answered 2xx but not with what S3 promises.
    case unexpected(String)
    /// Bad input from the user (endpoint, file).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .server(status, code, message):
            var text = "HTTP \(status)"
            if let code, !code.isEmpty { text += " \(code)" }
            if let message, !message.isEmpty { text += ": \(message)" }
            return text
        case let .transport(text): return text
        case let .unexpected(text): return text
        case let .invalidArgument(text): return text
        }
    }
}
