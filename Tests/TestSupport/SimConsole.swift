#if DEBUG
import CloudStack
import Foundation
import PluginKit
import Simulator
import TUI
@testable import Console

/// A check on the simulated console that could not be made: a wait that timed out, a row that is not there.
struct SimConsoleFailure: Error, CustomStringConvertible {
    let description: String
}

/// The console against an in-process simulator, driven through the console's own `Program`: keys are sent as the
/// loop sends them, effects run in the real `EffectRunner`, and background results are applied by `drain`.
final class SimConsole {
    let server: SimulatorServer
    let client: CloudStackClient
    let api: RecordingAPI
    let program: Program

    /// The console's state; setting it is for moves a key sequence would make (a cursor onto a row).
    var s: AppState {
        get { program.state }
        set { program.state = newValue }
    }
    var runner: EffectRunner { program.runner }

    private init(server: SimulatorServer, client: CloudStackClient, api: RecordingAPI, apis: [APIInfo], history: HistoryLog?) {
        self.server = server
        self.client = client
        self.api = api
        var s = ConsoleFixtures.signedIn(api: api, width: 160, height: 40, profileName: "sim")
        s.apis = apis
        s.history = history
        program = Program(state: s, history: history)
    }

    /// Runs `body` against a fresh simulator and closes everything afterwards, also when it throws. With `history`,
    /// the console's API writes its calls there as the console does (profile "sim").
    static func with(vms: Int = 30, jobDelay: ClosedRange<Double> = 0.05...0.1, history: HistoryLog? = nil,
                     _ body: (SimConsole) async throws -> Void) async throws {
        try await TestSimulator.with(SimulatorOptions(vms: vms, seed: 11, jobDelay: jobDelay)) { server in
            let client = try admin(server)
            let inner = ConsoleAPI(client: client, history: history.map { HistoryRecorder(log: $0, profile: "sim") })
            let apis = try await inner.loadAPIs()
            let c = SimConsole(server: server, client: client, api: RecordingAPI(inner), apis: apis, history: history)
            // Effects still running hold the client; they end before it is closed, pass or fail.
            defer { c.program.cancelAll() }
            try await body(c)
        }
    }

    func perform(_ effects: [Effect]) { program.perform(effects) }

    func key(_ k: Key) { program.send(.input(.key(k))) }
    func type(_ text: String) { for c in text { key(.char(c)) } }

    /// Applies background results until `done` holds; throws, naming the status line, after `timeout` seconds.
    func settle(timeout: Double = 20, until done: (AppState) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done(s) {
            if Date() > deadline {
                throw SimConsoleFailure(description: "timed out after \(timeout) s; flash: \(s.flash?.text ?? "none")")
            }
            if !program.drain() { try await Task.sleep(nanoseconds: 20_000_000) }
        }
    }

    /// Opens a section and waits for its rows.
    func open(_ section: String) async throws {
        s.focus = .main
        program.change { Update.open(section, &$0) }
        try await settle { $0.lists[section]?.loading == .idle && $0.lists[section]?.lastLoaded != nil }
    }

    /// Waits for the reload an action's end starts, and for the tracked job to end.
    func settleAction(in view: String) async throws {
        try await settle { s in s.jobs.pendingCount == 0 && s.lists[view]?.loading == .idle }
    }

    /// Moves the cursor onto the first visible row matching `match`.
    @discardableResult
    func select(in view: String, _ match: (Row) -> Bool) throws -> Row {
        guard var list = s.lists[view] else { throw SimConsoleFailure(description: "no list '\(view)' is open") }
        guard let pos = list.visible.firstIndex(where: { match(list.rows[$0]) }) else {
            throw SimConsoleFailure(description: "no visible row in '\(view)' matches")
        }
        list.table.selectedRow = pos
        s.lists[view] = list
        return list.rows[list.visible[pos]]
    }

    func row(_ view: String, id: String) -> Row? { s.lists[view]?.rows.first { $0.id == id } }
    var screen: Screen { program.screen }
}
#endif
