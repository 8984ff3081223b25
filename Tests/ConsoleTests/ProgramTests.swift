import CloudStack
import Foundation
import PluginKit
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// The console's `Program`, which the terminal loop and the tests share: events in, effects started, results drained.
@Suite("Program")
struct ProgramTests {
    @Test("a result posted by background work changes nothing until drain applies it; then the screen shows its rows")
    func drainAppliesPostedResults() throws {
        let api = try ConsoleFixtures.api()
        let program = Program(state: ConsoleFixtures.state(api: api))
        #expect(program.drain() == false, "nothing was posted, so nothing is applied")
        let generation = program.state.lists[InstancesSection.id]?.generation ?? -1
        let rows = (1...3).map { ConsoleUpdateTests.vm($0, "web-\($0)", "Running") }
        program.queue.post(.pageLoaded(view: InstancesSection.id, generation: generation, page: 1, DataPage(rows: rows, total: 3)))
        #expect(!program.screen.renderedText.contains("web-2"), "a posted result is not applied before drain")
        #expect(program.drain() == true)
        #expect(program.screen.renderedText.contains("web-2"))
        #expect(program.screen.text(at: 1).contains("3 rows"))
        #expect(program.drain() == false, "each result is applied once")
    }

    @Test("keys sent go through Update as the terminal's do: moving the cursor, then Ctrl-C ends the loop")
    func sendAppliesKeys() throws {
        let api = try ConsoleFixtures.api()
        var s = ConsoleFixtures.state(api: api)
        ConsoleFixtures.load((1...5).map { ConsoleUpdateTests.vm($0, "web-\($0)", "Running") }, into: &s)
        let program = Program(state: s)
        program.send(.input(.key(.down)))
        program.send(.input(.key(.down)))
        #expect(program.state.lists[InstancesSection.id]?.selectedRow?.id == "vm-3")
        let (x, y) = try #require(program.screen.position(of: "web-3 "))
        #expect(program.screen.style(x: x, y: y) == program.state.theme[.selectedRow])
        #expect(!program.state.quitting)
        program.send(.input(.key(.ctrl("c"))))
        #expect(program.state.quitting)
    }

    @Test("a load sent through the program reaches the simulator and its rows come back through drain")
    func effectsRunAgainstTheSimulator() async throws {
        try await SimConsole.with(vms: 12) { c in
            c.s.focus = .main
            c.program.change { Update.open(InstancesSection.id, &$0) }
            #expect(c.s.lists[InstancesSection.id]?.rows.isEmpty == true, "rows arrive only once drained")
            try await c.settle { $0.lists[InstancesSection.id]?.loading == .idle && $0.lists[InstancesSection.id]?.lastLoaded != nil }
            #expect(c.s.lists[InstancesSection.id]?.rows.count == 12)
            #expect(c.screen.text(at: 1).contains("12 rows"))
        }
    }

    @Test("SimConsole.with stops its simulator and its running effects when the test's body throws")
    func simConsoleStopsOnFailure() async throws {
        struct Planned: Error {}
        var port = 0
        var runner: EffectRunner?
        await #expect(throws: Planned.self) {
            try await SimConsole.with(vms: 5) { c in
                port = c.server.port
                runner = c.runner
                // The first page's load is on its way when the body fails.
                c.s.focus = .main
                c.program.change { Update.open(InstancesSection.id, &$0) }
                #expect(c.runner.runningCount > 0)
                throw Planned()
            }
        }
        #expect(runner?.runningCount == 0, "no effect outlives the test")
        #expect(port > 0)
        #expect(!isListening(onLoopbackPort: port), "the simulator still listens on \(port) after the test ended")
    }
}
