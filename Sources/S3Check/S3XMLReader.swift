/// A small strict reader for the XML S3 answers with: elements, attributes (skipped), text, the five named
/// entities and character references, CDATA, comments and processing instructions (skipped).
///
/// FoundationXML is not used because it traps on hostile input (a processing instruction without data such as
/// `<?x?>`, an element name that is not UTF-8), and an S3 endpoint is outside input. A DOCTYPE is refused:
/// S3 never sends one, and refusing it rules out entity expansion.
struct S3XMLReader {
    private let bytes: [UInt8]
    private var i = 0
    private var leaves: [(path: String, text: String)] = []
    /// Open elements: name and whether a child element has started inside it.
    private var stack: [(name: String, hadChild: Bool)] = []
    private var text: [UInt8] = []
    private static let maxDepth = 256

    /// The leaves of `bytes` in document order, or nil when they are not well-formed XML of that subset.
    static func leaves(of bytes: [UInt8]) -> [(path: String, text: String)]? {
        var reader = S3XMLReader(bytes: bytes)
        return reader.read() ? reader.leaves : nil
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func at(_ s: String) -> Bool {
        let p = Array(s.utf8)
        return i + p.count <= bytes.count && Array(bytes[i..<(i + p.count)]) == p
    }

    /// Moves past the next `terminator`; false when it never comes.
    private mutating func skip(past terminator: String) -> Bool {
        let t = Array(terminator.utf8)
        while i + t.count <= bytes.count {
            if bytes[i] == t[0], Array(bytes[i..<(i + t.count)]) == t { i += t.count; return true }
            i += 1
        }
        return false
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"), 0x80...0xFF: return true
        default: return false
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    private mutating func name() -> String? {
        let start = i
        while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
        guard i > start, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]), bytes[start] != UInt8(ascii: "-"),
              bytes[start] != UInt8(ascii: ".") else { return nil }
        return String(validating: bytes[start..<i], as: UTF8.self)
    }

    private mutating func skipSpace() { while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 } }

    private mutating func read() -> Bool {
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { return false }
        if at("\u{FEFF}") { i += 3 }
        var sawRoot = false
        while i < bytes.count {
            if at("<?") {
                guard skip(past: "?>") else { return false }
            } else if at("<!--") {
                guard skip(past: "-->") else { return false }
            } else if at("<![CDATA[") {
                guard !stack.isEmpty else { return false }
                i += 9
                let start = i
                guard skip(past: "]]>") else { return false }
                text += bytes[start..<(i - 3)]
            } else if at("<!") {
                return false
            } else if at("</") {
                i += 2
                guard let n = name(), let open = stack.popLast(), open.name == n else { return false }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { return false }
                i += 1
                endElement(open)
            } else if bytes[i] == UInt8(ascii: "<") {
                guard stack.isEmpty ? !sawRoot : true, stack.count < Self.maxDepth else { return false }
                i += 1
                guard let n = name(), attributes() else { return false }
                if !stack.isEmpty { stack[stack.count - 1].hadChild = true }
                stack.append((n, false))
                sawRoot = true
                text = []
                if at("/>") {
                    i += 2
                    if let open = stack.popLast() { endElement(open) }
                } else if i < bytes.count, bytes[i] == UInt8(ascii: ">") {
                    i += 1
                } else {
                    return false
                }
            } else if bytes[i] == UInt8(ascii: "&") {
                guard !stack.isEmpty, let scalar = reference() else { return false }
                text += Array(String(Character(scalar)).utf8)
            } else {
                // Outside the root only white space may stand.
                guard !stack.isEmpty || Self.isSpace(bytes[i]) else { return false }
                if !stack.isEmpty { text.append(bytes[i]) }
                i += 1
            }
        }
        return sawRoot && stack.isEmpty
    }

    /// Attributes up to `>` or `/>`; their values are checked for balance and skipped.
    private mutating func attributes() -> Bool {
        while true {
            let hadSpace = i < bytes.count && Self.isSpace(bytes[i])
            skipSpace()
            guard i < bytes.count else { return false }
            if bytes[i] == UInt8(ascii: ">") || at("/>") { return true }
            guard hadSpace, name() != nil else { return false }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { return false }
            i += 1
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return false }
            let quote = bytes[i]
            i += 1
            while i < bytes.count, bytes[i] != quote {
                if bytes[i] == UInt8(ascii: "<") { return false }
                i += 1
            }
            guard i < bytes.count else { return false }
            i += 1
        }
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#NN;` or `&#xHH;`; nil for anything else.
    private mutating func reference() -> Unicode.Scalar? {
        guard let semicolon = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let body = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
        i = semicolon + 1
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard body.hasPrefix("#") else { return nil }
            let digits = body.dropFirst()
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0 else { return nil }
            return Unicode.Scalar(value)
        }
    }

    private mutating func endElement(_ element: (name: String, hadChild: Bool)) {
        if !element.hadChild {
            let path = (stack.map(\.name) + [element.name]).joined(separator: "/")
            leaves.append((path, String(decoding: text, as: UTF8.self)))
        }
        text = []
    }
}
