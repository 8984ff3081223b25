import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals while the console owns the terminal: stop signals are only recorded, crashes restore the tty and pass on.
///
/// SIGTERM, SIGHUP and SIGINT set a flag and wake the loop through a pipe; the loop then leaves curses, logs out and
/// exits in ordinary code (endwin and HTTP are not async-signal-safe). A crash signal writes the terminal-restore
/// bytes captured at start and hands the signal to the previous handler, so Swift's crash report still prints.
/// The handlers are in the C shim; this file is the only caller of its signal functions (see shim.h for why).
public enum TerminalSignals {
    /// The stop signal received (SIGTERM, SIGHUP or SIGINT), if any.
    public static var stopSignal: Int32? {
        let received = cstui_stop_signal()
        return received == 0 ? nil : received
    }

    /// The read end of the pipe the stop handler writes to (readable once a stop signal came), or -1.
    public nonisolated(unsafe) private(set) static var stopFD: Int32 = -1

    static func installStopHandlers() {
        stopFD = cstui_install_stop_signals()
    }

    /// Remembers the tty modes from before curses, for a crash to put back.
    static func saveShellModes(fd: Int32) {
        cstui_crash_save_modes(fd)
    }

    /// Captures the restore bytes from the terminal's entry and installs the crash handlers; call once curses is up.
    static func armCrashRestore(fd: Int32) {
        cstui_crash_arm(fd)
    }

    /// Once curses has ended there is nothing to restore; a crash then only passes its signal on.
    static func disarmCrashRestore() {
        cstui_crash_disarm()
    }

    /// While curses draws, stderr (when it is the terminal) is kept in a file, replayed when curses ends or on a
    /// crash: written to the terminal it would land on the alternate screen and vanish (Swift's "Fatal error" line).
    static func captureStderr() {
        cstui_stderr_capture_begin()
    }

    /// Puts stderr back and shows what was written to it meanwhile; harmless when nothing was captured.
    static func releaseStderr() {
        cstui_stderr_capture_end()
    }
}
