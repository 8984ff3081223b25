import CloudStack
import Foundation
import PluginKit
import TUI

/// Measurements of the console driving a real server (the simulator, started by ConsoleBench): what an operator waits
/// for in a bulk action and between the steps of a wizard. Never run by tests.
public enum LiveBenchmarks {
    /// Rows of a bulk action in flight at once.
    public static var bulkSlots: Int { BulkSlots.defaultLimit }

    /// Marks `rows` running VMs, runs Stop on them (one confirmation) and waits for the summary: the wall time from
    /// the confirming key to the last row's end, and how many rows failed.
    public static func bulkStop(client: CloudStackClient, rows: Int) async throws -> (seconds: Double, failed: Int, done: Int) {
        let program = try await signedIn(client)
        try await open(InstancesSection.id, program)
        guard var list = program.state.lists[InstancesSection.id] else { throw BenchFailure("no Instances list") }
        let running = list.rows.filter { $0["state"] == "Running" }.prefix(rows).map(\.id)
        guard running.count == rows else { throw BenchFailure("only \(running.count) running VMs loaded; ask for more VMs") }
        list.marked = Set(running)
        program.state.lists[InstancesSection.id] = list
        program.send(.input(.key(.char("T"))))
        // Stop's form (force, left unticked), then the one confirmation.
        if case .form? = program.state.overlay { program.send(.input(.key(.enter))) }
        guard case .confirm? = program.state.overlay else { throw BenchFailure("Stop did not ask for confirmation") }
        let start = DispatchTime.now().uptimeNanoseconds
        program.send(.input(.key(.char("y"))))
        try await settle(program, timeout: 600) { $0.jobs.pendingCount == 0 }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let rowsJobs = program.state.jobs.jobs.filter { $0.parent != nil }
        let failed = rowsJobs.filter { if case .failed = $0.status { return true } else { return false } }.count
        program.cancelAll()
        return (elapsed, failed, rowsJobs.count)
    }

    /// Opens the header action `action` of `view` (a wizard) and presses Enter on each step, timing from the key to
    /// the moment every picker of the next step has its choices (the step's round trips to the server). Returns the
    /// time per step transition.
    public static func wizardSteps(client: CloudStackClient, view: String, rounds: Int = 5) async throws -> [Double] {
        let program = try await signedIn(client)
        try await open(view, program)
        guard program.state.lists[view]?.definition.headerActions.first?.steps.isEmpty == false else { throw BenchFailure("\(view) has no wizard") }
        var times: [Double] = []
        for _ in 0..<rounds {
            program.send(.input(.key(.char("A"))))
            try await settle(program, timeout: 30) { pickersLoaded($0) }
            guard case .form(let first)? = program.state.overlay, !first.steps.isEmpty else { throw BenchFailure("\(view)'s A is no wizard") }
            var step = 0
            while case .form(let f)? = program.state.overlay, !f.isLastStep {
                let start = DispatchTime.now().uptimeNanoseconds
                program.send(.input(.key(.enter)))
                guard case .form(let next)? = program.state.overlay, next.step == f.step + 1 else {
                    throw BenchFailure("step \(f.step + 1) did not move on: a required field without a default")
                }
                try await settle(program, timeout: 30) { pickersLoaded($0) }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if times.count <= step { times.append(0) }
                times[step] += elapsed / Double(rounds)
                step += 1
            }
            program.send(.input(.key(.escape)))
            while case .form? = program.state.overlay { program.send(.input(.key(.escape))); program.send(.input(.key(.char("y")))) }
        }
        program.cancelAll()
        return times
    }

    static func pickersLoaded(_ s: AppState) -> Bool {
        guard case .form(let f)? = s.overlay else { return false }
        return f.shown.allSatisfy { $0.optionsAPI == nil || f.options[$0.key] != nil || f.optionErrors[$0.key] != nil }
    }

    struct BenchFailure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static func signedIn(_ client: CloudStackClient) async throws -> Program {
        let api = ConsoleAPI(client: client)
        var s = AppState(width: 80, height: 24, profileName: "bench", endpointHost: client.endpointHost, readOnly: false, theme: .builtIn, api: api)
        s.apis = try await api.loadAPIs()
        s.user = try await api.whoAmI()
        s.focus = .main
        return Program(state: s)
    }

    static func open(_ view: String, _ program: Program) async throws {
        program.change { Update.open(view, &$0) }
        try await settle(program, timeout: 120) { $0.lists[view]?.loading == .idle && $0.lists[view]?.lastLoaded != nil }
    }

    static func settle(_ program: Program, timeout: Double, until done: (AppState) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !done(program.state) {
            if Date() > deadline { throw BenchFailure("timed out; flash: \(program.state.flash?.text ?? "none")") }
            if !program.drain() { try await Task.sleep(nanoseconds: 2_000_000) }
        }
    }
}
