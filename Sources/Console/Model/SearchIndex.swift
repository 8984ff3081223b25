#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lower-cased text of every row's shown fields, for filtering as the user types: all rows in one contiguous
/// byte buffer with a span per row, searched with memchr and memcmp. At 100,000 rows this is one allocation instead of
/// 100,000 strings, and a keystroke scans bytes instead of comparing Unicode strings.
struct SearchIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// Bytes no row points at any more (a row replaced or removed); compacted once they are half the buffer.
    private var garbage = 0

    var count: Int { starts.count }

    mutating func removeAll() {
        bytes = []
        starts = []
        lengths = []
        garbage = 0
    }

    mutating func append(_ text: String) {
        starts.append(bytes.count)
        lengths.append(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func replace(at i: Int, with text: String) {
        garbage += lengths[i]
        starts[i] = bytes.count
        lengths[i] = text.utf8.count
        bytes.append(contentsOf: text.utf8)
        compactIfWasteful()
    }

    mutating func remove(at i: Int) {
        garbage += lengths[i]
        starts.remove(at: i)
        lengths.remove(at: i)
        compactIfWasteful()
    }

    /// The rows among `candidates` that contain every term (each lower-cased UTF-8).
    func filter(_ candidates: [Int], _ terms: [[UInt8]]) -> [Int] {
        let terms = terms.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return candidates }
        return bytes.withUnsafeBufferPointer { buffer -> [Int] in
            guard let base = buffer.baseAddress else { return [] }
            var out: [Int] = []
            out.reserveCapacity(candidates.count)
            for i in candidates {
                let row = base + starts[i]
                let length = lengths[i]
                var all = true
                for term in terms {
                    if term.count > length || !term.withUnsafeBufferPointer({ Self.contains(row, length, $0) }) {
                        all = false
                        break
                    }
                }
                if all { out.append(i) }
            }
            return out
        }
    }

    /// Whether `length` bytes at `haystack` contain `needle` (not empty): memchr to each candidate first byte, memcmp
    /// for the rest.
    static func contains(_ haystack: UnsafePointer<UInt8>, _ length: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, needle.count <= length else { return false }
        let first = Int32(n[0])
        var p = haystack
        let end = haystack + (length - needle.count + 1)
        while p < end {
            guard let hit = memchr(p, first, end - p) else { return false }
            let at = hit.assumingMemoryBound(to: UInt8.self)
            if memcmp(at, n, needle.count) == 0 { return true }
            p = UnsafePointer(at + 1)
        }
        return false
    }

    private mutating func compactIfWasteful() {
        guard garbage > 4096, garbage * 2 > bytes.count else { return }
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - garbage)
        for i in starts.indices {
            let s = starts[i]
            starts[i] = packed.count
            packed.append(contentsOf: bytes[s..<(s + lengths[i])])
        }
        bytes = packed
        garbage = 0
    }
}
