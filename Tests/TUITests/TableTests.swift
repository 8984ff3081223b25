import Testing
@testable import TUI

@Suite struct TableTests {
    let theme = Theme.builtIn
    let columns = [TableColumn("Name", minWidth: 10, weight: 3), TableColumn("State", minWidth: 8), TableColumn("IP", minWidth: 15, priority: -1)]

    func vms(_ count: Int) -> ClosureTableDataSource {
        ClosureTableDataSource(rowCount: count) { row, col in
            switch col {
            case 0: "vm-\(row)"
            case 1: row % 2 == 0 ? "Running" : "Stopped"
            default: "10.1.\(row / 256 % 256).\(row % 256)"
            }
        }
    }

    @Test func headerAndRowsAreDrawnInColumns() {
        var screen = Screen(width: 60, height: 6)
        Table(columns: columns).draw(into: &screen, in: screen.bounds, theme: theme, data: vms(3))
        #expect(screen.text(at: 0).hasPrefix("Name"))
        #expect(screen.text(at: 0).contains("State"))
        #expect(screen.text(at: 1).hasPrefix("vm-0"))
        #expect(screen.text(at: 2).contains("Stopped"))
        #expect(screen.text(at: 3).contains("10.1.0.2"))
        #expect(screen.style(x: 0, y: 0) == theme[.header])
    }

    @Test func selectedRowIsHighlightedAcrossTheWholeWidth() {
        var screen = Screen(width: 60, height: 6)
        let table = Table(columns: columns, state: TableState(selectedRow: 1))
        table.draw(into: &screen, in: screen.bounds, theme: theme, data: vms(3))
        #expect(screen.style(x: 0, y: 2) == theme[.selectedRow])
        #expect(screen.style(x: 59, y: 2) == theme[.selectedRow])
        #expect(screen.style(x: 0, y: 1) != theme[.selectedRow])
        #expect(screen.style(x: 0, y: 3) != theme[.selectedRow])
    }

    @Test func sortIndicatorShowsOnTheSortedColumn() {
        var screen = Screen(width: 60, height: 3)
        Table(columns: columns, state: TableState(sortColumn: 1, sortAscending: false))
            .draw(into: &screen, in: screen.bounds, theme: theme, data: vms(1))
        #expect(screen.text(at: 0).contains("State ▼"))
        #expect(!screen.text(at: 0).contains("Name ▼"))
    }

    @Test func narrowTablesHideLowPriorityColumnsAndCutLongValues() {
        let widths = Table.columnWidths(columns, totalWidth: 25)
        #expect(widths[2] == 0)
        #expect(widths[0] + widths[1] + 1 <= 25)
        let wide = Table.columnWidths(columns, totalWidth: 100)
        #expect(wide.reduce(0, +) + 2 == 100)
        #expect(wide[0] > wide[1])
        var screen = Screen(width: 20, height: 3)
        let data = ClosureTableDataSource(rowCount: 1) { _, c in c == 0 ? "a-very-long-virtual-machine-name" : "Running" }
        Table(columns: columns).draw(into: &screen, in: screen.bounds, theme: theme, data: data)
        #expect(screen.text(at: 1).contains("…"))
        #expect(screen.text(at: 1).contains("Running"))
    }

    @Test func scrollingKeepsTheCursorVisibleWith100000Rows() {
        let data = vms(100_000)
        let rect = Rect(x: 0, y: 0, width: 60, height: 21)
        var table = Table(columns: columns)
        let visible = table.visibleRowCount(in: rect)
        #expect(visible == 20)
        // End, PgUp, a few steps, then a far jump: the cursor row is always on screen and highlighted.
        let keys: [Key] = [.end, .pageUp, .up, .up, .char("g"), .pageDown, .pageDown, .down, .char("G")]
        for key in keys {
            let used = table.state.handle(key, rowCount: data.rowCount, visibleRows: visible)
            #expect(used)
            var screen = Screen(width: 60, height: 21)
            table.draw(into: &screen, in: rect, theme: theme, data: data)
            let selected = table.state.selectedRow
            #expect(table.state.scrollOffset <= selected && selected < table.state.scrollOffset + visible)
            let y = 1 + selected - table.state.scrollOffset
            #expect(screen.text(at: y).hasPrefix("vm-\(selected) "))
            #expect(screen.style(x: 0, y: y) == theme[.selectedRow])
        }
        #expect(table.state.selectedRow == 99_999)
        #expect(table.state.scrollOffset == 99_980)
        #expect(screen(afterDrawing: table, data: data, rect: rect).text(at: 20).hasPrefix("vm-99999"))
    }

    @Test func drawingReadsOnlyVisibleRows() {
        final class Counter: TableDataSource {
            var reads = Set<Int>()
            var rowCount: Int { 100_000 }
            func value(row: Int, column: Int) -> String { reads.insert(row); return "r\(row)" }
        }
        let counter = Counter()
        var screen = Screen(width: 40, height: 11)
        Table(columns: [TableColumn("Row")], state: TableState(selectedRow: 50_000, scrollOffset: 49_995))
            .draw(into: &screen, in: screen.bounds, theme: theme, data: counter)
        #expect(counter.reads == Set(49_995..<50_005))
    }

    @Test func aStaleOffsetIsCorrectedWhenDrawing() {
        var screen = Screen(width: 30, height: 5)
        Table(columns: [TableColumn("Name")], state: TableState(selectedRow: 500, scrollOffset: 0))
            .draw(into: &screen, in: screen.bounds, theme: theme, data: vms(1000))
        #expect(screen.text(at: 4).hasPrefix("vm-500"))
    }

    @Test func mouseRowHitTesting() {
        let table = Table(columns: columns, state: TableState(selectedRow: 0))
        let rect = Rect(x: 20, y: 2, width: 60, height: 10)
        #expect(table.row(atY: 2, in: rect, rowCount: 100) == nil)
        #expect(table.row(atY: 3, in: rect, rowCount: 100) == 0)
        #expect(table.row(atY: 7, in: rect, rowCount: 3) == nil)
    }

    @Test func emptyTableSaysSo() {
        var screen = Screen(width: 30, height: 4)
        Table(columns: columns, emptyMessage: "No instances").draw(into: &screen, in: screen.bounds, theme: theme, data: vms(0))
        #expect(screen.text(at: 1).contains("No instances"))
    }

    private func screen(afterDrawing table: Table, data: some TableDataSource, rect: Rect) -> Screen {
        var s = Screen(width: rect.width, height: rect.height)
        table.draw(into: &s, in: rect, theme: theme, data: data)
        return s
    }
}
