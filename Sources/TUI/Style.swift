/// Foreground, background and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    /// Text attributes that survive on every terminal, monochrome included.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let bold = Attributes(rawValue: 1 << 0)
        public static let underline = Attributes(rawValue: 1 << 1)
        public static let reverse = Attributes(rawValue: 1 << 2)
        public static let dim = Attributes(rawValue: 1 << 3)
    }

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        var a: Attributes = []
        if bold { a.insert(.bold) }
        if underline { a.insert(.underline) }
        if reverse { a.insert(.reverse) }
        if dim { a.insert(.dim) }
        self.init(foreground: fg, background: bg, attributes: a)
    }

    /// The terminal's plain default style.
    public static let plain = Style()

    public var isBold: Bool { attributes.contains(.bold) }
    public var isUnderlined: Bool { attributes.contains(.underline) }
    public var isReversed: Bool { attributes.contains(.reverse) }
    public var isDim: Bool { attributes.contains(.dim) }

    /// This style with extra attributes.
    public func with(_ extra: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(extra)
        return s
    }

    /// This style as a terminal of the given depth can show it; in monochrome only attributes remain.
    public func adapted(to depth: ColorDepth) -> Style {
        Style(foreground: foreground.adapted(to: depth), background: background.adapted(to: depth), attributes: attributes)
    }
}
