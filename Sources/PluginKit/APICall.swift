import CloudStack

/// One management-API request as an action plans it: the command and its parameters in the order they are sent.
/// The console shows it in the confirmation, and sends exactly what the user confirmed.
public struct APICall: Sendable, Equatable, CustomStringConvertible {
    public var command: String
    public var parameters: [(String, String)]

    public init(_ command: String, _ parameters: [(String, String)] = []) {
        self.command = command
        self.parameters = parameters
    }

    /// Whether sending it changes something (decided by the command, never by whoever planned it).
    public var isMutating: Bool { !CommandKind.isReadOnly(command) }

    /// Parameters whose values are never shown: passwords, secrets, keys and tokens.
    public static func isSecret(_ name: String) -> Bool {
        let n = name.lowercased()
        return ["password", "secret", "privatekey", "token"].contains { n.contains($0) }
    }

    /// The parameters as they may be shown: secret values as ••••.
    public var shownParameters: [(String, String)] {
        parameters.map { ($0.0, Self.isSecret($0.0) ? "••••" : $0.1) }
    }

    /// `command name=value …` on one line, secret values masked.
    public var description: String {
        ([command] + shownParameters.map { "\($0.0)=\($0.1)" }).joined(separator: " ")
    }

    public static func == (a: APICall, b: APICall) -> Bool {
        a.command.lowercased() == b.command.lowercased() && a.parameters.count == b.parameters.count
            && zip(a.parameters, b.parameters).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
