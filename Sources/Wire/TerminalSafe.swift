/// Text that leaves for a terminal or stdout, made harmless: every control a server could use to move the
/// cursor, retitle the window, clear the screen or reorder what the reader sees is shown as a visible escape.
///
/// Unsafe are the C0 controls (U+0000-001F), DEL (U+007F), the C1 controls (U+0080-009F, U+009B is a one-byte
/// CSI on many terminals), the bidirectional controls (U+061C, U+200E-200F, U+202A-202E, U+2066-2069) and the
/// zero-width characters (U+200B-200D, U+2060, U+FEFF) that hide text or make two names look alike.
/// ESC becomes `\e`, newline, tab and CR `\n`, `\t`, `\r` (unless kept), everything else `\uXXXX` (`\u009b`).
/// Clean text, the common case, is returned unchanged after one pass over its UTF-8 bytes.
public enum TerminalSafe {
    /// Layout controls a caller keeps as they are because its format needs them.
    public struct Keep: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let newline = Keep(rawValue: 1)
        public static let tab = Keep(rawValue: 2)
    }

    /// `text` with every unsafe character replaced by a visible escape.
    public static func visible(_ text: String, keep: Keep = []) -> String {
        var copy = text
        let clean = copy.withUTF8 { firstUnsafe(in: $0, keep: keep) == nil }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keep: keep) { out += escape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// True when these UTF-8 bytes, shown as text, would pass `visible(_:keep:)` unchanged.
    public static func isClean(bytes: [UInt8], keep: Keep = []) -> Bool {
        bytes.withUnsafeBufferPointer { firstUnsafe(in: $0, keep: keep) == nil }
    }

    /// True when `visible(text, keep:)` would change nothing.
    public static func isClean(_ text: String, keep: Keep = []) -> Bool {
        var copy = text
        return copy.withUTF8 { firstUnsafe(in: $0, keep: keep) == nil }
    }

    /// Whether `scalar` must not reach a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keep: Keep = []) -> Bool {
        switch scalar.value {
        case 0x0A: return !keep.contains(.newline)
        case 0x09: return !keep.contains(.tab)
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The visible spelling of one unsafe character.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    /// The scalar value and UTF-8 length of an unsafe character starting at `i` in valid UTF-8, or nil.
    /// Matching bytes instead of decoding keeps the clean path fast; every unsafe scalar is at most 3 bytes.
    @inline(__always)
    static func unsafeScalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int, keep: Keep) -> (value: UInt32, length: Int)? {
        let b = bytes[i]
        if b < 0x20 {
            if b == 0x0A, keep.contains(.newline) { return nil }
            if b == 0x09, keep.contains(.tab) { return nil }
            return (UInt32(b), 1)
        }
        if b == 0x7F { return (0x7F, 1) }
        if b < 0xC2 { return nil }
        let n = bytes.count
        switch b {
        case 0xC2:
            // U+0080-009F are C2 80 ... C2 9F.
            if i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) { return (UInt32(bytes[i + 1]), 2) }
        case 0xD8:
            if i + 1 < n, bytes[i + 1] == 0x9C { return (0x061C, 2) }
        case 0xE2:
            guard i + 2 < n else { return nil }
            let b1 = bytes[i + 1], b2 = bytes[i + 2]
            let value = 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
            if b1 == 0x80, (0x8B...0x8F).contains(b2) || (0xAA...0xAE).contains(b2) { return (value, 3) }
            if b1 == 0x81, b2 == 0xA0 || (0xA6...0xA9).contains(b2) { return (value, 3) }
        case 0xEF:
            if i + 2 < n, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return (0xFEFF, 3) }
        default:
            break
        }
        return nil
    }

    static func firstUnsafe(in bytes: UnsafeBufferPointer<UInt8>, keep: Keep) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            // Printable ASCII and the UTF-8 lead bytes that can never start an unsafe character are skipped cheaply.
            if b >= 0x20, b < 0x7F { i += 1; continue }
            if unsafeScalar(in: bytes, at: i, keep: keep) != nil { return i }
            i += 1
        }
        return nil
    }
}
