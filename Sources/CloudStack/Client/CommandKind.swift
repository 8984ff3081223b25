/// What the client may assume about a command from its name alone.
public enum CommandKind {
    /// list*, query* and get* commands only read: sent as GET and safe to retry.
    public static func isRead(_ command: String) -> Bool {
        let c = command.lowercased()
        return c.hasPrefix("list") || c.hasPrefix("query") || c.hasPrefix("get")
    }

    /// Reads go as GET; everything else, and anything carrying a password or secret, as a POST form,
    /// so secrets never sit in URLs and access logs and servers that enforce POST for mutations accept it.
    public static func usesPOST(_ command: String, parameters: [(String, String)]) -> Bool {
        if !isRead(command) { return true }
        return parameters.contains { p in
            let n = p.0.lowercased()
            return n.contains("password") || n.contains("secret") || n == "userdata"
        }
    }
}
