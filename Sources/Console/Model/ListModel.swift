import CloudStack
import Foundation
import PluginKit
import TUI

/// The rows of one list view as loaded so far, with the filter, sort and cursor the user set.
/// Filtering and sorting work on row indices, so 100,000 rows are never copied per keystroke.
struct ListModel {
    enum Loading: Equatable {
        case idle
        /// Fetching page `page` of about `pages`.
        case loading(page: Int, pages: Int?)
        case failed(String)
    }

    var definition: ListViewDefinition
    private(set) var rows: [Row] = []
    /// Lower-cased text of every shown field of each row, for filtering as the user types.
    private var searchText: [String] = []
    /// Indices into `rows` that pass the filter, in display order.
    private(set) var visible: [Int] = []
    var total: Int?
    var loading: Loading = .idle
    /// Bumped on every reload so answers to an older load are ignored.
    var generation = 0
    var lastLoaded: Date?
    var table: TableState
    var filter = TextInput()
    var isEditingFilter = false

    init(definition: ListViewDefinition) {
        self.definition = definition
        table = TableState()
    }

    var id: String { definition.id }
    var selectedRow: Row? {
        guard table.selectedRow >= 0, table.selectedRow < visible.count else { return nil }
        return rows[visible[table.selectedRow]]
    }

    /// Starts a fresh load: keeps the old rows on screen until the first page of the new ones arrives.
    mutating func beginReload() -> Int {
        generation += 1
        loading = .loading(page: 1, pages: nil)
        return generation
    }

    /// Adds one page; the first page of a load replaces what was there, keeping the cursor on the same row id.
    mutating func receive(page: Int, _ data: DataPage, pageSize: Int) {
        let keepID = selectedRow?.id
        if page == 1 {
            rows = []
            searchText = []
        }
        rows.append(contentsOf: data.rows)
        searchText.append(contentsOf: data.rows.map(search))
        total = data.total ?? (data.rows.count < pageSize ? rows.count : nil)
        let pages = total.map { max(1, ($0 + pageSize - 1) / pageSize) }
        let more = data.rows.count == pageSize && (total.map { rows.count < $0 } ?? true)
        loading = more ? .loading(page: page + 1, pages: pages) : .idle
        if !more { lastLoaded = Date() }
        recompute(keepID: keepID)
    }

    mutating func fail(_ message: String) {
        loading = .failed(message)
    }

    /// Replaces one row in place (after an action's job returned the updated entity).
    mutating func update(_ row: Row) {
        guard let i = rows.firstIndex(where: { $0.id == row.id }) else { return }
        rows[i] = row
        searchText[i] = search(row)
    }

    mutating func remove(id: String) {
        guard let i = rows.firstIndex(where: { $0.id == id }) else { return }
        let keep = selectedRow?.id
        rows.remove(at: i)
        searchText.remove(at: i)
        total = total.map { $0 - 1 }
        recompute(keepID: keep == id ? nil : keep)
    }

    private func search(_ row: Row) -> String {
        definition.fields.map { FieldFormatter.text(row.fields[$0.key], format: $0.format) }.joined(separator: "\u{1}").lowercased()
    }

    /// Re-applies filter and sort; the cursor stays on `keepID` when it is still shown.
    mutating func recompute(keepID: String? = nil) {
        let needle = filter.text.lowercased()
        var indices: [Int]
        if needle.isEmpty {
            indices = Array(rows.indices)
        } else {
            let terms = needle.split(separator: " ").map(String.init)
            indices = rows.indices.filter { i in terms.allSatisfy { searchText[i].contains($0) } }
        }
        if let col = table.sortColumn, col < definition.fields.count {
            let field = definition.fields[col]
            let keys = indices.map { SortKey(FieldFormatter.text(rows[$0].fields[field.key], format: .text)) }
            var order = Array(indices.indices)
            order.sort { a, b in
                let (x, y) = (keys[a], keys[b])
                if x == y { return indices[a] < indices[b] }
                return table.sortAscending ? x < y : y < x
            }
            indices = order.map { indices[$0] }
        }
        visible = indices
        if let keepID, let pos = visible.firstIndex(where: { rows[$0].id == keepID }) {
            table.selectedRow = pos
        } else {
            table.selectedRow = min(table.selectedRow, max(0, visible.count - 1))
        }
    }

    /// The text of cell (`row`, `column`) of the visible rows.
    func cell(row: Int, column: Int) -> String {
        guard row < visible.count, column < definition.fields.count else { return "" }
        let field = definition.fields[column]
        return FieldFormatter.text(rows[visible[row]].fields[field.key], format: field.format)
    }
}

/// Numbers sort as numbers, everything else case-insensitively.
struct SortKey: Comparable {
    let number: Double?
    let text: String

    init(_ s: String) {
        number = Double(s)
        text = s.lowercased()
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        switch (a.number, b.number) {
        case let (x?, y?): return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.text < b.text
        }
    }
}
