/// What the client may assume about a command from its name alone.
public enum CommandKind {
    /// list*, query*, get* and find* (findHostsForMigration, a picker's rows) commands only read: sent as GET and
    /// safe to retry.
    public static func isRead(_ command: String) -> Bool {
        let c = command.lowercased()
        return c.hasPrefix("list") || c.hasPrefix("query") || c.hasPrefix("get") || c.hasPrefix("find")
    }

    /// Whether a command leaves the cloud as it was: list*, query*, get*, find* and is* (isAccountAllowed…), plus login and
    /// logout, which only open and close the caller's own session. Everything else is taken to change something;
    /// this, never an action's or plugin's own word, decides what `--read-only` refuses and what must be confirmed.
    public static func isReadOnly(_ command: String) -> Bool {
        if isRead(command) { return true }
        let c = command.lowercased()
        if c == "login" || c == "logout" { return true }
        // `isFoo` reads; `issueCertificate` does not.
        let scalars = Array(command.unicodeScalars)
        return scalars.count > 2 && c.hasPrefix("is") && scalars[2].properties.isUppercase
    }

    /// Commands whose names say they destroy, remove or roll back something: confirmed with Cancel focused.
    public static func isDestructive(_ command: String) -> Bool {
        let c = command.lowercased()
        return ["destroy", "delete", "expunge", "remove", "release", "revert", "purge", "restore", "disassociate"].contains { c.hasPrefix($0) }
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
