import CloudStack

/// `cstui call --all-pages`: writes rows as pages arrive, in page order, so memory holds only the pages in flight
/// and the first rows reach a pipe (or `less`) after the first page rather than after the last.
///
/// - json is written exactly as `OutputRenderer` writes the whole answer (`{"count": N, "<key>": [ … ]}`).
/// - csv and table take their columns from `--filter`, or else from the first page. A table also takes its
///   column widths from the first page, and a later cell wider than its column is shortened with "…" (the last
///   column is never cut): a table is for reading, its alignment has to be decided before its first line, and
///   waiting for the last of 200 pages (or spooling them to disk for a second pass) would make the user wait for
///   everything before seeing anything. Keys that appear only after the first page are counted and named on
///   stderr at the end, with `--filter` as the way to choose columns.
/// - text writes each row as it comes.
///
/// `CloudStackClient.listPages` hands pages over one at a time, never concurrently, which is what makes this
/// unsynchronised class safe to use from its `@Sendable` body.
final class ListStream: @unchecked Sendable {
    private let renderer: OutputRenderer
    private let write: ([UInt8]) -> Void
    private var started = false
    private var rowsWritten = 0
    private var columns: [String] = []
    /// Key orders seen lately, each with the columns each of its members fills.
    private var layouts: [(keys: [String], columns: [[Int]])] = []
    /// Each column name's positions (a --filter may name a key twice).
    private var columnIndex: [String: [Int]] = [:]
    private var widths: [Int] = []
    /// Keys seen after the columns were fixed (csv and table without --filter), in first-seen order.
    private var lateKeys: [String] = []
    private var lateKeySet: Set<String> = []
    private var cellsShortened = 0
    /// Reused for nested values written into CSV cells.
    private var scratch: [UInt8] = []
    /// The first page's count and item key, for json's opening lines and an empty answer.
    private var count = 0
    private var itemKey: String?

    init(renderer: OutputRenderer, write: @escaping ([UInt8]) -> Void) {
        self.renderer = renderer
        self.write = write
    }

