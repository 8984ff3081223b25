/// How many colours the terminal can show; styles are adapted down to it before drawing.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
    /// Attributes only (bold, reverse, ...): NO_COLOR is set or the terminal has no colours.
    case monochrome = 0
    case eight = 8
    case sixteen = 16
    case full256 = 256

    /// The depth for a terminal reporting `colors` (curses COLORS), honouring NO_COLOR (https://no-color.org:
    /// any non-empty value disables colour).
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        if colors >= 256 { return .full256 }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .monochrome
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}
