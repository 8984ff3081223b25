import ArgumentParser

/// The `cstui` command: the console by default, `call` for one API call, `simulator` for the embedded server.
@main
struct CSTUI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cstui",
        abstract: "A terminal console for Apache CloudStack.",
        discussion: """
        Without a subcommand cstui opens the console on the configured profile (cloudmonkey's ~/.cmk/config, \
        $CLOUDSTACK_ENDPOINT/$CLOUDSTACK_KEY/$CLOUDSTACK_SECRET, or flags). `cstui --demo` opens it on the embedded simulator.
        """,
        subcommands: [ConsoleCommand.self, CallCommand.self, SyncCommand.self, SimulatorCommand.self, PluginsCommand.self, S3CheckCommand.self],
        defaultSubcommand: ConsoleCommand.self
    )
}
