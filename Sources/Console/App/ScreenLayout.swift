import TUI

/// Where each part of the console goes at the current size; shared by drawing and mouse hit-testing.
struct ScreenLayout {
    var status: Rect
    var navbar: Rect
    var main: Rect
    var footer: Rect
    /// Inside `main`: the title line, the table, and the detail pane when one is open.
    var title: Rect
    var table: Rect
    var detail: Rect?

    /// The layout for the console's state: at under 120 columns the navbar gives its width to a list that has the
    /// focus (the Host column fits at 80x24); Tab, ← or h bring it back.
    init(_ s: AppState) {
        self.init(width: s.width, height: s.height, detailOpen: s.detail != nil, navbarShown: !s.navbarCollapsed)
    }

    init(width: Int, height: Int, detailOpen: Bool, navbarShown: Bool = true) {
        let full = Rect(x: 0, y: 0, width: max(0, width), height: max(0, height))
        status = full.top(1)
        footer = full.bottom(1)
        let body = Rect(x: 0, y: 1, width: full.width, height: max(0, full.height - 2))
        let navWidth = !navbarShown ? 0 : (width >= 120 ? 24 : (width >= 70 ? 20 : min(16, max(0, width / 4))))
        navbar = Rect(x: 0, y: body.y, width: navWidth, height: body.height)
        main = Rect(x: navWidth + (navWidth > 0 ? 1 : 0), y: body.y, width: max(0, full.width - navWidth - (navWidth > 0 ? 1 : 0)), height: body.height)
        title = main.top(1)
        let below = Rect(x: main.x, y: main.y + 1, width: main.width, height: max(0, main.height - 1))
        if detailOpen {
            if main.width >= 110 {
                // Wide terminals: the detail pane beside the table.
                let tableWidth = main.width * 11 / 20
                table = Rect(x: below.x, y: below.y, width: tableWidth, height: below.height)
                detail = Rect(x: below.x + tableWidth + 1, y: below.y, width: below.width - tableWidth - 1, height: below.height)
            } else {
                // 80x24: the detail pane replaces the table; a few rows of context stay above it.
                let keep = min(4, below.height / 4)
                table = Rect(x: below.x, y: below.y, width: below.width, height: keep)
                detail = Rect(x: below.x, y: below.y + keep, width: below.width, height: below.height - keep)
            }
        } else {
            table = below
            detail = nil
        }
    }
}
