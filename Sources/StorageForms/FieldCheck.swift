import CloudStack
import Foundation

/// Validation of one field's value; messages are short (drawn beside the field at 80 columns, ≤ 38 characters).
enum FieldCheck {
    static func message(_ f: FieldSpec, _ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return f.required ? "required" : nil }
        switch f.kind {
        case .bool:
            return t == "true" || t == "false" ? nil : "must be true or false"
        case .select:
            let picked = f.multiple ? t.split(separator: ",").map(String.init) : [t]
            if !f.options.isEmpty && !picked.allSatisfy({ p in f.options.contains { $0.value == p } }) { return "not one of the choices" }
            return nil
        case .number:
            return numberMessage(f, t)
        case .text, .secret:
            if f.target == .detail("*") { return pairsMessage(t) }
            if let fmt = f.format { return Formats.check(t, fmt) }
            return nil
        }
    }

    static func number(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    static func numberMessage(_ f: FieldSpec, _ t: String) -> String? {
        if f.transform == "bytes" {
            guard let bytes = ByteSize.parse(t) else { return ByteSize.expected }
            return rangeMessage(f, Double(bytes))
        }
        let s = f.transform == "commas" ? t.replacingOccurrences(of: ",", with: "") : t
        guard let d = Double(s), d.isFinite, !s.contains(where: { $0.isLetter }) else {
            return f.integer ? "must be a whole number" : "must be a number"
        }
        if f.integer && d.rounded() != d { return "must be a whole number" }
        return rangeMessage(f, d)
    }

    static func rangeMessage(_ f: FieldSpec, _ d: Double) -> String? {
        switch (f.min, f.max) {
        case let (lo?, hi?) where d < lo || d > hi: return "must be between \(number(lo)) and \(number(hi))"
        case let (lo?, nil) where d < lo: return "must be at least \(number(lo))"
        case let (nil, hi?) where d > hi: return "must be at most \(number(hi))"
        default: return nil
        }
    }

    /// "k=v, k2=v2": each non-empty item needs a key before "=".
    static func pairsMessage(_ t: String) -> String? {
        for item in t.split(separator: ",") {
            let pair = item.trimmingCharacters(in: .whitespaces)
            if pair.isEmpty { continue }
            guard let eq = pair.firstIndex(of: "="), !pair[..<eq].trimmingCharacters(in: .whitespaces).isEmpty else {
                let shown = pair.count > 20 ? String(pair.prefix(19)) + "…" : pair
                return "not key=value: '\(shown)'"
            }
        }
        return nil
    }

    /// The pairs of a valid free details value, in order.
    static func pairs(_ t: String) -> [(String, String)] {
        t.split(separator: ",").compactMap { item in
            let pair = item.trimmingCharacters(in: .whitespaces)
            guard let eq = pair.firstIndex(of: "=") else { return nil }
            let k = pair[..<eq].trimmingCharacters(in: .whitespaces)
            return k.isEmpty ? nil : (k, pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces))
        }
    }
}