    /// Writes one page's rows.
    func take(_ page: ListPage) {
        if page.number == 1 {
            count = page.count
            itemKey = page.itemKey
        }
        if itemKey == nil { itemKey = page.itemKey }
        let rows = page.items.compactMap(\.objectValue)
        guard !rows.isEmpty, itemKey != nil else { return }
        var out: [UInt8] = []
        // A full VM is about 2 KB of pretty JSON; one reservation per page instead of repeated growth.
        out.reserveCapacity(rows.count * (renderer.format == .json && renderer.filter == nil ? 2560 : 512))
        if !started {
            started = true
            open(rows, into: &out)
        }
        switch renderer.format {
        case .json:
            for row in rows {
                if rowsWritten > 0 { out.append(UInt8(ascii: ",")) }
                out.append(0x0A)
                out.append(contentsOf: [UInt8](repeating: 0x20, count: 4))
                let shown = renderer.filter.map { OutputRenderer.pick(row, $0) } ?? row
                JSONSerializer.write(.object(shown), into: &out, pretty: true, indent: 2)
                rowsWritten += 1
            }
        case .csv:
            for row in rows {
                let values = slots(row)
                for i in columns.indices {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    OutputRenderer.appendCSV(values[i], to: &out, scratch: &scratch)
                }
                out.append(0x0A)
                rowsWritten += 1
            }
        case .table:
            for row in rows {
                let values = slots(row)
                for i in columns.indices {
                    var (text, width) = OutputRenderer.tableCellAndWidth(values[i])
                    let last = i == columns.count - 1
                    if !last, width > widths[i] {
                        text = String(text.prefix(max(0, widths[i] - 1))) + "…"
                        width = widths[i]
                        cellsShortened += 1
                    }
                    out.append(contentsOf: text.utf8)
                    if !last { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[i] - width + 2)) }
                }
                out.append(0x0A)
                rowsWritten += 1
            }
        case .text:
            for row in rows {
                if rowsWritten > 0 { out.append(contentsOf: OutputRenderer.textSeparator.utf8) }
                out.append(contentsOf: OutputRenderer.textRow(row, keys: renderer.filter).utf8)
                rowsWritten += 1
            }
        }
        write(out)
    }

    /// Ends the output after the last page; returns what stderr should say about it (keys left out, cells cut).
    func finish() -> [String] {
        guard started else {
            // No rows at all: what the whole-answer renderer writes for the same answer.
            var content = JSONObject()
            if count != 0 { content["count"] = .int(Int64(count)) }
            write(Array(renderer.render(content).utf8))
            return []
        }
        if renderer.format == .json { write(Array("\n  ]\n}\n".utf8)) }
        var notes: [String] = []
        if !lateKeys.isEmpty {
            let shown = lateKeys.prefix(12).joined(separator: ", ") + (lateKeys.count > 12 ? ", …" : "")
            notes.append("\(lateKeys.count) field\(lateKeys.count == 1 ? "" : "s") appeared only after the first page and \(lateKeys.count == 1 ? "is" : "are") not in the \(renderer.format.rawValue): \(shown). "
                + "Name the columns with --filter to include \(lateKeys.count == 1 ? "it" : "them").")
        }
        if cellsShortened > 0 {
            notes.append("\(cellsShortened) cell\(cellsShortened == 1 ? " was" : "s were") wider than the first page's column and shortened with …; "
                + "-o csv or -o json keep every character.")
        }
        return notes
    }

    private func open(_ rows: [JSONObject], into out: inout [UInt8]) {
        switch renderer.format {
        case .json:
            out.append(contentsOf: "{".utf8)
            if count != 0 { out.append(contentsOf: "\n  \"count\": \(count),".utf8) }
            out.append(contentsOf: "\n  ".utf8)
            JSONSerializer.writeString(itemKey ?? "", into: &out)
            out.append(contentsOf: ": [".utf8)
        case .csv:
            columns = renderer.columns(rows, includeNested: true)
            columnIndex = Dictionary(grouping: columns.indices, by: { columns[$0] })
            out.append(contentsOf: (columns.map(OutputRenderer.csvField).joined(separator: ",") + "\n").utf8)
        case .table:
            columns = renderer.columns(rows, includeNested: false)
            columnIndex = Dictionary(grouping: columns.indices, by: { columns[$0] })
            let headers = columns.map { TerminalSafe.visible($0) }
            widths = headers.map(\.count)
            for row in rows {
                for (i, key) in columns.enumerated() { widths[i] = max(widths[i], OutputRenderer.tableCellAndWidth(row[key]).1) }
            }
            out.append(contentsOf: OutputRenderer.tableLine(headers, widths).utf8)
            out.append(contentsOf: OutputRenderer.tableLine(widths.map { String(repeating: "-", count: $0) }, widths).utf8)
        case .text:
            break
        }
    }

    /// The row's values in column order. Rows of one answer come in a few key orders (a VM with an ISO or a group
    /// has a key or two more), so the mapping from a member's position to its columns is kept for the last 16 orders
    /// seen and reused; a row in a new order is mapped by name (and its keys outside the columns noted).
    private func slots(_ row: JSONObject) -> [JSONValue?] {
        let map: [[Int]]
        if let known = layouts.firstIndex(where: { sameLayout(row, $0.keys) }) {
            map = layouts[known].columns
        } else {
            let keys = row.keys
            map = keys.map { columnIndex[$0] ?? [] }
            if layouts.count == 16 { layouts.removeFirst() }
            layouts.append((keys, map))
            noteLateKeys(row, skippingNested: renderer.format == .table)
        }
        var values = [JSONValue?](repeating: nil, count: columns.count)
        for (m, member) in row.members.enumerated() {
            for i in map[m] where values[i] == nil { values[i] = member.value }
        }
        return values
    }

    private func sameLayout(_ row: JSONObject, _ keys: [String]) -> Bool {
        guard row.members.count == keys.count else { return false }
        for (m, member) in row.members.enumerated() where member.key != keys[m] { return false }
        return true
    }

    private func noteLateKeys(_ row: JSONObject, skippingNested: Bool = false) {
        guard renderer.filter == nil else { return }
        for (key, value) in row where columnIndex[key] == nil && !lateKeySet.contains(key) {
            if skippingNested, value.isContainer { continue }
            lateKeySet.insert(key)
            lateKeys.append(key)
        }
    }
}
