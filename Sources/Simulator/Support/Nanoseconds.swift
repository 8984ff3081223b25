/// Seconds as NIO nanoseconds without trapping: NaN and negatives become 0, anything past a year is a year.
enum Nanoseconds {
    static func from(seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        let year: Double = 365 * 86_400
        return Int64(min(seconds, year) * 1_000_000_000)
    }
}
