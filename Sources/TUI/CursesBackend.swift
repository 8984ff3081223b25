import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be set up.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, or run from a script).
    case notATerminal
    /// TERM is unset or names a terminal the terminfo database does not know.
    case unknownTerminal(String?)
    /// The terminal cannot move its cursor (TERM=dumb): a full-screen console would draw garbage.
    case cannotAddressCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "cstui needs a terminal: stdin and stdout must be a tty (use `cstui call` for scripts)"
        case .unknownTerminal(nil):
            return "cstui cannot start: TERM is not set; set it to your terminal type, e.g. TERM=xterm-256color"
        case .unknownTerminal(let name?):
            return "cstui cannot start: unknown terminal type TERM=\(name); try TERM=xterm-256color or install its terminfo entry"
        case .cannotAddressCursor(let name):
            return "cstui cannot start: TERM=\(name) cannot move the cursor, which a full-screen console needs; "
                + "use a terminal such as TERM=xterm-256color, or `cstui call` for plain output"
        }
    }
}

/// The curses backend: the one place that talks to ncursesw. It shows a `Screen` by writing only the cells that
/// changed since the previous one, and decodes keys, mouse clicks and resizes into `InputEvent`s.
public final class CursesBackend: TerminalBackend {
    public private(set) var colorDepth: ColorDepth
    private var previous: Screen?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private var isActive = true
    /// Without an alternate screen (vt100, linux) what was drawn stays behind after exit unless it is cleared.
    private let hasAlternateScreen: Bool

    private struct PairKey: Hashable {
        var fg: Int32
        var bg: Int32
    }

    /// Sets up the terminal: checks for a tty, sets the locale for UTF-8, starts curses with `newterm`
    /// (so an unknown TERM is an error, not an exit), and installs the signal handlers of `TerminalSignals`:
    /// SIGINT, SIGTERM and SIGHUP are recorded for the loop (`TerminalSignals.stopSignal`); a crash restores
    /// the terminal before Swift's crash report prints.
    /// - Parameter environment: used for TERM and NO_COLOR.
    public init(environment: [String: String]) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        let term = environment["TERM"]
        guard let term, !term.isEmpty else { throw TerminalError.unknownTerminal(nil) }
        var alternate: Int32 = 0
        switch term.withCString({ cstui_term_can_address($0, &alternate) }) {
        case -1: throw TerminalError.unknownTerminal(term)
        case 0: throw TerminalError.cannotAddressCursor(term)
        default: break
        }
        hasAlternateScreen = alternate == 1
        setlocale(LC_ALL, "")
        TerminalSignals.saveShellModes(fd: STDIN_FILENO)
        TerminalSignals.installStopHandlers()
        let screen = term.withCString { name in
            newterm(UnsafeMutablePointer(mutating: name), cstui_stdout(), cstui_stdin())
        }
        guard screen != nil else { throw TerminalError.unknownTerminal(term) }
        TerminalSignals.armCrashRestore(fd: STDOUT_FILENO)
        TerminalSignals.captureStderr()
        atexit {
            cstui_restore_terminal()
            TerminalSignals.releaseStderr()
        }
        // raw, not cbreak: Ctrl-C arrives as a key, so quitting goes through the loop (log out, stop the demo server).
        raw()
        noecho()
        nonl()
        keypad(cstui_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let mask = cstui_button1_clicked() | cstui_button1_pressed() | cstui_button4_pressed() | cstui_button5_pressed()
        mousemask(mask, nil)
        mouseinterval(0)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cstui_colors())
        }
        colorDepth = ColorDepth.detect(colors: colors, environment: environment)
        maxPairs = min(cstui_color_pairs(), 32767)
    }

    deinit { shutdown() }

    public var size: (width: Int, height: Int) {
        (Int(cstui_cols()), Int(cstui_lines()))
    }

    /// Forgets what is on the terminal so the next present redraws everything (after a resize or on Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(cstui_stdscr(), true)
    }

    public func present(_ screen: Screen) {
        guard isActive else { return }
        let (w, h) = size
        let changes: [Screen.Change]
        if let previous, previous.width == screen.width, previous.height == screen.height {
            changes = screen.diff(from: previous)
        } else {
            werase(cstui_stdscr())
            changes = screen.diff(from: Screen(width: 0, height: 0))
        }
        for change in changes where change.x < w && change.y < h && !change.cell.isContinuation {
            draw(change.cell, x: change.x, y: change.y)
        }
        previous = screen
        wnoutrefresh(cstui_stdscr())
        doupdate()
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let style = cell.style.adapted(to: colorDepth)
        var attrs = cstui_a_normal()
        if style.attributes.contains(.bold) { attrs |= cstui_a_bold() }
        if style.attributes.contains(.underline) { attrs |= cstui_a_underline() }
        if style.attributes.contains(.reverse) { attrs |= cstui_a_reverse() }
        if style.attributes.contains(.dim) { attrs |= cstui_a_dim() }
        let pair = pairNumber(style)
        var wide: [wchar_t] = []
        wide.reserveCapacity(4)
        for scalar in cell.character.unicodeScalars.prefix(7) { wide.append(wchar_t(bitPattern: scalar.value)) }
        if wide.isEmpty { wide.append(32) }
        wide.append(0)
        _ = wide.withUnsafeBufferPointer { buf in
            cstui_put_grapheme(Int32(y), Int32(x), buf.baseAddress, attrs, pair)
        }
    }

    private func pairNumber(_ style: Style) -> Int32 {
        guard colorDepth != .monochrome else { return 0 }
        let key = PairKey(fg: Int32(style.foreground.paletteIndex ?? -1), bg: Int32(style.background.paletteIndex ?? -1))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        // Pairs are allocated on first use; when the terminal runs out, the default pair keeps text readable.
        guard nextPair < maxPairs else { return 0 }
        let pair = nextPair
        guard init_extended_pair(pair, key.fg, key.bg) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    public func nextEvent(timeout: Double?) -> InputEvent? {
        guard isActive else { return nil }
        let ms: Int32 = timeout.map { Int32(max(0, min($0 * 1000, 3_600_000))) } ?? -1
        wtimeout(cstui_stdscr(), ms)
        var ch: wint_t = 0
        let status = wget_wch(cstui_stdscr(), &ch)
        if status == ERR { return nil }
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(ch)) }
        let value = UInt32(ch)
        if let key = Key(controlCode: value) { return .key(key) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return .key(.char(Character(scalar)))
    }

    private func decodeKeyCode(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            invalidate()
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let x = Int(event.x), y = Int(event.y)
            if event.bstate & cstui_button4_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, action: .scrollUp)) }
            if event.bstate & cstui_button5_pressed() != 0 { return .mouse(MouseEvent(x: x, y: y, action: .scrollDown)) }
            if event.bstate & (cstui_button1_clicked() | cstui_button1_pressed()) != 0 {
                return .mouse(MouseEvent(x: x, y: y, action: .click))
            }
            return nil
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_IC: return .key(.insert)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        default:
            let f0 = cstui_key_f0()
            if code > f0 && code <= f0 + 24 { return .key(.function(Int(code - f0))) }
            return nil
        }
    }

    /// Ends curses if it is active: for error paths that cannot reach the backend instance.
    public static func restoreTerminal() {
        cstui_restore_terminal()
    }

    public func shutdown() {
        guard isActive else { return }
        isActive = false
        if !hasAlternateScreen { cstui_clear_drawn() }
        cstui_restore_terminal()
        TerminalSignals.releaseStderr()
        TerminalSignals.disarmCrashRestore()
    }
}
