import Foundation

/// A named server profile: where the management server is and how to authenticate.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var configuration: ClientConfiguration
    /// Where each setting came from, for `--debug` and error messages (never the secret values).
    public var sources: [String]

    public static func == (a: Profile, b: Profile) -> Bool { a.name == b.name && a.configuration.endpoint == b.configuration.endpoint }
}

/// Command-line settings that override the config file and the environment.
public struct ProfileOverrides: Sendable {
    public var profile: String?
    public var url: String?
    public var apiKey: String?
    public var secretKey: String?
    public var username: String?
    public var password: String?
    public var domain: String?
    /// `false` only when the user asked explicitly (`--insecure`).
    public var verifyTLS: Bool?
    public var caFile: String?
    public var timeout: Double?
    public init() {}
}

/// Builds the client configuration from `~/.cmk/config` (cloudmonkey's file), the `CLOUDSTACK_*` environment
/// variables and command-line flags, in that order of precedence (flags win).
public struct ProfileResolver: Sendable {
    public var configPath: String
    public var environment: [String: String]

    public init(configPath: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.configPath = configPath ?? Self.defaultConfigPath(environment: environment)
    }

    public static func defaultConfigPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.cmk/config"
    }

    /// The parsed config file, or nil when it does not exist.
    public func loadFile() throws -> INIFile? {
        guard FileManager.default.fileExists(atPath: configPath) else { return nil }
        guard let data = FileManager.default.contents(atPath: configPath) else {
            throw CloudStackError.configuration("\(configPath) cannot be read")
        }
        guard let text = Self.decodeText([UInt8](data)) else {
            throw CloudStackError.configuration("\(configPath) is not UTF-8 text (nor UTF-16 with a byte-order mark)")
        }
        return try INIFile.parse(text, path: configPath)
    }

    /// The file's text as go-ini reads it: UTF-8 (a BOM is skipped by the parser), or UTF-16 when it starts with a BOM.
    static func decodeText(_ bytes: [UInt8]) -> String? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            var out = ""
            var decoder = UTF16()
            var it = units.makeIterator()
            loop: while true {
                switch decoder.decode(&it) {
                case .scalarValue(let v): out.unicodeScalars.append(v)
                case .emptyInput: break loop
                case .error: return nil
                }
            }
            return out
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// A value from the file or the environment as an error message may quote it: on one line, visible, short, and
    /// with every secret (a secretkey or password anywhere in the file, environment or flags) masked, so a
    /// mis-parsed file can never put a key on the screen.
    func quoted(_ value: String, file: INIFile?, overrides: ProfileOverrides) -> String {
        var secrets: [String] = []
        let secretKeys: Set<String> = ["secretkey", "password"]
        for (k, v) in file?.core ?? [:] where secretKeys.contains(k) { secrets.append(v) }
        for section in file?.sections ?? [] { for (k, v) in section.values where secretKeys.contains(k) { secrets.append(v) } }
        secrets += [environment["CLOUDSTACK_SECRET"], overrides.secretKey, overrides.password].compactMap { $0 }
        var text = value
        for secret in secrets.filter({ $0.count >= 4 }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: secret, with: "****")
        }
        // A value that runs over several lines is a file read wrongly; the first line is enough to recognise it.
        if let cut = text.firstIndex(where: { $0.isNewline }) { text = String(text[..<cut]) + " …" }
        text = TerminalSafe.visible(text)
        return text.count > 60 ? String(text.prefix(60)) + "…" : text
    }

    /// A warning when the config file, which holds secrets, is readable by group or others. A symlinked config is
    /// judged by the file it leads to (stat follows links; a link's own mode is always 777 and says nothing).
    public func permissionWarning() -> String? {
        var info = stat()
        guard stat(configPath, &info) == 0 else { return nil }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o044 != 0 else { return nil }
        return "warning: the config file is readable by \(mode & 0o004 != 0 ? "others" : "group") (mode \(String(mode, radix: 8))) and holds credentials; run: chmod 600 \(configPath)"
    }

    /// The names of the profiles in the file.
    public func profileNames() throws -> [String] {
        try loadFile()?.sections.map(\.name) ?? []
    }

    public func resolve(_ overrides: ProfileOverrides = ProfileOverrides()) throws -> Profile {
        let file = try loadFile()
        let core = file?.core ?? [:]
        let requested = overrides.profile ?? core["profile"]
        var values: [String: String] = [:]
        var sources: [String] = []
        var name = requested ?? "default"
        if let file {
            if let requested {
                guard let section = file.section(requested) else {
                    if overrides.profile != nil || (overrides.url == nil && environment["CLOUDSTACK_ENDPOINT"] == nil) {
                        let known = file.sections.map(\.name)
                        let names = known.map { quoted($0, file: file, overrides: overrides) }
                        throw CloudStackError.configuration("profile '\(quoted(requested, file: file, overrides: overrides))' is not in \(configPath)"
                            + (names.isEmpty ? "" : " (profiles: \(names.joined(separator: ", ")))"))
                    }
                    return try finish(name: name, values: values, file: file, overrides: overrides, sources: sources)
                }
                values = section
                sources.append("profile [\(requested)] of \(configPath)")
            } else if let first = file.sections.first {
                values = first.values
                name = first.name
                sources.append("profile [\(first.name)] of \(configPath)")
            }
        } else if let p = overrides.profile {
            throw CloudStackError.configuration("profile '\(quoted(p, file: nil, overrides: overrides))' was asked for, but \(configPath) does not exist")
        }
        return try finish(name: name, values: values, file: file, overrides: overrides, sources: sources)
    }

    private func finish(name: String, values fileValues: [String: String], file: INIFile?, overrides: ProfileOverrides, sources: [String]) throws -> Profile {
        let core = file?.core ?? [:]
        let shownName = quoted(name, file: file, overrides: overrides)
        var v = fileValues
        var sources = sources
        // The environment other CloudStack tools use overrides the file.
        let env: [(String, String)] = [("CLOUDSTACK_ENDPOINT", "url"), ("CLOUDSTACK_KEY", "apikey"), ("CLOUDSTACK_SECRET", "secretkey")]
        for (variable, key) in env {
            if let value = environment[variable], !value.isEmpty {
                v[key] = value
                sources.append("$\(variable)")
            }
        }
        // Flags win over both.
        let flags: [(String?, String, String)] = [(overrides.url, "url", "--url"), (overrides.apiKey, "apikey", "--api-key"),
                                                  (overrides.secretKey, "secretkey", "--secret-key"), (overrides.username, "username", "--username"),
                                                  (overrides.password, "password", "--password"), (overrides.domain, "domain", "--domain")]
        for (value, key, flag) in flags {
            if let value {
                v[key] = value
                sources.append(flag)
            }
        }
        guard let url = v["url"], !url.isEmpty else {
            throw CloudStackError.configuration("no management server URL: set url in \(configPath) (profile [\(shownName)]), $CLOUDSTACK_ENDPOINT, or --url")
        }
        let credentials: Credentials
        if let key = v["apikey"], !key.isEmpty, let secret = v["secretkey"], !secret.isEmpty {
            credentials = .apiKey(key: key, secret: secret)
        } else if let user = v["username"], !user.isEmpty, let password = v["password"], !password.isEmpty {
            credentials = .session(username: user, password: password, domain: v["domain"].flatMap { $0.isEmpty ? nil : $0 } ?? "/")
        } else if let key = v["apikey"], !key.isEmpty {
            throw CloudStackError.configuration("an API key is set for profile [\(shownName)] but no secret key (secretkey, $CLOUDSTACK_SECRET or --secret-key)")
        } else {
            throw CloudStackError.configuration("no credentials for profile [\(shownName)]: provide either apikey/secretkey or username/password")
        }
        var config = ClientConfiguration(endpoint: url, credentials: credentials)
        if let t = overrides.timeout ?? (v["timeout"] ?? core["timeout"]).flatMap(Double.init), t.isFinite, t > 0 {
            config.jobTimeout = t
            config.requestTimeout = min(t, config.requestTimeout)
        }
        if let verify = overrides.verifyTLS {
            config.verifyTLS = verify
        } else if let text = v["verifycert"] ?? core["verifycert"] {
            guard let b = Self.parseBool(text) else {
                throw CloudStackError.configuration("\(configPath): verifycert must be true or false, not '\(quoted(text, file: file, overrides: overrides))'")
            }
            config.verifyTLS = b
        }
        config.caFile = overrides.caFile ?? v["cafile"]
        return Profile(name: name, configuration: config, sources: sources)
    }

    static func parseBool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes", "1", "on": return true
        case "false", "no", "0", "off": return false
        default: return nil
        }
    }
}
