#ifndef CSTUI_CNCURSESW_SHIM_H
#define CSTUI_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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

// Restores the terminal if curses is active; safe to call any number of times.
static inline void cstui_restore_terminal(void) {
    if (stdscr != NULL && !isendwin()) {
        endwin();
        fflush(stdout);
    }
}
#endif
