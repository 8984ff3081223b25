import CloudStack
import Foundation
import PluginKit

/// Turns field values into the short text a cell shows.
enum FieldFormatter {
    static func text(_ value: JSONValue?, format: FieldFormat) -> String {
        guard let value, value != .null else { return "" }
        switch format {
        case .text, .state:
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
