/// A terminal colour: the terminal's default, one of the 16 named ANSI colours, or an xterm 256-colour index.
public enum Color: Hashable, Sendable {
    case `default`
    case named(NamedColor)
    case indexed(UInt8)

    /// The 16 ANSI colours in palette order (raw value is the palette index).
    public enum NamedColor: Int, CaseIterable, Hashable, Sendable {
        case black, red, green, yellow, blue, magenta, cyan, white
        case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

        /// The name used in theme files.
        public var name: String {
            switch self {
            case .black: "black"
            case .red: "red"
            case .green: "green"
            case .yellow: "yellow"
            case .blue: "blue"
            case .magenta: "magenta"
            case .cyan: "cyan"
            case .white: "white"
            case .brightBlack: "brightBlack"
            case .brightRed: "brightRed"
            case .brightGreen: "brightGreen"
            case .brightYellow: "brightYellow"
            case .brightBlue: "brightBlue"
            case .brightMagenta: "brightMagenta"
            case .brightCyan: "brightCyan"
            case .brightWhite: "brightWhite"
            }
        }
    }

    public static let black = Color.named(.black)
    public static let red = Color.named(.red)
    public static let green = Color.named(.green)
    public static let yellow = Color.named(.yellow)
    public static let blue = Color.named(.blue)
    public static let magenta = Color.named(.magenta)
    public static let cyan = Color.named(.cyan)
    public static let white = Color.named(.white)

    /// Parses a theme-file colour: a name ("red", "brightBlue", "grey" for brightBlack, "default"),
    /// a decimal index "0"-"255", or "#rrggbb" (mapped to the nearest xterm 256-colour entry).
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        let lowered = trimmed.lowercased()
        if lowered == "default" || lowered == "none" || lowered == "reset" {
            self = .default
            return
        }
        if let named = NamedColor.allCases.first(where: { $0.name.lowercased() == lowered }) {
            self = .named(named)
            return
        }
        if lowered == "gray" || lowered == "grey" {
            self = .named(.brightBlack)
            return
        }
        if let index = Int(trimmed), (0...255).contains(index) {
            self = .indexed(UInt8(index))
            return
        }
        if trimmed.hasPrefix("#"), trimmed.count == 7, let rgb = Int(trimmed.dropFirst(), radix: 16) {
            self = .indexed(Color.nearestXterm256(red: (rgb >> 16) & 0xFF, green: (rgb >> 8) & 0xFF, blue: rgb & 0xFF))
            return
        }
        return nil
    }

    /// The palette index for curses, or nil for the terminal's default colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: nil
        case .named(let n): n.rawValue
        case .indexed(let i): Int(i)
        }
    }

    /// This colour as the terminal with the given depth can show it (nearest match when it cannot).
    public func adapted(to depth: ColorDepth) -> Color {
        switch (self, depth) {
        case (_, .monochrome): return .default
        case (.default, _): return .default
        case (_, .full256): return self
        case (.named(let n), .sixteen): return .named(n)
        case (.named(let n), .eight): return .named(NamedColor(rawValue: n.rawValue % 8) ?? .white)
        case (.indexed(let i), .sixteen): return .named(Color.nearest16(index: i))
        case (.indexed(let i), .eight):
            let n = Color.nearest16(index: i)
            return .named(NamedColor(rawValue: n.rawValue % 8) ?? .white)
        }
    }

    /// Approximate RGB values of the standard xterm palette.
    static func rgb(ofIndex index: UInt8) -> (Int, Int, Int) {
        let i = Int(index)
        if i < 16 {
            let table: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            return table[i]
        }
        if i < 232 {
            let c = i - 16
            let level = { (v: Int) -> Int in v == 0 ? 0 : 55 + v * 40 }
            return (level(c / 36), level((c / 6) % 6), level(c % 6))
        }
        let grey = 8 + (i - 232) * 10
        return (grey, grey, grey)
    }

    static func nearest16(index: UInt8) -> NamedColor {
        if index < 16 { return NamedColor(rawValue: Int(index)) ?? .white }
        let (r, g, b) = rgb(ofIndex: index)
        var best = NamedColor.white
        var bestDistance = Int.max
        for candidate in NamedColor.allCases {
            let (cr, cg, cb) = rgb(ofIndex: UInt8(candidate.rawValue))
            let d = (r - cr) * (r - cr) + (g - cg) * (g - cg) + (b - cb) * (b - cb)
            if d < bestDistance { bestDistance = d; best = candidate }
        }
        return best
    }

    static func nearestXterm256(red: Int, green: Int, blue: Int) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for i in 16...255 {
            let (r, g, b) = rgb(ofIndex: UInt8(i))
            let d = (red - r) * (red - r) + (green - g) * (green - g) + (blue - b) * (blue - b)
            if d < bestDistance { bestDistance = d; best = UInt8(i) }
        }
        return best
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
