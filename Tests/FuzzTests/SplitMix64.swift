/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator whose whole state is one UInt64, so a seed names a run exactly.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<n (n > 0); the slight modulo bias does not matter for fuzzing.
    mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next() % UInt64(max(n, 1)))
    }

    mutating func chance(_ oneIn: Int) -> Bool { below(oneIn) == 0 }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
