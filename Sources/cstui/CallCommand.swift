import ArgumentParser
import CloudStack
import Console
import Foundation

/// `cstui call COMMAND key=value…`: one management-API call from the shell.
struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Run one API command and print its response.",
        discussion: """
        Examples:
          cstui call listZones
          cstui call listVirtualMachines state=Running --all-pages --output table --filter name,state,zonename
          cstui call stopVirtualMachine id=… forced=true
        Async commands are waited for (progress on stderr); --no-wait prints the jobid instead.
        Exit status: 0 success, 1 the server refused the command or the job failed, 2 bad arguments or configuration,
        3 the server could not be reached or gave an answer that is not API JSON.
        """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The API command, e.g. listVirtualMachines.", completion: .custom(CallCompletion.commands))
    var command: String

    @Argument(help: "Parameters as key=value (quote values with spaces).", completion: .custom(CallCompletion.parameters))
    var parameters: [String] = []

    @Option(name: [.customShort("o"), .long], help: "Output format: json, table, csv or text.")
    var output: OutputFormat = .json

    @Flag(name: .customLong("all-pages"), help: "For list commands: fetch every page (in parallel, order kept).")
    var allPages = false

    @Option(name: .long, help: "With --all-pages: pages in flight at once (1-32, default 4).")
    var parallel: Int = 4

    @Flag(name: .customLong("no-wait"), help: "For async commands: print the jobid instead of waiting for the job.")
    var noWait = false

    @Option(name: .long, help: "Only these fields of each row, comma-separated (e.g. id,name,state).")
    var filter: String?

    @Flag(name: .customLong("read-only"), help: "Refuse any command that is not a list, get, query or is command (exit 2).")
    var readOnly = false

    func validate() throws {
        guard (1...32).contains(parallel) else {
            throw ValidationError("--parallel must be 1-32 pages in flight; got \(parallel)")
        }
        for p in parameters where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("'\(p)' is not a parameter; write key=value")
        }
    }

    func run() async throws {
        var params = parameters.map { p -> (String, String) in
            let i = p.firstIndex(of: "=") ?? p.endIndex
            return (String(p[..<i]), i < p.endIndex ? String(p[p.index(after: i)...]) : "")
        }
        let fields = filter.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        // Ask the server only for the fields --filter keeps (listVirtualMachines' details), unless details= is given.
        if let fields { params = ListDetails.adding(to: params, command: command, fields: fields) }
        let profile: Profile
        let client: CloudStackClient
        do {
            profile = try connection.resolve()
            var configuration = profile.configuration
            if readOnly { configuration.readOnly = true }
            client = try CloudStackClient(configuration: configuration, logger: try connection.logger())
        } catch {
            Terminal.warn("cstui: \(error)")
            throw ExitCode(2)
        }
        // Calls that change something go into the history (`:history` in the console lists them).
        let history = HistoryLog.defaultPath(environment: ProcessInfo.processInfo.environment).map {
            HistoryRecorder(log: HistoryLog(path: $0), profile: profile.name, user: HistoryRecorder.sessionUser(profile.configuration.credentials))
        }
        let renderer = OutputRenderer(format: output, filter: fields)
        let code: Int32
        do {
            if allPages {
                try await streamAllPages(client, params, renderer)
            } else {
                let content = try await perform(client, params, history: history)
                Terminal.out(renderer.render(content))
            }
            code = 0
        } catch let e as CloudStackError {
            Terminal.warn("cstui: \(e)")
            code = Self.exitCode(e)
        } catch is CancellationError {
            code = 130
        } catch {
            Terminal.warn("cstui: \(error)")
            code = 1
        }
        await client.close()
        if let problem = history?.log.problem { Terminal.warn("cstui: \(problem)") }
        if code != 0 { throw ExitCode(code) }
    }

    /// Every page, written as it arrives (ListStream). A failure part-way leaves the rows already written on
    /// stdout and names the failure on stderr, with a non-zero exit.
    private func streamAllPages(_ client: CloudStackClient, _ params: [(String, String)], _ renderer: OutputRenderer) async throws {
        guard CommandKind.isRead(command) else {
            throw CloudStackError.configuration("--all-pages is for list commands; \(command) is not one")
        }
        let stream = ListStream(renderer: renderer, write: Terminal.out(bytes:))
        try await client.listPages(command, params, parallel: parallel) { page in stream.take(page) }
        for note in stream.finish() { Terminal.warn("cstui: \(note)") }
    }

    private func perform(_ client: CloudStackClient, _ params: [(String, String)], history: HistoryRecorder?) async throws -> JSONObject {
        let response: APIResponse
        do {
            response = try await client.call(command, params)
            history?.called(command, params, .success(response))
        } catch {
            history?.called(command, params, .failure(error))
            throw error
        }
        guard let jobID = response.jobID, !noWait, response.content["jobstatus"] == nil || response.content["jobstatus"]?.intValue == 0 else {
            return response.content
        }
        let interactive = isatty(STDERR_FILENO) == 1
        let start = Date()
        let job: AsyncJob
        do {
            job = try await client.waitForJob(jobID, command: command) { job in
                if interactive {
                    Terminal.progress("\(command): job \(jobID) pending, \(Int(Date().timeIntervalSince(start))) s")
                }
            }
            history?.jobEnded(jobID, error: nil)
        } catch {
            history?.jobEnded(jobID, error: error)
            throw error
        }
        if interactive { Terminal.progress("\(command): job \(jobID) done in \(Int(Date().timeIntervalSince(start))) s", done: true) }
        return job.result?.objectValue ?? job.raw
    }

    static func exitCode(_ e: CloudStackError) -> Int32 {
        switch e {
        case .api, .jobFailed, .jobCancelled, .jobTimedOut: return 1
        case .configuration: return 2
        case .transport, .notJSON, .unexpectedResponse: return 3
        }
    }
}
