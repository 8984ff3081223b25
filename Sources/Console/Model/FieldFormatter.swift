import CloudStack
import Foundation
import PluginKit

/// Turns a row's fields into the short text a cell shows.
enum FieldFormatter {
    /// The cell text of `field` for `row`. `width` is the column's width: formats that can shorten
    /// themselves (capacity) do so to fit; others are cut by the table.
    static func text(_ field: ListField, row: JSONObject, width: Int = .max) -> String {
        switch field.format {
        case .capacity:
            return capacity(row, width: width)
        case .tree:
            // Depth is capped so a hostile level cannot push the name off the screen.
            let depth = Int(min(12, max(0, row[field.other ?? "level"]?.intValue ?? 0)))
            let name = text(row[field.key], format: .text)
            return depth == 0 ? name : String(repeating: "  ", count: depth - 1) + "└ " + name
        case .changed:
            let value = row[field.key].map(plain), other = row[field.other ?? "defaultvalue"].map(plain)
            return value != nil && other != nil && value != other ? "changed" : ""
        default:
            return text(row[field.key], format: field.format)
        }
    }

    /// One value in a format that needs no other field (everything but `capacity`).
    static func text(_ value: JSONValue?, format: FieldFormat) -> String {
        guard let value, value != .null else { return "" }
        switch format {
        case .text, .state, .capacity, .tree, .changed:
            return plain(value)
        case .bool:
            return value.boolValue.map { $0 ? "yes" : "no" } ?? plain(value)
        case .bytes:
            return value.doubleValue.map(bytes) ?? plain(value)
        case .megabytes:
            return value.doubleValue.map { bytes($0 * 1024 * 1024) } ?? plain(value)
        case .date:
            return date(plain(value))
        }
    }

    /// The fields a capacity cell reads.
    static let capacityKeys = ["disksizeused", "disksizeallocated", "disksizetotal"]

    /// Used, allocated (nil when the row has none) and total bytes; nil without a positive total.
    static func capacityNumbers(_ row: JSONObject) -> (used: Double, allocated: Double?, total: Double)? {
        guard let total = row["disksizetotal"]?.doubleValue, total > 0, total.isFinite else { return nil }
        return (row["disksizeused"]?.doubleValue ?? 0, row["disksizeallocated"]?.doubleValue, total)
    }

    /// The used share of the total, for sorting; nil when the row has no total.
    static func usedRatio(_ row: JSONObject) -> Double? {
        capacityNumbers(row).map { $0.used / $0.total }
    }

    /// `██▒▒░░░░ 31%/52% 7.3T`: an 8-cell bar (█ used, ▒ allocated beyond used, ░ free), used%/allocated%,
    /// and the total. Without an allocated figure: `██░░░░░░ 31% 7.3T`. Narrower columns drop the bar,
    /// then the total.
    static func capacity(_ row: JSONObject, width: Int = .max) -> String {
        // A figure that is not a number (a server sent "nan") is shown as it came, not as 0%.
        for key in capacityKeys {
            if let v = row[key], v != .null, v.doubleValue == nil, let text = v.text { return "\(key.dropFirst(8)) \(text)" }
        }
        guard let n = capacityNumbers(row) else {
            return row["disksizeused"]?.doubleValue.map(shortBytes) ?? ""
        }
        let cells = 8
        func share(_ v: Double) -> Double {
            let r = v / n.total
            return r.isFinite ? min(1, max(0, r)) : 0
        }
        let usedCells = Int((share(n.used) * Double(cells)).rounded())
        let allocCells = n.allocated.map { max(usedCells, Int((share($0) * Double(cells)).rounded())) } ?? usedCells
        let bar = String(repeating: "█", count: usedCells) + String(repeating: "▒", count: allocCells - usedCells)
            + String(repeating: "░", count: cells - allocCells)
        func percent(_ v: Double) -> String { NumberText.percent(v / n.total * 100) }
        let percents = percent(n.used) + (n.allocated.map { "/" + percent($0) } ?? "")
        let total = shortBytes(n.total)
        for candidate in ["\(bar) \(percents) \(total)", "\(percents) \(total)", percents] where candidate.count <= width {
            return candidate
        }
        return percents
    }

    /// Short units for narrow cells: 512B, 1.5K, 7.3T, 12T (binary multiples).
    static func shortBytes(_ n: Double) -> String {
        guard n.isFinite else { return String(n) }
        let units = ["B", "K", "M", "G", "T", "P", "E"]
        var v = n
        var i = 0
        while abs(v) >= 1024, i < units.count - 1 {
            v /= 1024
            i += 1
        }
        if i == 0 { return "\(Int(v))B" }
        let text = v < 9.95 ? String(format: "%.1f", v) : String(format: "%.0f", v)
        return text + units[i]
    }

    /// Scalars as text; lists of objects by their names; other containers compact.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .array(let items):
            let names = items.compactMap { $0["name"]?.text ?? $0["ipaddress"]?.text ?? $0.text }
            return names.isEmpty ? (items.isEmpty ? "" : "[\(items.count)]") : names.joined(separator: ",")
        case .object: return JSONSerializer.string(value)
        default: return value.text ?? JSONSerializer.string(value)
        }
    }

    static func bytes(_ n: Double) -> String {
        guard n.isFinite else { return String(n) }
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var v = n
        var i = 0
        while abs(v) >= 1024, i < units.count - 1 {
            v /= 1024
            i += 1
        }
        return i == 0 ? "\(Int(v)) B" : String(format: v >= 100 ? "%.0f %@" : "%.1f %@", v, units[i])
    }

    /// `2026-11-26T10:03:57+0000` → `2026-11-26 10:03`.
    static func date(_ s: String) -> String {
        guard s.count >= 16, s.dropFirst(10).first == "T" else { return s }
        return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(5))
    }
}
