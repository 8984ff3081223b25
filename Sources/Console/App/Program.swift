import CloudStack
import Foundation
import TUI

/// The console without its terminal: the state, the mailbox of background results and the runner of effects.
///
/// This is the one place where an event becomes effects and effects become running work. `ConsoleApp` drives it
/// from the terminal and the clock; tests drive the same type with keys and `drain`, so what they check is what the
/// console does.
final class Program {
    /// The whole model; tests may also set it directly (to move a cursor, say) as a user's keys would.
    var state: AppState
    let queue: EventQueue
    let runner: EffectRunner

    /// Effects call the API the state holds; `readOnly` and `openProfile` reach the runner, which applies them to
    /// clients it opens for other profiles.
    init(state: AppState, readOnly: Bool = false,
         openProfile: (@Sendable (String) async throws -> (CloudStackClient, String))? = nil, history: HistoryLog? = nil) {
        self.state = state
        queue = EventQueue()
        runner = EffectRunner(queue: queue, readOnly: readOnly, openProfile: openProfile, history: history)
    }

    /// Applies one event and starts the work it asks for.
    func send(_ event: AppEvent) {
        perform(Update.apply(event, to: &state))
    }

    /// Runs a change of state that is not an event (opening a section, the first sign-in) and starts its work.
    func change(_ body: (inout AppState) -> [Effect]) {
        perform(body(&state))
    }

    /// Applies every background result posted so far; returns whether there was any.
    @discardableResult
    func drain() -> Bool {
        let events = queue.drain()
        for event in events { send(event) }
        return !events.isEmpty
    }

    /// The screen as it should look now.
    var screen: Screen { Renderer.render(state) }

    /// Ends every effect still running (the console is closing).
    func cancelAll() { runner.cancelAll() }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            // Quitting is the loop's business, not background work: it ends the loop once the current pass is done.
            if case .quit = effect {
                state.quitting = true
                continue
            }
            runner.run(effect, context: state.context())
        }
    }
}
