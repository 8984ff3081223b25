/// Splits a rectangle into parts along one axis from a list of size constraints.
public enum Layout {
    /// The size a part asks for along the split axis.
    public enum Constraint: Hashable, Sendable {
        /// Exactly this many cells (less if the space runs out).
        case fixed(Int)
        /// This percentage of the whole length.
        case percent(Int)
        /// At least this many cells, plus a share of what is left.
        case min(Int)
        /// A share of what is left after fixed, percent and min parts, by weight.
        case fill(Int)
    }

    public enum Direction: Sendable {
        /// Parts side by side, left to right.
        case horizontal
        /// Parts stacked, top to bottom.
        case vertical
    }

    /// The lengths given to each constraint out of `total`; they never sum to more than `total`.
    public static func lengths(_ constraints: [Constraint], total: Int) -> [Int] {
        var lengths = [Int](repeating: 0, count: constraints.count)
        var remaining = max(0, total)
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .fixed(let n): want = n
            case .percent(let p): want = total * Swift.max(0, p) / 100
            case .min(let n): want = n
            case .fill: want = 0
            }
            let given = Swift.min(Swift.max(0, want), remaining)
            lengths[i] = given
            remaining -= given
        }
        var weights: [(Int, Int)] = []
        for (i, c) in constraints.enumerated() {
            switch c {
            case .fill(let w): weights.append((i, Swift.max(1, w)))
            case .min: weights.append((i, 1))
            default: break
            }
        }
        let totalWeight = weights.reduce(0) { $0 + $1.1 }
        if totalWeight > 0 && remaining > 0 {
            var handed = 0
            for (k, (i, w)) in weights.enumerated() {
                let share = k == weights.count - 1 ? remaining - handed : remaining * w / totalWeight
                lengths[i] += share
                handed += share
            }
        }
        return lengths
    }

    /// The rectangles for each constraint, in order.
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        switch direction {
        case .horizontal:
            var x = rect.x
            return lengths(constraints, total: rect.width).map { w in
                defer { x += w }
                return Rect(x: x, y: rect.y, width: w, height: rect.height)
            }
        case .vertical:
            var y = rect.y
            return lengths(constraints, total: rect.height).map { h in
                defer { y += h }
                return Rect(x: rect.x, y: y, width: rect.width, height: h)
            }
        }
    }
}
