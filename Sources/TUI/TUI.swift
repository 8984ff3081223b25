// The terminal-independent screen model and widgets; only CursesBackend.swift knows curses.
