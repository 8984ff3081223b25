import ArgumentParser
import CloudStack
import Console
import Foundation
import Logging
import Simulator
import TUI

/// `cstui` / `cstui --demo`: the interactive console.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the interactive console (the default).")

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Run on the embedded simulator, signed in as its admin.")
    var demo = false

    @Option(name: .customLong("demo-vms"), help: "Virtual machines in the demo inventory.")
    var demoVMs: Int = 5000

    @Option(name: .customLong("demo-seed"), help: "Seed of the demo inventory.")
    var demoSeed: UInt64 = 1

    @Option(name: .long, help: "Colour theme: a JSON file, or a name (default, dark, light, high-contrast, monochrome) looked up in $CSTUI_THEMES, ~/.config/cstui/themes, then the shipped themes.")
    var theme: String?

    @Flag(name: .customLong("read-only"), help: "Hide and refuse every action that changes something.")
    var readOnly = false

    @Option(name: .customLong("auto-refresh"), help: "Start with auto-refresh on, every N seconds (toggle with a).")
    var autoRefresh: Double?

    @Option(name: .customLong("plugins"), help: "A plugins folder (plugins.json and one folder per plugin) over $CSTUI_PLUGINS, ~/.config/cstui/plugins and the shipped plugins.")
    var pluginsDirectory: String?

    @Option(name: .customLong("page-size"), help: "Rows per request when loading lists (at most 500).")
    var pageSize: Int = 500

    func validate() throws {
        guard (1...500).contains(pageSize) else { throw ValidationError("--page-size must be 1-500 (the server's limit)") }
        guard (0...SimulatorOptions.maxVMs).contains(demoVMs) else {
            throw ValidationError("--demo-vms must be 0-\(SimulatorOptions.maxVMs); got \(demoVMs)")
        }
        if let pluginsDirectory, !ResourcePaths.isDirectory(pluginsDirectory) {
            throw ValidationError("--plugins: '\(pluginsDirectory)' is not a folder")
        }
        if let autoRefresh, !(autoRefresh.isFinite && (1...86_400).contains(autoRefresh)) {
            throw ValidationError("--auto-refresh must be seconds between 1 and 86400; got \(autoRefresh)")
        }
    }

    /// Seconds a logout may take when leaving on a signal: an SSH drop must not leave cstui hanging on a dead server.
    static let logoutTimeoutOnSignal: Double = 2
    /// Seconds a logout may take after a normal quit.
    static let logoutTimeout: Double = 10

    func run() async throws {
        // Fail before anything starts when there is no terminal to draw on.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Terminal.warn("cstui: the console needs a terminal (stdin and stdout are not a tty); for scripts use `cstui call`")
            throw ExitCode(2)
        }
        let (selectedTheme, themeNotice) = ThemeChoice.resolve(theme ?? ThemeChoice.configured(connection.configPath))
        // Warnings are shown inside the console: printed now they would sit behind its alternate screen until exit.
        var notices = themeNotice.map { [$0] } ?? []

        var server: SimulatorServer?
        let configuration: ClientConfiguration
        let profileName: String
        if demo {
            var options = SimulatorOptions()
            options.vms = demoVMs
            options.seed = demoSeed
            let started: SimulatorServer
            do {
                started = try await SimulatorServer.start(options)
            } catch {
                Terminal.warn("cstui: cannot start the demo simulator: \(error)")
                throw ExitCode(1)
            }
            server = started
            let admin = started.credentials.admin
            configuration = ClientConfiguration(endpoint: started.endpoint,
                                                credentials: .session(username: admin.username, password: admin.password, domain: admin.domain))
            profileName = "demo"
        } else {
            do {
                let (profile, warnings) = try connection.resolveWithWarnings()
                configuration = profile.configuration
                profileName = profile.name
                notices = warnings + notices
            } catch {
                Terminal.warn("cstui: \(error)")
                throw ExitCode(2)
            }
        }
        let client: CloudStackClient
        let backend: CursesBackend
        let logger: Logger
        do {
            logger = try connection.logger()
            client = try CloudStackClient(configuration: configuration, logger: logger)
        } catch {
            for notice in notices { Terminal.warn("cstui: \(notice)") }
            Terminal.warn("cstui: \(error)")
            try? await server?.shutdown()
            throw ExitCode(2)
        }
        do {
            backend = try CursesBackend(environment: ProcessInfo.processInfo.environment)
        } catch {
            for notice in notices { Terminal.warn("cstui: \(notice)") }
            Terminal.warn("cstui: \(error)")
            await client.close()
            try? await server?.shutdown()
            throw ExitCode(2)
        }
        var options = ConsoleOptions(profileName: profileName, readOnly: readOnly, theme: selectedTheme,
                                     pageSize: pageSize, autoRefresh: autoRefresh,
                                     notice: notices.isEmpty ? nil : notices.joined(separator: "  ·  "))
        let configPath = connection.configPath
        let insecure = connection.insecure
        options.openProfile = { name in
            // `:profile NAME`: the named section of the same config file; --insecure still applies.
            var o = ProfileOverrides()
            o.profile = name
            if insecure { o.verifyTLS = false }
            let profile = try ProfileResolver(configPath: configPath).resolve(o)
            return (try CloudStackClient(configuration: profile.configuration, logger: logger), profile.name)
        }
        options.history = HistoryLog.defaultPath(environment: ProcessInfo.processInfo.environment).map { HistoryLog(path: $0) }
        options.pluginRoots = ResourcePaths.pluginRoots(flag: pluginsDirectory)
        options.swiftPlugins = SwiftPlugins.byID
        let app = ConsoleApp(client: client, options: options, backend: backend)
        await app.run()
        backend.shutdown()
        // Repeated on the shell's screen: in the console they showed only until the next message replaced them.
        for notice in notices { Terminal.warn("cstui: \(notice)") }
        // After SIGTERM or SIGHUP (the loop has left and the terminal is restored) the session is still ended on the
        // server, so it does not outlive a dropped SSH connection, but within a short time: the exit must not hang.
        // A terminal that hung up without a SIGHUP reaching us counts as one (the exit status says so too).
        let stop = TerminalSignals.stopSignal ?? (app.terminalLost ? SIGHUP : nil)
        let limit = stop == nil ? Self.logoutTimeout : Self.logoutTimeoutOnSignal
        if !(await Deadline.run(seconds: limit, { await client.close() })) {
            Terminal.warn("cstui: logging out took longer than \(Int(limit)) s; the session ends when the server times it out")
        }
        if let server { _ = await Deadline.run(seconds: limit) { try? await server.shutdown() } }
        if let stop { throw ExitCode(128 + stop) }
    }
}

