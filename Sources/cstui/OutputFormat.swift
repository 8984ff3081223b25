import ArgumentParser
import CloudStack

/// How `cstui call` prints a response, after cloudmonkey's output formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, table, csv, text
}

/// Prints response objects as JSON, an aligned table, CSV or `key = value` text.
///
/// Server text is shown, never obeyed: every key and value passes through TerminalSafe (JSON escapes the same
/// characters as `\uXXXX`, so it still decodes to the server's string). Table cells are measured after escaping.
struct OutputRenderer {
    var format: OutputFormat
    /// Only these keys of each row, in this order (`--filter id,name,state`).
    var filter: [String]?

    func render(_ content: JSONObject) -> String {
        switch format {
        case .json: return JSONSerializer.string(.object(filtered(content)), pretty: true) + "\n"
        case .table: return table(Self.rows(of: content))
        case .csv: return csv(Self.rows(of: content))
        case .text: return text(Self.rows(of: content))
        }
    }

    /// The rows a response holds: the items of its list, its one entity, or the object itself.
    static func rows(of content: JSONObject) -> [JSONObject] {
        for (_, value) in content {
            if case .array(let items) = value {
                let objects = items.compactMap(\.objectValue)
                if objects.count == items.count { return objects }
            }
        }
        let nested = content.members.filter { $0.key != "count" }
        if nested.count == 1, case .object(let entity) = nested[0].value { return [entity] }
        return content.isEmpty ? [] : [content]
    }

    /// Only the `--filter` keys of one row, in the filter's order.
    static func pick(_ o: JSONObject, _ keys: [String]) -> JSONObject { JSONObject(keys.compactMap { k in o[k].map { (k, $0) } }) }

    private func filtered(_ content: JSONObject) -> JSONObject {
        guard let keys = filter else { return content }
        func pick(_ o: JSONObject) -> JSONObject { Self.pick(o, keys) }
        var out = JSONObject()
        for (key, value) in content {
            switch value {
            case .array(let items) where items.allSatisfy({ $0.objectValue != nil }):
                out[key] = .array(items.compactMap(\.objectValue).map { .object(pick($0)) })
            case .object(let o) where content.members.filter({ $0.key != "count" }).count == 1:
                out[key] = .object(pick(o))
            default:
                out[key] = value
            }
        }
        return out
    }

    /// Columns in first-seen order; nested arrays and objects are left out of tables unless asked for by name.
    func columns(_ rows: [JSONObject], includeNested: Bool) -> [String] {
        if let keys = filter { return keys }
        var seen = Set<String>()
        var order: [String] = []
        for row in rows {
            for (key, value) in row where !seen.contains(key) {
                if !includeNested, value.isContainer { continue }
                seen.insert(key)
                order.append(key)
            }
        }
        return order
    }

    static func cell(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .array, .object: return JSONSerializer.string(value)
        default: return value.text ?? JSONSerializer.string(value)
        }
    }

    private func table(_ rows: [JSONObject]) -> String {
        let cols = columns(rows, includeNested: false)
        guard !cols.isEmpty else { return rows.isEmpty ? "(no rows)\n" : "" }
        let cells = rows.map { row in cols.map { Self.tableCell(row[$0]) } }
        let headers = cols.map { TerminalSafe.visible($0) }
        var widths = headers.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = Self.tableLine(headers, widths)
        out += Self.tableLine(widths.map { String(repeating: "-", count: $0) }, widths)
        for r in cells { out += Self.tableLine(r, widths) }
        return out
    }

    /// A value as a table cell: on one line, terminal-safe.
    static func tableCell(_ value: JSONValue?) -> String {
        TerminalSafe.visible(cell(value).replacingOccurrences(of: "\n", with: " "))
    }

    /// One table line: every column but the last padded to its width, two spaces between.
    static func tableLine(_ values: [String], _ widths: [Int]) -> String {
        values.enumerated().map { i, v in i == values.count - 1 ? v : v + String(repeating: " ", count: max(0, widths[i] - v.count)) }
            .joined(separator: "  ") + "\n"
    }

    /// One value as a CSV field appended as bytes, as `csvField(cell(value))` writes it, without building
    /// intermediate strings (a streamed listing writes millions of them). `scratch` is reused for nested values.
    static func appendCSV(_ value: JSONValue?, to out: inout [UInt8], scratch: inout [UInt8]) {
        switch value {
        case .none, .some(.null): return
        case .some(.string(let s)):
            var text = s
            if text.withUTF8({ appendCSVBytes($0, to: &out) }) { return }
            appendSlowCSV(s, to: &out)
        case .some(.int(let n)):
            out.append(contentsOf: String(n).utf8)
        case .some(let v) where v.isContainer:
            scratch.removeAll(keepingCapacity: true)
            JSONSerializer.write(v, into: &scratch, pretty: false, indent: 0)
            if scratch.withUnsafeBufferPointer({ appendCSVBytes($0, to: &out) }) { return }
            appendSlowCSV(cell(v), to: &out)
        case .some(let v):
            appendSlowCSV(cell(v), to: &out)
        }
    }

    /// Printable ASCII as a CSV field (quoted when it holds a comma or a quote); false, with nothing written, for
    /// anything else, which takes the slow path.
    private static func appendCSVBytes(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        var quote = false
        for b in bytes {
            if b < 0x20 || b >= 0x7F { return false }
            if b == 0x2C || b == 0x22 { quote = true }
        }
        guard quote else {
            out.append(contentsOf: bytes)
            return true
        }
        out.append(0x22)
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x22 {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...i]))
            out.append(0x22)
            start = i + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        out.append(0x22)
        return true
    }

    private static func appendSlowCSV(_ raw: String, to out: inout [UInt8]) {
        out.append(contentsOf: csvField(raw).utf8)
    }

    /// A value as a table cell and its width in columns (characters, as the whole-answer table counts them).
    static func tableCellAndWidth(_ value: JSONValue?) -> (String, Int) {
        if case .string(let s)? = value {
            var probe = s
            // Printable ASCII needs no change, and its width is its length.
            if probe.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }) { return (s, s.utf8.count) }
        }
        let text = tableCell(value)
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        return (text, ascii ? text.utf8.count : text.count)
    }

    /// One CSV field: newlines and tabs inside a quoted field are CSV; every other control is shown escaped.
    static func csvField(_ raw: String) -> String {
        let s = TerminalSafe.visible(raw, keep: [.newline, .tab])
        return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// One row as `key = value` lines.
    static func textRow(_ row: JSONObject, keys: [String]?) -> String {
        var out = ""
        // One line per key: a newline in a value is shown as \n, so it cannot forge a line of its own.
        for key in keys ?? row.keys { if let v = row[key] { out += "\(TerminalSafe.visible(key)) = \(TerminalSafe.visible(Self.cell(v), keep: .tab))\n" } }
        return out
    }

    private func csv(_ rows: [JSONObject]) -> String {
        let cols = columns(rows, includeNested: true)
        var out = cols.map(Self.csvField).joined(separator: ",") + "\n"
        for row in rows { out += cols.map { Self.csvField(Self.cell(row[$0])) }.joined(separator: ",") + "\n" }
        return out
    }

    static let textSeparator = String(repeating: "=", count: 60) + "\n"

    private func text(_ rows: [JSONObject]) -> String {
        var out = ""
        for (i, row) in rows.enumerated() {
            if i > 0 { out += Self.textSeparator }
            out += Self.textRow(row, keys: filter)
        }
        return out
    }
}
