/// Word wrapping by display width.
public enum TextWrap {
    /// The text broken into lines of at most `width` columns: at spaces where possible, inside a word when a
    /// word alone is too long; explicit newlines are kept, and so is the indentation a paragraph starts with.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            let indent = paragraph.prefix { $0 == " " }.count
            var first = true
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var w = DisplayWidth.of(word)
                var rest = Substring(word)
                if first {
                    first = false
                    if indent > 0, indent + w <= width {
                        line = String(repeating: " ", count: indent) + rest
                        lineWidth = indent + w
                        continue
                    }
                }
                if lineWidth > 0 && lineWidth + 1 + w <= width {
                    line += " " + rest
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while w > width {
                    var piece = ""
                    var pw = 0
                    while let ch = rest.first, pw + DisplayWidth.of(ch) <= width {
                        piece.append(ch)
                        pw += DisplayWidth.of(ch)
                        rest = rest.dropFirst()
                    }
                    if piece.isEmpty, let ch = rest.first {
                        // A double-width character in a one-column space: nothing fits, skip it.
                        rest = rest.dropFirst()
                        _ = ch
                    } else {
                        result.append(piece)
                    }
                    w = DisplayWidth.of(rest)
                }
                line = String(rest)
                lineWidth = w
            }
            result.append(line)
        }
        return result
    }
}
