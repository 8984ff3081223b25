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
        guard let text = String(data: data, encoding: .utf8) else {
            throw CloudStackError.configuration("\(configPath) is not UTF-8 text")
        }
        return try INIFile.parse(text, path: configPath)
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
                        throw CloudStackError.configuration("profile '\(requested)' is not in \(configPath)" + (known.isEmpty ? "" : " (profiles: \(known.joined(separator: ", ")))"))
                    }
                    return try finish(name: name, values: values, core: core, overrides: overrides, sources: sources)
                }
                values = section
                sources.append("profile [\(requested)] of \(configPath)")
            } else if let first = file.sections.first {
                values = first.values
                name = first.name
                sources.append("profile [\(first.name)] of \(configPath)")
            }
        } else if let p = overrides.profile {
            throw CloudStackError.configuration("profile '\(p)' was asked for, but \(configPath) does not exist")
        }
        return try finish(name: name, values: values, core: core, overrides: overrides, sources: sources)
    }

    private func finish(name: String, values fileValues: [String: String], core: [String: String], overrides: ProfileOverrides, sources: [String]) throws -> Profile {
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
            throw CloudStackError.configuration("no management server URL: set url in \(configPath) (profile [\(name)]), $CLOUDSTACK_ENDPOINT, or --url")
        }
        let credentials: Credentials
        if let key = v["apikey"], !key.isEmpty, let secret = v["secretkey"], !secret.isEmpty {
            credentials = .apiKey(key: key, secret: secret)
        } else if let user = v["username"], !user.isEmpty, let password = v["password"], !password.isEmpty {
            credentials = .session(username: user, password: password, domain: v["domain"].flatMap { $0.isEmpty ? nil : $0 } ?? "/")
        } else if let key = v["apikey"], !key.isEmpty {
            throw CloudStackError.configuration("an API key is set for profile [\(name)] but no secret key (secretkey, $CLOUDSTACK_SECRET or --secret-key)")
        } else {
            throw CloudStackError.configuration("no credentials for profile [\(name)]: provide either apikey/secretkey or username/password")
        }
        var config = ClientConfiguration(endpoint: url, credentials: credentials)
        if let t = overrides.timeout ?? (v["timeout"] ?? core["timeout"]).flatMap(Double.init), t > 0 {
            config.jobTimeout = t
            config.requestTimeout = min(t, config.requestTimeout)
        }
        if let verify = overrides.verifyTLS {
            config.verifyTLS = verify
        } else if let text = v["verifycert"] ?? core["verifycert"] {
            guard let b = Self.parseBool(text) else {
                throw CloudStackError.configuration("\(configPath): verifycert must be true or false, not '\(text)'")
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
