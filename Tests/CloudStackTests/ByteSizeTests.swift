import CloudStack
import Testing

@Suite("Byte sizes as operators type them")
struct ByteSizeTests {
    @Test("plain counts, commas, binary units with or without B/iB, decimals with a unit")
    func parsing() {
        #expect(ByteSize.parse("1099511627776") == 1_099_511_627_776)
        #expect(ByteSize.parse("1,099,511,627,776") == 1_099_511_627_776)
        #expect(ByteSize.parse("40T") == Int64(40) * 1_099_511_627_776)
        #expect(ByteSize.parse("40 TiB") == Int64(40) * 1_099_511_627_776)
        #expect(ByteSize.parse("500g") == Int64(500) * 1_073_741_824)
        #expect(ByteSize.parse("500GB") == Int64(500) * 1_073_741_824)
        #expect(ByteSize.parse("1.5T") == 1_649_267_441_664)
        #expect(ByteSize.parse("2048K") == 2_097_152)
    }

    @Test("nonsense, zero, negatives, fractions of a byte and overflow are refused")
    func refusing() {
        for bad in ["", "T", "40X", "4O0G", "-5G", "0", "0G", "1.5", "12 parsecs", "9000P", "1e3"] {
            #expect(ByteSize.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("the short spelling is exact: 40T, 1536G, or the plain count")
    func shortForm() {
        #expect(ByteSize.short(40 * 1_099_511_627_776) == "40T")
        #expect(ByteSize.short(1_649_267_441_664) == "1536G")
        #expect(ByteSize.short(1_000_000) == "1000000")
        #expect(ByteSize.short(1024) == "1K")
        for n: Int64 in [1, 1023, 5 * 1_073_741_824, 123_456_789_012] { #expect(ByteSize.parse(ByteSize.short(n)) == n) }
    }
}
