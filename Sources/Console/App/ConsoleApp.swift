import CloudStack
import Foundation
import PluginKit
import TUI

/// What the console needs besides the client and the terminal.
public struct ConsoleOptions: Sendable {
    public var profileName: String
    public var readOnly: Bool
    public var theme: Theme
    /// Rows per background page.
    public var pageSize: Int
    /// Seconds between refreshes when auto-refresh is on (`a`); nil starts with it off.
    public var autoRefresh: Double?
    /// Shown in the status line at start (e.g. a theme file that failed to load).
    public var notice: String?
    /// The plugin roots, low to high precedence (see `PluginRoot`), and the Swift plugins compiled in, by id.
    public var pluginRoots: [PluginRoot] = []
    public var swiftPlugins: [String: any ConsolePlugin] = [:]
    /// Opens a client for another profile (`:profile NAME`): the client and the profile's name.
    public var openProfile: (@Sendable (String) async throws -> (CloudStackClient, String))?
    /// Where calls that change something are written (`:history` lists them); nil keeps no history.
    public var history: HistoryLog?

    public init(profileName: String, readOnly: Bool = false, theme: Theme = .builtIn, pageSize: Int = 500, autoRefresh: Double? = nil, notice: String? = nil) {
        self.notice = notice
        self.profileName = profileName
        self.readOnly = readOnly
        self.theme = theme
        self.pageSize = pageSize
        self.autoRefresh = autoRefresh
    }
}

/// The console's loop: terminal events and effect results in, `Update`, then a redraw of what changed.
public final class ConsoleApp: @unchecked Sendable {
    private let backend: TerminalBackend
    /// The state, the background results and the effects: everything here but the terminal and the sleeping.
    private let program: Program
    private let originalClient: CloudStackClient
    /// The terminal's input descriptor, polled together with the event queue's wake-up pipe.
    private let inputFD: Int32?
    /// The terminal hung up (its SSH connection or window closed) without a SIGHUP reaching the console, e.g. when
    /// the shell that started it ignores SIGHUP and so does not pass it on. The console leaves as it does on SIGHUP.
    public private(set) var terminalLost = false

    /// Whether the loop ended because of a stop signal or a lost terminal, not a quit: logouts are then cut short.
    public var stoppedFromOutside: Bool { terminalLost || TerminalSignals.stopSignal != nil }

    /// `inputFD`: the terminal's input (stdin) when the backend reads it, so the loop can sleep in poll();
    /// nil makes the loop poll the backend every 50 ms instead.
    public init(client: CloudStackClient, options: ConsoleOptions, backend: TerminalBackend, inputFD: Int32? = STDIN_FILENO) {
        self.backend = backend
        self.inputFD = inputFD
        let api = ConsoleAPI(client: client, history: options.history.map {
            HistoryRecorder(log: $0, profile: options.profileName, user: HistoryRecorder.sessionUser(client.configuration.credentials))
        })
        originalClient = client
        let host = client.endpointHost
        let size = backend.size
        var state = AppState(width: size.width, height: size.height, profileName: options.profileName, endpointHost: host,
                         readOnly: options.readOnly, theme: options.theme.adapted(to: backend.colorDepth), api: api)
        state.insecure = !client.configuration.verifyTLS
        state.history = options.history
        state.pageSize = options.pageSize
        state.colorDepth = backend.colorDepth
        state.plugins.roots = options.pluginRoots
        state.plugins.swiftPlugins = options.swiftPlugins
        if !options.pluginRoots.isEmpty {
            let (loaded, error) = PluginLoader.load(roots: options.pluginRoots, swiftPlugins: options.swiftPlugins)
            PluginIntegration.apply(loaded, listError: error, &state)
        }
        // The arrows move in the navbar from the first key: a new user goes Dashboard → Instances without Tab.
        state.focus = .navbar
        state.navbar.isFocused = true
        if let notice = options.notice { state.flash = (notice, true, Date().addingTimeInterval(20)) }
        if let every = options.autoRefresh {
            state.autoRefresh = true
            state.autoRefreshInterval = every
        }
        program = Program(state: state, readOnly: options.readOnly, openProfile: options.openProfile, history: options.history)
    }

    /// Runs until the user quits, on a thread of its own (curses is not thread-safe and the loop blocks).
    public func run() async {
        // Read-only is enforced by the client, the one place every call passes, before the first call is made.
        if program.state.readOnly { await originalClient.enforceReadOnly() }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread { [self] in
                self.loop()
                done.resume()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        program.cancelAll()
        // Other profiles' sessions are logged out too, but a stop signal (an SSH drop) never waits long for them.
        let runner = program.runner
        _ = await Deadline.run(seconds: stoppedFromOutside ? 2 : 10) {
            await runner.closeOpenedClients()
        }
    }

    private func loop() {
        program.change { [.signIn] + Update.open(Sections.dashboard, &$0) }
        backend.present(program.screen)
        var lastTick = Date()
        // A stop signal (SIGTERM, SIGHUP, SIGINT) is only recorded by its handler; the loop notices it here and
        // leaves like a quit, so the terminal is restored and the session logged out in ordinary code.
        while !program.state.quitting && !stoppedFromOutside {
            var changed = false
            waitForWork(until: lastTick.addingTimeInterval(1))
            if let input = backend.nextEvent(timeout: inputFD == nil ? 0.05 : 0) {
                program.send(.input(input))
                changed = true
                // Take every key already typed before drawing, so a held key never lags behind.
                while !program.state.quitting, let more = backend.nextEvent(timeout: 0) {
                    program.send(.input(more))
                }
            }
            if program.drain() { changed = true }
            let now = Date()
            if now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                program.send(.tick(now))
                changed = true
            }
            if changed && !program.state.quitting { backend.present(program.screen) }
        }
        backend.shutdown()
    }

    /// Sleeps until a key arrives on the terminal, a background result is posted, or `deadline` passes.
    private func waitForWork(until deadline: Date) {
        guard let inputFD, program.queue.wakeFD >= 0 else { return }
        let ms = Int32(max(0, min(1000, deadline.timeIntervalSinceNow * 1000)))
        var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0), pollfd(fd: program.queue.wakeFD, events: Int16(POLLIN), revents: 0)]
        if TerminalSignals.stopFD >= 0 { fds.append(pollfd(fd: TerminalSignals.stopFD, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), ms)  // EINTR (SIGWINCH on resize) simply ends the wait; curses reports the resize next.
        // A hung-up tty polls readable for ever: without this the loop would spin at full CPU on a dead terminal.
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { terminalLost = true }
    }
}
