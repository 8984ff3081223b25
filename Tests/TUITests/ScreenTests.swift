import Testing
@testable import TUI

@Suite struct ScreenTests {
    @Test func textLandsAtTheGivenCells() {
        var screen = Screen(width: 20, height: 3)
        let bold = Style(fg: .green, bold: true)
        screen.put("Running", x: 4, y: 1, style: bold)
        #expect(screen.text(at: 1) == "    Running         ")
        #expect(screen[4, 1].character == "R")
        #expect(screen[4, 1].style == bold)
        #expect(screen[3, 1].style == .plain)
        #expect(screen.position(of: "Running")! == (4, 1))
    }

    @Test func longTextIsCutWithAnEllipsis() {
        var screen = Screen(width: 30, height: 1)
        let written = screen.put("i-2-34-VM web-frontend-production", x: 0, y: 0, maxWidth: 12)
        #expect(written == 12)
        #expect(screen.text(at: 0).hasPrefix("i-2-34-VM w…"))
        #expect(screen[12, 0].character == " ")
    }

    @Test func textStopsAtTheRightEdge() {
        var screen = Screen(width: 10, height: 1)
        screen.put("0123456789ABCDEF", x: 4, y: 0)
        #expect(screen.text(at: 0) == "    01234…")
    }

    @Test func doubleWidthCharactersTakeTwoCells() {
        var screen = Screen(width: 10, height: 1)
        let n = screen.put("漢字ab", x: 0, y: 0)
        #expect(n == 6)
        #expect(screen[0, 0].character == "漢")
        #expect(screen[1, 0].isContinuation)
        #expect(screen[2, 0].character == "字")
        #expect(screen[4, 0].character == "a")
        #expect(screen.text(at: 0) == "漢字ab    ")
    }

    @Test func cjkIsNeverSplitInHalfWhenTruncated() {
        // 8 columns of CJK in 5: two ideographs and the ellipsis. In 4: one ideograph, the ellipsis, and a
        // blank where half an ideograph would have gone.
        var screen = Screen(width: 10, height: 1)
        let n = screen.put("東京大阪", x: 0, y: 0, maxWidth: 5)
        #expect(n == 5)
        #expect(screen.text(at: 0) == "東京…     ")
        var narrow = Screen(width: 10, height: 1)
        #expect(narrow.put("東京大阪", x: 0, y: 0, maxWidth: 4) == 3)
        #expect(narrow.text(at: 0) == "東…       ")
        #expect(narrow[3, 0].character == " ")
        for x in 0..<10 where screen[x, 0].isContinuation {
            #expect(DisplayWidth.of(screen[x - 1, 0].character) == 2, "continuation at \(x) must follow a wide character")
        }
        #expect(DisplayWidth.truncate("東京大阪", to: 5) == "東京…")
        #expect(DisplayWidth.truncate("東京大阪", to: 4) == "東…")
        #expect(DisplayWidth.truncate("東京大阪", to: 8) == "東京大阪")
    }

    @Test func aWideCharacterAtTheLastColumnIsNotHalfDrawn() {
        var screen = Screen(width: 5, height: 1)
        screen.put("abcd漢", x: 0, y: 0)
        #expect(screen.text(at: 0) == "abcd…")
        var s2 = Screen(width: 5, height: 1)
        s2.put("漢", x: 4, y: 0)
        #expect(!s2[4, 0].isContinuation)
        #expect(s2[4, 0].character != "漢")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("漢字", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen[0, 0].character == " ")
        #expect(screen[1, 0].character == "x")
        #expect(screen[2, 0].character == "字")
        screen.put("y", x: 2, y: 0)
        #expect(screen[3, 0].character == " ")
        #expect(!screen[3, 0].isContinuation)
    }

    @Test func emojiAndCombiningMarksHaveTheirTerminalWidths() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("✓") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("\u{200B}") == 0)
        var screen = Screen(width: 6, height: 1)
        screen.put("cafe\u{301}🚀", x: 0, y: 0)
        #expect(screen[3, 0].character == "e\u{301}")
        #expect(screen[4, 0].character == "🚀")
        #expect(screen[5, 0].isContinuation)
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        var screen = Screen(width: 10, height: 1)
        screen.put("a\u{1B}[2Jb\tc", x: 0, y: 0)
        #expect(screen.text(at: 0) == "a?[2Jb c  ")
    }

    @Test func fillColoursARectangleAndClipsToTheScreen() {
        var screen = Screen(width: 5, height: 3)
        let blue = Style(bg: .blue)
        screen.fill(Rect(x: 3, y: 1, width: 10, height: 10), style: blue, character: "#")
        #expect(screen.text(at: 0) == "     ")
        #expect(screen.text(at: 1) == "   ##")
        #expect(screen.text(at: 2) == "   ##")
        #expect(screen[4, 2].style == blue)
    }

    @Test func diffOfScreensDifferingInOneRowListsOnlyThatRow() {
        var a = Screen(width: 40, height: 10)
        for y in 0..<10 { a.put("row \(y) text", x: 0, y: y) }
        var b = a
        b.put("row 5 TEXT", x: 0, y: 5, style: Style(reverse: true))
        let changes = b.diff(from: a)
        #expect(!changes.isEmpty)
        #expect(changes.allSatisfy { $0.y == 5 })
        #expect(Set(changes.map(\.x)) == Set(0..<10))
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func diffAfterAResizeRedrawsEverything() {
        let a = Screen(width: 4, height: 2)
        let b = Screen(width: 5, height: 2)
        #expect(b.diff(from: a).count == 10)
    }

    @Test func recordingBackendSendsOnlyChangedCells() {
        let backend = RecordingBackend(width: 10, height: 3)
        var s = Screen(width: 10, height: 3)
        s.put("hello", x: 0, y: 0)
        backend.present(s)
        s.put("j", x: 0, y: 0)
        backend.present(s)
        #expect(backend.changesPerPresent.last?.count == 1)
    }
}
