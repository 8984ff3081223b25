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
    private var searchIndex = SearchIndex()
    /// One copy of each repeated key and value (zone, state, host, offering) for all the rows.
    private var interner = StringInterner()
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
    /// Rows marked for a bulk action (Space, `*`), by id; cleared once an action runs on them.
    var marked: Set<String> = []

    init(definition: ListViewDefinition) {
        self.definition = definition
        table = TableState()
    }

    var id: String { definition.id }

    /// Whether a loaded row is in a state its view declares busy (`refreshWhile`): a template still downloading.
    var isBusy: Bool {
        let busy = definition.refreshWhile
        guard !busy.isEmpty else { return false }
        return rows.contains { row in busy.contains { field, texts in row[field].map { v in texts.contains { v.contains($0) } } ?? false } }
    }
    var selectedRow: Row? {
        guard table.selectedRow >= 0, table.selectedRow < visible.count else { return nil }
        return rows[visible[table.selectedRow]]
    }

    /// Pages that arrived ahead of their turn, appended once the pages before them are in.
    private var buffered: [Int: DataPage] = [:]
    private var nextToRequest = 2
    private var nextToAppend = 1
    private var pagesTotal: Int?

    /// Starts a fresh load (page 1 is requested by the caller): the old rows stay on screen until it arrives.
    mutating func beginReload() -> Int {
        generation += 1
        loading = .loading(page: 1, pages: nil)
        buffered = [:]
        nextToRequest = 2
        nextToAppend = 1
        pagesTotal = nil
        return generation
    }

    /// Takes one page and returns the pages to ask for next: once `count` is known, up to `inFlight` at a time,
    /// appended strictly in page order; with no count, one after another. The cursor stays on its row id.
    mutating func receive(page: Int, _ data: DataPage, pageSize: Int, inFlight: Int = 4) -> [Int] {
        buffered[page] = data
        let keepID = selectedRow?.id
        var finished = false
        while !finished, let d = buffered.removeValue(forKey: nextToAppend) {
            if nextToAppend == 1 {
                rows = []
                searchIndex.removeAll()
                interner.removeAll()
                // A negative count cannot be right: page until a short page instead. The page count is
                // computed so that no count a server sends can overflow it.
                total = d.total.flatMap { $0 >= 0 ? $0 : nil }
                pagesTotal = total.map { max(1, $0 / max(1, pageSize) + ($0 % max(1, pageSize) == 0 ? 0 : 1)) }
            }
            let fields = keptFields()
            for row in d.rows {
                let kept = intern(project(row, keeping: fields))
                rows.append(kept)
                searchIndex.append(search(kept))
            }
            finished = d.rows.count < pageSize || (total.map { rows.count >= $0 } ?? false)
            nextToAppend += 1
        }
        var requests: [Int] = []
        if finished {
            if total == nil || (total ?? 0) < rows.count { total = rows.count }
            buffered = [:]
            loading = .idle
            lastLoaded = Date()
        } else {
            loading = .loading(page: nextToAppend, pages: pagesTotal)
            let limit = pagesTotal ?? nextToAppend
            while nextToRequest <= limit, nextToRequest - nextToAppend < max(1, inFlight) {
                requests.append(nextToRequest)
                nextToRequest += 1
            }
        }
        recompute(keepID: keepID)
        return requests
    }

    mutating func fail(_ message: String) {
        loading = .failed(message)
    }

    /// The fields a row keeps in the list: those shown, plus id, name and state, and those its actions and related
    /// views read (a Release action's `issourcenat`, an account's `domainid`). nil (everything) when the provider
    /// cannot fetch one row for the detail view.
    func keptFields() -> Set<String>? { Self.keptFields(of: definition) }

    static func keptFields(of definition: ListViewDefinition) -> Set<String>? {
        guard definition.dataProvider.fetchOne != nil, !definition.fields.isEmpty else { return nil }
        var keep = Set(definition.fields.map(\.key))
        keep.formUnion(["id", "name", "displayname", "state"])
        if let s = definition.stateField { keep.insert(s) }
        if let o = definition.orderBy { keep.insert(o) }
        keep.formUnion(definition.refreshWhile.keys)
        for f in definition.fields {
            if f.format == .tree { keep.insert(f.other ?? "level") }
            if f.format == .changed { keep.insert(f.other ?? "defaultvalue") }
        }
        // A capacity cell reads three fields whatever its key is.
        if definition.fields.contains(where: { $0.format == .capacity }) { keep.formUnion(FieldFormatter.capacityKeys) }
        for action in definition.actions { keep.formUnion(action.rowFields) }
        for related in definition.related { keep.formUnion(related.rowFields) }
        return keep
    }

    func project(_ row: Row) -> Row { project(row, keeping: keptFields()) }

    func project(_ row: Row, keeping keep: Set<String>?) -> Row { Self.project(row, keeping: keep) }

    static func project(_ row: Row, keeping keep: Set<String>?) -> Row {
        guard let keep else { return row }
        // Already cut (the effect that fetched the page did it): nothing to rebuild.
        if row.fields.members.allSatisfy({ keep.contains($0.key) && !$0.value.isContainer }) { return row }
        // Nested values (a VM's NICs) are kept as the text the cell shows, not as whole objects.
        return Row(id: row.id, fields: JSONObject(row.fields.members.compactMap { m in
            guard keep.contains(m.key) else { return nil }
            return m.value.isContainer ? (m.key, .string(FieldFormatter.plain(m.value))) : m
        }))
    }

    /// Replaces one row in place (after an action's job returned the updated entity).
    mutating func update(_ row: Row) {
        guard let i = rows.firstIndex(where: { $0.id == row.id }) else { return }
        rows[i] = intern(project(row))
        searchIndex.replace(at: i, with: search(rows[i]))
        lastFilter = nil
    }

    /// Space: marks or unmarks the row under the cursor.
    mutating func toggleMark() {
        guard let id = selectedRow?.id else { return }
        if marked.remove(id) == nil { marked.insert(id) }
    }

    /// `*`: marks every row the filter shows; when they are all marked already, clears the marks.
    mutating func markAllShown() {
        let ids = visible.map { rows[$0].id }
        if !ids.isEmpty, ids.allSatisfy(marked.contains) { marked = [] } else { marked.formUnion(ids) }
    }

    /// The marked rows still loaded (also those the filter now hides), in the order they were loaded.
    var markedRows: [Row] { marked.isEmpty ? [] : rows.filter { marked.contains($0.id) } }

    mutating func remove(id: String) {
        marked.remove(id)
        guard let i = rows.firstIndex(where: { $0.id == id }) else { return }
        let keep = selectedRow?.id
        rows.remove(at: i)
        searchIndex.remove(at: i)
        total = total.map { max(0, $0 - 1) }
        recompute(keepID: keep == id ? nil : keep)
    }

    /// The row with its keys and repeated values shared with the other rows (StringInterner).
    private mutating func intern(_ row: Row) -> Row {
        Row(id: row.id, fields: JSONObject(row.fields.members.map { m in
            let key = interner.key(m.key)
            if case .string(let text) = m.value { return (key, .string(interner.value(text, of: key))) }
            return (key, m.value)
        }))
    }

    private func search(_ row: Row) -> String {
        definition.fields.map { FieldFormatter.text($0, row: row.fields) }.joined(separator: "\u{1}").lowercased()
    }

    /// The last filter result, so typing one more character searches only the rows that still matched.
    private var lastFilter: (needle: String, rowCount: Int, generation: Int, indices: [Int])?

    /// Re-applies filter and sort; the cursor stays on `keepID` when it is still shown.
    mutating func recompute(keepID: String? = nil) {
        let needle = filter.text.lowercased()
        var indices: [Int]
        if needle.isEmpty {
            indices = Array(rows.indices)
            lastFilter = nil
        } else {
            let terms = needle.split(separator: " ").map(String.init)
            let candidates: [Int]
            if let last = lastFilter, last.rowCount == rows.count, last.generation == generation, needle.hasPrefix(last.needle) {
                // Narrowing: every row that matches the longer text matched the shorter one.
                candidates = last.indices
            } else {
                candidates = Array(rows.indices)
            }
            indices = searchIndex.filter(candidates, terms.map { Array($0.utf8) })
            lastFilter = (needle, rows.count, generation, indices)
        }
        if let col = table.sortColumn, col < definition.fields.count {
            let field = definition.fields[col]
            // Capacity sorts by the used share of the total; everything else by its text (numbers as numbers).
            let keys = field.format == .capacity
                ? indices.map { SortKey(number: FieldFormatter.usedRatio(rows[$0].fields)) }
                : indices.map { SortKey(FieldFormatter.text(rows[$0].fields[field.key], format: .text)) }
            var order = Array(indices.indices)
            order.sort { a, b in
                let (x, y) = (keys[a], keys[b])
                if x == y { return indices[a] < indices[b] }
                return table.sortAscending ? x < y : y < x
            }
            indices = order.map { indices[$0] }
        } else if let key = definition.orderBy {
            let keys = indices.map { SortKey(FieldFormatter.text(rows[$0].fields[key], format: .text)) }
            let order = Array(indices.indices).sorted { a, b in keys[a] == keys[b] ? indices[a] < indices[b] : keys[a] < keys[b] }
            indices = order.map { indices[$0] }
        }
        visible = indices
        if let keepID, let pos = visible.firstIndex(where: { rows[$0].id == keepID }) {
            table.selectedRow = pos
        } else {
            table.selectedRow = min(table.selectedRow, max(0, visible.count - 1))
        }
    }

    /// The text of cell (`row`, `column`) of the visible rows, fitted to `width` where the format can shorten.
    func cell(row: Int, column: Int, width: Int = .max) -> String {
        guard row < visible.count, column < definition.fields.count else { return "" }
        let text = FieldFormatter.text(definition.fields[column], row: rows[visible[row]].fields, width: width)
        return column == 0 && !marked.isEmpty ? (marked.contains(rows[visible[row]].id) ? "● " : "  ") + text : text
    }

    /// The raw value of the view's state field for visible row `row`, when `column` shows it as a state.
    /// The state of a shown row (its first state-formatted column), which tints the whole row.
    func rowState(row: Int) -> String? {
        guard row < visible.count, let key = definition.fields.first(where: { $0.format == .state })?.key else { return nil }
        return rows[visible[row]][key]
    }

    func stateValue(row: Int, column: Int) -> String? {
        guard row < visible.count, column < definition.fields.count, definition.fields[column].format == .state else { return nil }
        return rows[visible[row]][definition.fields[column].key]
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

    /// A number, or (nil) after every number.
    init(number: Double?) {
        self.number = number
        text = ""
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
