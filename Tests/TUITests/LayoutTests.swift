import Testing
@testable import TUI

@Suite struct LayoutTests {
    @Test func splitGivesFixedPartsTheirSizeAndTheRestToFill() {
        let parts = Layout.split(Rect(x: 0, y: 0, width: 80, height: 24), .vertical, [.fixed(1), .fill(1), .fixed(1)])
        #expect(parts.map(\.height) == [1, 22, 1])
        #expect(parts.map(\.y) == [0, 1, 23])
        let cols = Layout.split(Rect(x: 0, y: 0, width: 80, height: 24), .horizontal, [.fixed(22), .fill(1)])
        #expect(cols[1] == Rect(x: 22, y: 0, width: 58, height: 24))
    }

    @Test func splitNeverExceedsTheSpace() {
        let parts = Layout.lengths([.fixed(30), .percent(50), .fill(1)], total: 20)
        #expect(parts.reduce(0, +) <= 20)
        #expect(parts == [20, 0, 0])
    }

    @Test func insetAndCenterStayInside() {
        let r = Rect(x: 2, y: 2, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 3, width: 8, height: 2))
        #expect(r.inset(by: 5).isEmpty)
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 3, width: 4, height: 2))
        #expect(r.centered(width: 40, height: 20) == r)
    }

    @Test func wrapBreaksAtSpacesAndInsideLongWords() {
        #expect(TextWrap.lines("Destroy the virtual machine web-01?", width: 12) == ["Destroy the", "virtual", "machine", "web-01?"])
        #expect(TextWrap.lines("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.lines("東京大阪", width: 5) == ["東京", "大阪"])
    }
}
