/// A rectangle of cells: origin at the top-left, sizes never negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var minX: Int { x }
    public var minY: Int { y }
    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x)
        let ny = max(y, other.y)
        let nmaxX = min(maxX, other.maxX)
        let nmaxY = min(maxY, other.maxY)
        if nmaxX <= nx || nmaxY <= ny { return Rect(x: nx, y: ny, width: 0, height: 0) }
        return Rect(x: nx, y: ny, width: nmaxX - nx, height: nmaxY - ny)
    }

    /// The rectangle shrunk by the given margins (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right)
        let h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The rectangle shrunk by `dx` columns on each side and `dy` rows top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect { inset(top: dy, left: dx, bottom: dy, right: dx) }

    /// The rectangle shrunk by `n` on every side.
    public func inset(by n: Int) -> Rect { inset(dx: n, dy: n) }

    /// A rectangle of at most the given size centred in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Splits into a left part `leftWidth` columns wide (clamped) and the rest.
    public func splitColumns(leftWidth: Int) -> (left: Rect, right: Rect) {
        let l = min(max(0, leftWidth), width)
        return (Rect(x: x, y: y, width: l, height: height), Rect(x: x + l, y: y, width: width - l, height: height))
    }

    /// Splits into a top part `topHeight` rows high (clamped) and the rest.
    public func splitRows(topHeight: Int) -> (top: Rect, bottom: Rect) {
        let t = min(max(0, topHeight), height)
        return (Rect(x: x, y: y, width: width, height: t), Rect(x: x, y: y + t, width: width, height: height - t))
    }

    /// The top `n` rows.
    public func top(_ n: Int) -> Rect { splitRows(topHeight: n).top }
    /// The bottom `n` rows.
    public func bottom(_ n: Int) -> Rect { splitRows(topHeight: height - min(max(0, n), height)).bottom }
    /// Row `i` (0-based) of this rectangle as a one-row rectangle (empty when outside).
    public func row(_ i: Int) -> Rect {
        guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, i), width: width, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }
}
