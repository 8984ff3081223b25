#ifndef CSTUI_CNCURSESW_SHIM_H
#define CSTUI_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Swift cannot import curses macros or the C stdio globals (not concurrency-safe in Swift 6),
// so each one the backend needs is wrapped in a tiny function here.

static inline FILE *cstui_stdin(void) { return stdin; }
static inline FILE *cstui_stdout(void) { return stdout; }
static inline WINDOW *cstui_stdscr(void) { return stdscr; }
static inline int cstui_lines(void) { return LINES; }
static inline int cstui_cols(void) { return COLS; }
static inline int cstui_colors(void) { return COLORS; }
static inline int cstui_color_pairs(void) { return COLOR_PAIRS; }
static inline int cstui_key_f0(void) { return KEY_F0; }

static inline attr_t cstui_a_normal(void) { return A_NORMAL; }
static inline attr_t cstui_a_bold(void) { return A_BOLD; }
static inline attr_t cstui_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cstui_a_reverse(void) { return A_REVERSE; }
static inline attr_t cstui_a_dim(void) { return A_DIM; }

static inline mmask_t cstui_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cstui_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cstui_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cstui_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cstui_button5_pressed(void) { return BUTTON5_PRESSED; }

// Writes one grapheme (up to 8 wide characters: base plus combining marks) at y,x on stdscr.
// Extended colour pairs above 32767 travel through the opts pointer, as ncurses 6 documents.
static inline int cstui_put_grapheme(int y, int x, const wchar_t *wch, attr_t attrs, int pair) {
    cchar_t cc;
    int ext = pair;
    short shortPair = (short)(pair > 32767 ? 0 : pair);
    if (setcchar(&cc, wch, attrs, shortPair, pair > 32767 ? (void *)&ext : NULL) == ERR) return ERR;
    return mvwadd_wch(stdscr, y, x, &cc);
}

// What terminfo says of `term`, read before curses starts: 1 when it can address the cursor (cup), -1 when the
// terminfo database does not know it; `alternate` is set to 1 when it has an alternate screen (smcup).
static inline int cstui_term_can_address(const char *term, int *alternate) {
    int err = 0;
    *alternate = 0;
    if (setupterm(term, 1, &err) != OK) return -1;
    char *cup = tigetstr("cup");
    char *smcup = tigetstr("smcup");
    int ok = cup != NULL && cup != (char *)-1;
    *alternate = smcup != NULL && smcup != (char *)-1;
    del_curterm(cur_term);
    return ok;
}

// Blanks what was drawn (for a terminal without an alternate screen, where it would stay behind after exit).
static inline void cstui_clear_drawn(void) {
    if (stdscr != NULL && !isendwin()) {
        werase(stdscr);
        wmove(stdscr, 0, 0);
        wrefresh(stdscr);
    }
}

// Restores the terminal if curses is active; safe to call any number of times.
static inline void cstui_restore_terminal(void) {
    if (stdscr != NULL && !isendwin()) {
        endwin();
        fflush(stdout);
    }
}

// ---- Signals while the console owns the terminal ----
//
// A signal handler may only do async-signal-safe work (POSIX.1 signal-safety(7)): no endwin, no stdio, no malloc,
// nothing of Swift's runtime. So the handlers below only set a flag, write() to a pipe, write() precomputed bytes,
// copy a file with dup2/lseek/read/write, and call tcsetattr/sigaction/signal/raise. The state they share is `static`, and every Swift source file that calls one of
// these functions gets its own copy of it: call them from Sources/TUI/TerminalSignals.swift only.

// SIGTERM, SIGHUP, SIGINT: the first one received, and a self-pipe so a loop sleeping in poll() wakes up for it.
static volatile sig_atomic_t cstui_stop_received = 0;
static int cstui_stop_pipe[2] = {-1, -1};

