import Testing
@testable import CloudStack

@Suite("Text that leaves for a terminal")
struct TerminalSafeTests {
    @Test("clean text comes back unchanged, non-ASCII included")
    func clean() {
        for s in ["", "plain", "Zürich – 東京 ✓ 🐵", "tab\tand\nnewline kept", "\\e is just text"] {
            let keep: TerminalSafe.Keep = [.newline, .tab]
            #expect(TerminalSafe.visible(s, keep: keep) == s)
            #expect(TerminalSafe.isClean(s, keep: keep))
        }
    }

    @Test("controls become visible escapes", arguments: [
        ("\u{1B}]0;pwned\u{07}", "\\e]0;pwned\\u0007"),
        ("\u{1B}[2J", "\\e[2J"),
        ("a\u{9B}31m", "a\\u009b31m"),
        ("\u{85}\u{80}\u{9F}", "\\u0085\\u0080\\u009f"),
        ("x\u{7F}\u{0}", "x\\u007f\\u0000"),
        ("in\u{202E}voice", "in\\u202evoice"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}", "\\u202a\\u202b\\u202c\\u202d"),
        ("\u{2066}\u{2067}\u{2068}\u{2069}", "\\u2066\\u2067\\u2068\\u2069"),
        ("\u{200E}\u{200F}\u{061C}", "\\u200e\\u200f\\u061c"),
        ("\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}", "\\u200b\\u200c\\u200d\\u2060\\ufeff"),
        ("a\nb\tc\rd", "a\\nb\\tc\\rd"),
    ])
    func escapes(input: String, shown: String) {
        #expect(TerminalSafe.visible(input) == shown)
        #expect(!TerminalSafe.isClean(input))
        #expect(TerminalSafe.isClean(shown))
    }

    @Test("newline and tab stay only where the caller keeps them")
    func keep() {
        #expect(TerminalSafe.visible("a\nb\tc", keep: .newline) == "a\nb\\tc")
        #expect(TerminalSafe.visible("a\nb\tc", keep: .tab) == "a\\nb\tc")
        #expect(TerminalSafe.visible("a\r\n\u{1B}", keep: [.newline, .tab]) == "a\\r\n\\e")
    }

    @Test("neighbours of the unsafe ranges are left alone")
    func neighbours() {
        let safe = "\u{A0}\u{A1}\u{61B}\u{61D}\u{200A}\u{2010}\u{2029}\u{202F}\u{2061}\u{2065}\u{206A}\u{FEFE}\u{FF00}"
        #expect(TerminalSafe.visible(safe) == safe)
    }

    @Test("JSON output escapes C1, DEL, bidi and zero-width as \\u and still decodes to the original")
    func jsonEscapes() throws {
        let original = "snap\u{1B}]0;x\u{7}\u{9B}2J\u{7F}\u{202E}\u{200B}\u{FEFF}é東"
        let json = JSONSerializer.string(.object(JSONObject([("name", .string(original))])))
        #expect(json == #"{"name":"snap\u001b]0;x\u0007\u009b2J\u007f\u202e\u200b\ufeffé東"}"#)
        #expect(try JSONParser.parse(json)["name"]?.text == original)
    }
}
