import ArgumentParser
import CloudStack
import Foundation

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

    /// The resolved profile; warnings (an open config file, TLS verification off) go to stderr.
    func resolve() throws -> Profile {
        let resolver = ProfileResolver(configPath: configPath)
        if let warning = resolver.permissionWarning() { Terminal.warn(warning) }
        let profile = try resolver.resolve(overrides)
        if !profile.configuration.verifyTLS, profile.configuration.endpoint.lowercased().hasPrefix("https") {
            Terminal.warn("warning: TLS certificate verification is off for \(profile.configuration.endpoint)")
        }
        return profile
    }
}
