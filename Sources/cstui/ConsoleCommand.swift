import ArgumentParser
import CloudStack
import Foundation

/// `cstui` / `cstui --demo`: the interactive console.
struct ConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "console", abstract: "Open the interactive console (the default).")

    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Run on the embedded simulator, logged in as its admin.")
    var demo = false

    func run() async throws {
        Terminal.warn("cstui: the interactive console is not built yet (issue 4); use `cstui call` or `cstui simulator`")
        throw ExitCode(2)
    }
}