static void cstui_stop_handler(int sig) {
    int saved = errno;
    if (cstui_stop_received == 0) cstui_stop_received = sig;
    if (cstui_stop_pipe[1] >= 0) {
        char byte = 1;
        (void)!write(cstui_stop_pipe[1], &byte, 1);
    }
    errno = saved;
}

// Installs the stop handlers; returns the pipe's read end (to poll), or -1 when no pipe could be made (the flag
// still works, noticed at the loop's next tick).
static inline int cstui_install_stop_signals(void) {
    if (cstui_stop_pipe[0] < 0 && pipe(cstui_stop_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(cstui_stop_pipe[i], F_SETFL, fcntl(cstui_stop_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(cstui_stop_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = cstui_stop_handler;
    sigemptyset(&sa.sa_mask);
    const int signals[] = {SIGTERM, SIGHUP, SIGINT};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &sa, NULL);
    return cstui_stop_pipe[0];
}

static inline int cstui_stop_signal(void) { return cstui_stop_received; }

// Crashes (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT): the bytes that take the terminal out of
// curses (sgr0, cnorm, rmkx, mouse reporting off, rmcup), captured with tigetstr while curses is up, and the tty
// modes from before curses. The handler writes the one and sets the other, then hands the signal to whoever
// handled it before (Swift's backtracer, which prints the crash report to stderr, now on the shell's screen), and
// finally dies by the signal's default action so the exit status and any core dump still name it.
struct cstui_crash_state {
    char bytes[512];
    size_t length;
    int fd;
    struct termios modes;
    int has_modes;
    struct sigaction previous[NSIG];
    // While curses runs, stderr goes to an unlinked file (see cstui_stderr_capture_begin); the real one is kept here.
    int saved_stderr;
    int capture_fd;
    volatile sig_atomic_t in_handler;
};

// The crash state, one per caller file like every static here (see above).
static inline struct cstui_crash_state *cstui_crash(void) {
    static struct cstui_crash_state state = {.fd = -1, .saved_stderr = -1, .capture_fd = -1};
    return &state;
}

// Gives fd 2 back its terminal and copies there what was written to stderr meanwhile (async-signal-safe).
static inline void cstui_stderr_replay(struct cstui_crash_state *c) {
    if (c->capture_fd < 0 || c->saved_stderr < 0) return;
    dup2(c->saved_stderr, STDERR_FILENO);
    if (lseek(c->capture_fd, 0, SEEK_SET) < 0) return;
    char buffer[4096];
    for (;;) {
        ssize_t n = read(c->capture_fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = write(STDERR_FILENO, buffer + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) return;
            done += w;
        }
    }
}

static void cstui_crash_handler(int sig, siginfo_t *info, void *context) {
    struct cstui_crash_state *c = cstui_crash();
    // A fault inside this handler (it runs with SA_NODEFER) must not loop: the second time, just die.
    if (c->in_handler) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    c->in_handler = 1;
    if (c->fd >= 0) {
        size_t done = 0;
        while (done < c->length) {
            ssize_t n = write(c->fd, c->bytes + done, c->length - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            done += (size_t)n;
        }
        if (c->has_modes) tcsetattr(c->fd, TCSANOW, &c->modes);
    }
    // Swift's "Fatal error: ..." line was written before the trap, while curses ran: it comes first, then the report.
    cstui_stderr_replay(c);
    struct sigaction previous = c->previous[sig];
    sigaction(sig, &previous, NULL);
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction != NULL) {
        previous.sa_sigaction(sig, info, context);
    } else if (!(previous.sa_flags & SA_SIGINFO) && previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN) {
        previous.sa_handler(sig);
    }
    // Whatever the previous handler did, end by the signal's default action (SA_NODEFER: delivered right here).
    signal(sig, SIG_DFL);
    raise(sig);
}

// Appends a terminfo string capability, without its $<n> padding delays (those are for the terminal driver).
static inline void cstui_crash_append(const char *cap) {
    if (cap == NULL || cap == (char *)-1) return;
    struct cstui_crash_state *c = cstui_crash();
    for (const char *p = cap; *p != 0 && c->length < sizeof c->bytes; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *end = strchr(p, '>');
            if (end != NULL) { p = end; continue; }
        }
        c->bytes[c->length++] = *p;
    }
}

// Call before curses changes the tty: the modes a crash puts back.
static inline void cstui_crash_save_modes(int fd) {
    struct cstui_crash_state *c = cstui_crash();
    c->has_modes = tcgetattr(fd, &c->modes) == 0;
}

// Call once curses is up (tigetstr reads the terminal's entry) with the fd curses writes to.
static inline void cstui_crash_arm(int fd) {
    struct cstui_crash_state *c = cstui_crash();
    c->length = 0;
    cstui_crash_append(tigetstr("sgr0"));
    cstui_crash_append(tigetstr("cnorm"));
    cstui_crash_append(tigetstr("rmkx"));
    // ncurses turns xterm mouse reporting on when the entry has kmous; a shell left with it on prints junk on clicks.
    const char *kmous = tigetstr("kmous");
    if (kmous != NULL && kmous != (char *)-1 && kmous[0] != 0) cstui_crash_append("\033[?1000l\033[?1002l\033[?1003l\033[?1006l");
    cstui_crash_append(tigetstr("rmcup"));
    c->fd = fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = cstui_crash_handler;
    const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT};
    // The same mask and flags as Swift's own crash handler, which runs inside this one: every other signal is
    // held off, but the crash signals stay deliverable (SA_NODEFER). Swift's backtracer reads this process's memory
    // from a thread that inherits the mask and expects to catch the SIGSEGV of a bad read; were SIGSEGV blocked, that
    // read would kill the process in the middle of the report (and leave swift-backtrace waiting for ever).
    sigfillset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigdelset(&sa.sa_mask, signals[i]);
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction old;
        if (sigaction(signals[i], &sa, &old) == 0 && old.sa_sigaction != cstui_crash_handler) c->previous[signals[i]] = old;
    }
}

// Anything written to a terminal's stderr while curses draws lands on the alternate screen and is wiped at exit:
// Swift's "Fatal error: <message>" before a crash, a library's warning. So, when stderr is a terminal, it goes to an
// unlinked 0600 file until curses ends, and is then (or in the crash handler) replayed on the shell's screen.
static inline void cstui_stderr_capture_begin(void) {
    struct cstui_crash_state *c = cstui_crash();
    if (c->capture_fd >= 0 || !isatty(STDERR_FILENO)) return;
    const char *dir = getenv("TMPDIR");
    char path[4096];
    if (snprintf(path, sizeof path, "%s/cstui-stderr-XXXXXX", (dir != NULL && dir[0] != 0) ? dir : "/tmp") >= (int)sizeof path) return;
    int fd = mkstemp(path);
    if (fd < 0) return;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0) { close(fd); return; }
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    fcntl(saved, F_SETFD, FD_CLOEXEC);
    // Recorded before fd 2 moves, so a signal at any point finds what it needs to put it back.
    c->saved_stderr = saved;
    c->capture_fd = fd;
    dup2(fd, STDERR_FILENO);
}

static inline void cstui_stderr_capture_end(void) {
    struct cstui_crash_state *c = cstui_crash();
    if (c->capture_fd < 0) return;
    cstui_stderr_replay(c);
    int fd = c->capture_fd, saved = c->saved_stderr;
    c->capture_fd = -1;
    c->saved_stderr = -1;
    close(fd);
    close(saved);
}

// After endwin: a later crash has no curses state to undo, so it only passes the signal on.
static inline void cstui_crash_disarm(void) {
    struct cstui_crash_state *c = cstui_crash();
    c->fd = -1;
    c->length = 0;
    c->has_modes = 0;
}
#endif
