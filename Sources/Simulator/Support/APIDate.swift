import Foundation

/// Dates as the API writes them (`yyyy-MM-dd'T'HH:mm:ssZ`, e.g. `2024-03-05T10:11:12+0000`), from epoch seconds,
/// without DateFormatter so that serializing thousands of rows stays cheap.
enum APIDate {
    static func string(_ epoch: Int64) -> String {
        let days = epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400
        let secs = epoch - days * 86_400
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ v: Int64, _ width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var n = v
            var i = width - 1
            while i >= 0 { digits[i] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10; i -= 1 }
            out.append(contentsOf: digits)
        }
        put(y, 4); out.append(UInt8(ascii: "-")); put(m, 2); out.append(UInt8(ascii: "-")); put(d, 2)
        out.append(UInt8(ascii: "T"))
        put(secs / 3600, 2); out.append(UInt8(ascii: ":")); put(secs / 60 % 60, 2); out.append(UInt8(ascii: ":")); put(secs % 60, 2)
        out.append(contentsOf: Array("+0000".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970) }
}
