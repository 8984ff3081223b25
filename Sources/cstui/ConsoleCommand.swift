import ArgumentParser
import CloudStack
import Console
import Foundation
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

    @Option(name: .long, help: "Colour theme: a name from themes/ (default, dark, light, high-contrast, monochrome) or a JSON file.")
    var theme: String?

    @Flag(name: .customLong("read-only"), help: "Hide and refuse every action that changes something.")
    var readOnly = false

    @Option(name: .customLong("auto-refresh"), help: "Start with auto-refresh on, every N seconds (toggle with a).")
    var autoRefresh: Double?

    @Option(name: .customLong("plugins"), help: "The plugins folder (plugins.json and one folder per plugin); default ./plugins.")
    var pluginsDirectory: String?

    @Option(name: .customLong("page-size"), help: "Rows per request when loading lists (at most 500).")
    var pageSize: Int = 500

    func validate() throws {
        guard (1...500).contains(pageSize) else { throw ValidationError("--page-size must be 1-500 (the server's limit)") }
        guard demoVMs >= 0 else { throw ValidationError("--demo-vms must not be negative") }
    }

    func run() async throws {
        // Fail before anything starts when there is no terminal to draw on.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Terminal.warn("cstui: the console needs a terminal (stdin and stdout are not a tty); for scripts use `cstui call`")
            throw ExitCode(2)
        }
        let (selectedTheme, themeNotice) = ThemeChoice.resolve(theme ?? ThemeChoice.configured(connection.configPath))
        if let themeNotice { Terminal.warn("cstui: \(themeNotice)") }

        var server: SimulatorServer?
        let configuration: ClientConfiguration
        let profileName: String
        if demo {
            var options = SimulatorOptions()
            options.vms = demoVMs
            options.seed = demoSeed
            do {
                server = try await SimulatorServer.start(options)
            } catch {
                Terminal.warn("cstui: cannot start the demo simulator: \(error)")
                throw ExitCode(1)
            }
            let admin = server!.credentials.admin
            configuration = ClientConfiguration(endpoint: server!.endpoint,
                                                credentials: .session(username: admin.username, password: admin.password, domain: admin.domain))
            profileName = "demo"
        } else {
            do {
                let profile = try connection.resolve()
                configuration = profile.configuration
                profileName = profile.name
            } catch {
                Terminal.warn("cstui: \(error)")
                throw ExitCode(2)
            }
        }
        let client: CloudStackClient
        let backend: CursesBackend
        do {
            client = try CloudStackClient(configuration: configuration)
        } catch {
            Terminal.warn("cstui: \(error)")
            try? await server?.shutdown()
            throw ExitCode(2)
        }
        do {
            backend = try CursesBackend(environment: ProcessInfo.processInfo.environment)
        } catch {
            Terminal.warn("cstui: \(error)")
            await client.close()
            try? await server?.shutdown()
            throw ExitCode(2)
        }
        var options = ConsoleOptions(profileName: profileName, readOnly: readOnly, theme: selectedTheme,
                                     pageSize: pageSize, autoRefresh: autoRefresh, notice: themeNotice)
        let configPath = connection.configPath
        let insecure = connection.insecure
        options.openProfile = { name in
            // `:profile NAME`: the named section of the same config file; --insecure still applies.
            var o = ProfileOverrides()
            o.profile = name
            if insecure { o.verifyTLS = false }
            let profile = try ProfileResolver(configPath: configPath).resolve(o)
            return (try CloudStackClient(configuration: profile.configuration), profile.name)
        }
        options.pluginsDirectory = pluginsDirectory ?? SwiftPlugins.directory()
        options.swiftPlugins = SwiftPlugins.byID
        let app = ConsoleApp(client: client, options: options, backend: backend)
        await app.run()
        backend.shutdown()
        await client.close()
        try? await server?.shutdown()
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

    /// `name` in the repository a built binary comes from (`.build/<triple>/debug/cstui` or `.build/debug/cstui`).
    static func besideBinary(_ name: String) -> [String] {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        return ["../../..", "../.."].map { exe.appendingPathComponent("\($0)/\(name)").standardized.path }
    }

    /// `$CSTUI_THEMES`, `./themes`, the repository's themes beside the built binary, `~/.config/cstui/themes`.
    static func directories() -> [String] {
        let env = ProcessInfo.processInfo.environment
        var dirs: [String] = []
        if let d = env["CSTUI_THEMES"] { dirs.append(d) }
        dirs.append(FileManager.default.currentDirectoryPath + "/themes")
        dirs += besideBinary("themes")
        dirs.append((env["HOME"] ?? NSHomeDirectory()) + "/.config/cstui/themes")
        return dirs.filter { FileManager.default.fileExists(atPath: $0) }
    }
}
