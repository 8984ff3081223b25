/// Byte-level mutations of a seed: bit flips, inserted and deleted bytes, splices with other seeds, and values
/// swapped for the numbers and strings that have broken parsers before.
struct Mutator {
    let corpus: [[UInt8]]

    /// Tokens worth dropping into JSON and INI text: numbers no Int64 holds, NaN spelled as a string, extreme
    /// nesting, broken UTF-8 and surrogate escapes, terminal controls.
    static let interesting: [[UInt8]] = {
        var tokens: [String] = [
            "1e19", "1e300", "-1e300", "1e400", "-0", "-0.0", "0.5", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "18446744073709551616", "2147483648", "-1",
            "\"nan\"", "\"NaN\"", "\"inf\"", "\"-Infinity\"", "\"1e300\"", "\"99999999999999999999\"", "\" 7 \"", "\"\"",
            "null", "true", "false", "[]", "{}", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"", "\"\\u001b[2J\"",
            "\"\\u009b31m\"", "\"\u{202E}gnp\"", "\"\u{FEFF}\"", "\r\n", "\r", "\u{FEFF}", "=", "[", "]", "\"", "\\",
            String(repeating: "[", count: 600), String(repeating: "{\"a\":", count: 300), String(repeating: "9", count: 400),
        ]
        tokens.append("\u{1B}]0;x\u{7}")
        var bytes = tokens.map { Array($0.utf8) }
        bytes += [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC2], [0xE2, 0x80], [0xC2, 0x9B], [0x00], [0x7F]]
        return bytes
    }()

    /// The interesting tokens that are JSON values by themselves: swapped in for a value they keep a body well-formed.
    static let jsonValues: [[UInt8]] = interesting.filter { token in
        guard let first = token.first, token.count < 500 else { return false }
        return first == UInt8(ascii: "\"") || first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || ["null", "true", "false", "[]", "{}"].contains(String(decoding: token, as: UTF8.self))
    }

    func mutate(_ seed: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = seed
        for _ in 0..<(1 + rng.below(4)) {
            switch rng.below(8) {
            case 0 where !out.isEmpty:
                let i = rng.below(out.count)
                out[i] ^= UInt8(1 << rng.below(8))
            case 1:
                out.insert(UInt8(truncatingIfNeeded: rng.next()), at: rng.below(out.count + 1))
            case 2 where !out.isEmpty:
                let i = rng.below(out.count)
                out.removeSubrange(i..<min(out.count, i + 1 + rng.below(16)))
            case 3:
                out.insert(contentsOf: rng.pick(Self.interesting), at: rng.below(out.count + 1))
            case 4:
                out = replaceValue(out, with: rng.pick(Self.interesting), &rng)
            case 5 where !corpus.isEmpty:
                let other = rng.pick(corpus)
                let cut = rng.below(out.count + 1), from = rng.below(other.count + 1)
                out = Array(out[..<cut]) + Array(other[from...])
            case 6 where !out.isEmpty:
                let i = rng.below(out.count)
                let chunk = out[i..<min(out.count, i + 1 + rng.below(64))]
                out.insert(contentsOf: chunk, at: rng.below(out.count + 1))
            default:
                out = replaceValue(out, with: rng.pick(Self.interesting), &rng)
            }
        }
        return out
    }

    /// Replaces the value after a random `:` or `=` (up to the next `,`, `}`, `]` or newline): mostly still
    /// well-formed, so the hostile value reaches the accessors instead of failing in the parser.
    func replaceValue(_ input: [UInt8], with token: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        let separators = input.indices.filter { input[$0] == UInt8(ascii: ":") || input[$0] == UInt8(ascii: "=") }
        guard !separators.isEmpty else { return input + token }
        let start = rng.pick(separators) + 1
        var end = start
        var inString = false
        while end < input.count {
            let c = input[end]
            if c == UInt8(ascii: "\"") { inString.toggle() }
            if !inString, c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x0A { break }
            end += 1
        }
        return Array(input[..<start]) + token + Array(input[end...])
    }
}
