/// `startdate`/`enddate` of listEvents, archiveEvents, deleteEvents, archiveAlerts and deleteAlerts, parsed as
/// ParamProcessWorker parses them for these commands: "yyyy-MM-dd HH:mm:ss", or "yyyy-MM-dd" meaning the start of
/// that day for `startdate` and its last second for `enddate`. The simulator's clock is UTC.
struct DateRange: Sendable {
    var start: Int64?
    var end: Int64?

    init(_ ctx: RequestContext) throws(APIError) {
        start = try Self.parse(ctx, "startdate", endOfDay: false)
        end = try Self.parse(ctx, "enddate", endOfDay: true)
    }

    var isEmpty: Bool { start == nil && end == nil }

    func contains(_ t: Int64) -> Bool { (start.map { t >= $0 } ?? true) && (end.map { t <= $0 } ?? true) }

    private static func parse(_ ctx: RequestContext, _ name: String, endOfDay: Bool) throws(APIError) -> Int64? {
        guard let text = ctx.params.value(name) else { return nil }
        guard let t = epoch(text, endOfDay: endOfDay) else {
            throw APIError.param("Unable to parse date \(text) for command \(ctx.commandLabel), please pass dates in the format mentioned in the api documentation")
        }
        return t
    }

    /// Epoch seconds of "yyyy-MM-dd" or "yyyy-MM-dd HH:mm:ss" (a 'T' between date and time is taken too); nil if neither.
    static func epoch(_ text: String, endOfDay: Bool) -> Int64? {
        let b = Array(text.utf8)
        guard b.count == 10 || b.count == 19 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int64? {
            var n: Int64 = 0
            for i in from..<(from + count) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                n = n * 10 + Int64(b[i] - 48)
            }
            return n
        }
        guard b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), let y = number(0, 4), let m = number(5, 2), let d = number(8, 2),
              (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) else { return nil }
        var seconds: Int64 = endOfDay ? 86_399 : 0
        if b.count == 19 {
            guard b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
                  let hh = number(11, 2), let mm = number(14, 2), let ss = number(17, 2), hh < 24, mm < 60, ss < 60 else { return nil }
            seconds = hh * 3600 + mm * 60 + ss
        }
        return daysFromCivil(y, m, d) * 86_400 + seconds
    }

    private static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm, the inverse of APIDate's).
    private static func daysFromCivil(_ year: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
