import ArgumentParser
import CloudStack
import Foundation
import Logging

/// Where the management server is and how to sign in: a cloudmonkey profile, the environment, or these flags.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "Profile (section) of the config file to use.")
    var profile: String?

    @Option(name: [.customShort("c"), .customLong("config")], help: "Config file (default ~/.cmk/config, cloudmonkey's).")
    var configPath: String?

    @Option(name: .long, help: "API endpoint, e.g. https://cloud.example.com/client/api.")
    var url: String?

    @Option(name: .customLong("api-key"), help: "API key.")
    var apiKey: String?

    @Option(name: .customLong("secret-key"), help: "Secret key (prefer the config file or $CLOUDSTACK_SECRET: flags show in `ps`).")
    var secretKey: String?

    @Option(name: .long, help: "Username for a session login.")
    var username: String?

    @Option(name: .long, help: "Password for a session login (prefer the config file: flags show in `ps`).")
    var password: String?

    @Option(name: .long, help: "Domain path for a session login (default /).")
    var domain: String?

    @Flag(name: .long, help: "Do not verify the server's TLS certificate (like cloudmonkey's verifycert=false).")
    var insecure = false

    @Option(name: .customLong("ca-file"), help: "PEM file of CA certificates to trust.")
    var caFile: String?

    @Option(name: .long, help: "Seconds to wait for an async job (default: the profile's timeout, else 1800).")
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Log each API request and answer (secrets masked) to this file; also $CSTUI_DEBUG.",
                                            valueName: "file"))
    var debug: String?

    /// The API client's logger: to the debug file when one is named, else nowhere.
    func logger() throws -> Logger { try DebugLog.logger(path: DebugLog.path(flag: debug)) }

    var overrides: ProfileOverrides {
        var o = ProfileOverrides()
        o.profile = profile
        o.url = url
        o.apiKey = apiKey
        o.secretKey = secretKey
        o.username = username
        o.password = password
        o.domain = domain
        o.verifyTLS = insecure ? false : nil
        o.caFile = caFile
        o.timeout = timeout
        return o
    }

    func validate() throws {
        if let timeout, !(timeout.isFinite && timeout > 0 && timeout <= 7 * 86_400) {
            throw ValidationError("--timeout must be seconds between 0 and 604800 (a week); got \(timeout)")
        }
    }

    /// The resolved profile; warnings (an open config file, TLS verification off) go to stderr.
    func resolve() throws -> Profile {
        let (profile, warnings) = try resolveWithWarnings()
        for warning in warnings { Terminal.warn(warning) }
        return profile
    }

    /// The resolved profile and the warnings about it, for a caller that shows them itself (the console, whose
    /// alternate screen would hide anything printed to stderr before it starts).
    func resolveWithWarnings() throws -> (Profile, [String]) {
        let resolver = ProfileResolver(configPath: configPath)
        var warnings: [String] = []
        if let warning = resolver.permissionWarning() { warnings.append(warning) }
        let profile = try resolver.resolve(overrides)
        if !profile.configuration.verifyTLS {
            let endpoint = profile.configuration.endpoint
            warnings.append(endpoint.lowercased().hasPrefix("https")
                ? "warning: TLS certificate verification is off for \(endpoint)"
                : "warning: TLS certificate verification is off, and \(endpoint) is plain http: nothing is encrypted")
        }
        return (profile, warnings)
    }
}
