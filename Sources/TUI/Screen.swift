import Wire

/// A width×height grid of styled cells that views draw into; the backend copies it to the terminal.
public struct Screen: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    /// One cell that differs between two screens.
    public struct Change: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
    }

    public init(width: Int, height: Int, fill: Cell = .blank()) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = [Cell](repeating: fill, count: self.width * self.height)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at x,y; a blank cell outside the screen.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank() }
        return cells[y * width + x]
    }

    /// The style at x,y (plain outside the screen).
    public func style(x: Int, y: Int) -> Style { self[x, y].style }

    /// Sets one cell, keeping double-width characters whole: a character that loses one of its halves
    /// is replaced by a blank. Cells outside the screen are ignored.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        // Every way into the grid is sanitised: a text field pre-filled from a server value draws cell by cell.
        var cell = cell
        if !cell.isContinuation, Screen.needsSanitising(cell.character) {
            cell.character = cell.character == "\t" ? " " : "?"
        }
        let w = cell.isContinuation ? 1 : max(1, DisplayWidth.of(cell.character))
        write(x: x, y: y, cell, width: w == 2 && x + 1 < width ? 2 : 1)
    }

    private mutating func write(x: Int, y: Int, _ cell: Cell, width w: Int) {
        let i = y * width + x
        if cells[i].isContinuation && x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        }
        let lastCovered = x + w - 1
        if lastCovered + 1 < width && cells[i + w].isContinuation {
            cells[i + w] = .blank(cells[i + w].style)
        }
        cells[i] = cell
        if w == 2 {
            cells[i + 1] = .continuation(cell.style)
        }
    }

    /// Writes `text` from x,y in `style`, at most `maxWidth` columns and never past the right edge.
    /// Text that does not fit ends in "…"; a double-width character is never split in half.
    /// Control characters are shown as "?" (tab as a space). Returns the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var startX = x
        var limit = min(maxWidth ?? Int.max, width - x)
        var source = Screen.sanitized(text)
        if startX < 0 {
            // Clip on the left: drop the columns that fall before column 0.
            var skipped = 0
            var rest = Substring(source)
            while skipped < -startX, let ch = rest.first {
                skipped += DisplayWidth.of(ch)
                rest = rest.dropFirst()
            }
            limit -= skipped
            startX += skipped
            source = String(rest)
        }
        guard limit > 0 else { return 0 }
        let fitted = DisplayWidth.truncate(source, to: limit)
        var cx = startX
        for ch in fitted {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            if cx + w > startX + limit { break }
            write(x: cx, y: y, Cell(String(ch), style: style), width: w)
            cx += w
        }
        return cx - startX
    }

    /// Writes `text` padded with spaces (or cut with "…") to exactly `width` columns.
    public mutating func put(_ text: String, x: Int, y: Int, style: Style, width columns: Int, alignment: Alignment) {
        guard columns > 0 else { return }
        put(DisplayWidth.pad(text, to: columns, alignment: alignment), x: x, y: y, style: style, maxWidth: columns)
    }

    /// Fills a rectangle (clipped to the screen) with `character` in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: String = " ") {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        let cell = Cell(Screen.sanitized(character), style: style)
        let wide = DisplayWidth.of(character) == 2
        for yy in r.minY..<r.maxY {
            if wide {
                var xx = r.minX
                while xx + 1 < r.maxX { write(x: xx, y: yy, cell, width: 2); xx += 2 }
                if xx < r.maxX { write(x: xx, y: yy, .blank(style), width: 1) }
            } else {
                for xx in r.minX..<r.maxX { write(x: xx, y: yy, cell, width: 1) }
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the characters (for highlights).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return }
        for yy in r.minY..<r.maxY {
            for xx in r.minX..<r.maxX {
                cells[yy * width + xx].style = transform(cells[yy * width + xx].style)
            }
        }
    }

    /// The characters of row `y` as one string (continuation cells contribute nothing); empty outside.
    public func text(at y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var s = ""
        s.reserveCapacity(width)
        for x in 0..<width {
            let c = cells[y * width + x]
            if !c.isContinuation { s += c.character }
        }
        return s
    }

    /// The characters inside a rectangle, one string per row.
    public func text(in rect: Rect) -> [String] {
        let r = rect.intersection(bounds)
        guard !r.isEmpty else { return [] }
        return (r.minY..<r.maxY).map { yy in
            var s = ""
            for xx in r.minX..<r.maxX {
                let c = cells[yy * width + xx]
                if !c.isContinuation { s += c.character }
            }
            return s
        }
    }

    /// Every row with trailing spaces removed, joined by newlines (handy for snapshots in tests).
    public var renderedText: String {
        (0..<height).map { y -> String in
            var line = text(at: y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// The column and row where `needle` first appears in a row's text, counting display columns.
    public func position(of needle: String) -> (x: Int, y: Int)? {
        for y in 0..<height {
            let line = text(at: y)
            guard let range = line.range(of: needle) else { continue }
            return (DisplayWidth.of(line[line.startIndex..<range.lowerBound]), y)
        }
        return nil
    }

    /// The cells that differ from `old`, row by row; every cell when the sizes differ.
    public func diff(from old: Screen) -> [Change] {
        var changes: [Change] = []
        if old.width != width || old.height != height {
            changes.reserveCapacity(cells.count)
            for y in 0..<height {
                for x in 0..<width { changes.append(Change(x: x, y: y, cell: cells[y * width + x])) }
            }
            return changes
        }
        for i in cells.indices where cells[i] != old.cells[i] {
            changes.append(Change(x: i % width, y: i / width, cell: cells[i]))
        }
        return changes
    }

    /// Whether `text` holds something that must not reach the terminal as it is (TerminalSafe's one set).
    static func needsSanitising(_ text: String) -> Bool { !TerminalSafe.isClean(text) }

    /// Control characters (C0, DEL, C1), bidirectional controls and zero-width characters: the set `cstui call`
    /// escapes too (TerminalSafe). The screen draws each as "?" (a tab as a space).
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool { TerminalSafe.isUnsafe(s) }

    static func sanitized(_ text: String) -> String {
        guard needsSanitising(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isUnsafe(s) { scalars.append(s == "\t" ? " " : "?") } else { scalars.append(s) }
        }
        return String(scalars)
    }
}