/// Finding the theme the user asked for.
enum ThemeChoice {
    /// The `theme` key of the config file's core section, if any.
    static func configured(_ configPath: String?) -> String? {
        try? ProfileResolver(configPath: configPath).loadFile()?.core["theme"]
    }

    /// A theme by name (looked up in the themes directories) or by path; on failure the default theme and a message.
    static func resolve(_ choice: String?) -> (Theme, String?) {
        guard let choice, !choice.isEmpty, choice != "default" || !directories().isEmpty else { return (.builtIn, nil) }
        let path: String
        if choice.contains("/") || choice.hasSuffix(".json") {
            path = choice
        } else if let dir = directories().first(where: { FileManager.default.fileExists(atPath: "\($0)/\(choice).json") }) {
            path = "\(dir)/\(choice).json"
        } else {
            if choice == "default" { return (.builtIn, nil) }
            let names = directories().flatMap { (try? FileManager.default.contentsOfDirectory(atPath: $0)) ?? [] }
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }.map { String($0.dropLast(5)) }
            return (.builtIn, "theme '\(choice)' not found (known: \(Set(names).sorted().joined(separator: ", "))); using the default theme")
        }
        let (theme, error) = Theme.loadOrDefault(path: path)
        // The file's name, not its whole path, so the key and the problem fit on the console's one message line.
        let name = URL(fileURLWithPath: path).lastPathComponent
        return (theme, error.map { "\($0)".replacingOccurrences(of: path, with: name) + "; using the default theme" })
    }

    /// The folders a theme name is looked up in, first match wins (see `ResourcePaths`).
    static func directories() -> [String] { ResourcePaths.themeDirectories() }
}
