/// Where screens are shown and events come from: curses in the program, a recorder in tests.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows of the terminal now.
    var size: (width: Int, height: Int) { get }
    /// How many colours styles are adapted to.
    var colorDepth: ColorDepth { get }
    /// Shows the screen, sending only what changed since the last one.
    func present(_ screen: Screen)
    /// The next event, waiting at most `timeout` seconds (nil waits for ever); nil when the time ran out.
    func nextEvent(timeout: Double?) -> InputEvent?
    /// Gives the terminal back to the shell; safe to call more than once.
    func shutdown()
}

/// A backend without a terminal: records what was presented and replays queued events (for tests).
public final class RecordingBackend: TerminalBackend {
    public var size: (width: Int, height: Int)
    public var colorDepth: ColorDepth
    /// Every screen presented, oldest first.
    public private(set) var presented: [Screen] = []
    /// For each present, the cells that changed from the one before (what a terminal would be sent).
    public private(set) var changesPerPresent: [[Screen.Change]] = []
    /// Events handed out by nextEvent, first in first out.
    public var pendingEvents: [InputEvent]
    public private(set) var isShutDown = false

    public init(width: Int = 80, height: Int = 24, colorDepth: ColorDepth = .full256, events: [InputEvent] = []) {
        self.size = (width, height)
        self.colorDepth = colorDepth
        self.pendingEvents = events
    }

    /// The last screen presented.
    public var lastScreen: Screen? { presented.last }

    public func present(_ screen: Screen) {
        let previous = presented.last ?? Screen(width: 0, height: 0)
        changesPerPresent.append(screen.diff(from: previous))
        presented.append(screen)
    }

    public func nextEvent(timeout: Double?) -> InputEvent? {
        guard !pendingEvents.isEmpty else { return nil }
        let event = pendingEvents.removeFirst()
        if case .resize(let w, let h) = event { size = (w, h) }
        return event
    }

    public func shutdown() { isShutDown = true }
}
