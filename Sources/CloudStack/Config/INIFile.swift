/// cloudmonkey's config format (go-ini): `key = value` lines, the core keys first with no section header,
/// then one `[section]` per server profile. `#` and `;` start comments.
public struct INIFile: Sendable, Equatable {
    /// Keys before the first section header (go-ini's DEFAULT section), plus any `[DEFAULT]`/`[core]` section.
    public var core: [String: String] = [:]
    /// Profiles in file order.
    public var sections: [(name: String, values: [String: String])] = []

    public static func == (a: INIFile, b: INIFile) -> Bool {
        a.core == b.core && a.sections.map(\.name) == b.sections.map(\.name) && zip(a.sections, b.sections).allSatisfy { $0.values == $1.values }
    }

    public func section(_ name: String) -> [String: String]? {
        sections.first { $0.name == name }?.values
    }

    /// Parses `text`; a line that is neither a header, a comment nor `key = value` is an error naming its line.
    public static func parse(_ text: String, path: String) throws -> INIFile {
        var ini = INIFile()
        var current: Int? = nil
        // go-ini skips a leading byte-order mark and ends lines at LF, CRLF included. In Swift "\r\n" is one
        // Character, so splitting on "\n" alone would read a CRLF file as one line.
        let scalars = text.unicodeScalars
        let body = scalars.first == "\u{FEFF}" ? String(String.UnicodeScalarView(scalars.dropFirst())) : text
        for (n, rawLine) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw CloudStackError.configuration("\(path):\(n + 1): a section header must look like [name]")
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                if name == "DEFAULT" || name == "core" {
                    current = nil
                } else if let i = ini.sections.firstIndex(where: { $0.name == name }) {
                    current = i
                } else {
                    ini.sections.append((name, [:]))
                    current = ini.sections.count - 1
                }
                continue
            }
            guard let eq = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw CloudStackError.configuration("\(path):\(n + 1): expected 'key = value'")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, (value.hasPrefix("\"") && value.hasSuffix("\"")) || (value.hasPrefix("`") && value.hasSuffix("`")) {
                value = String(value.dropFirst().dropLast())
            }
            guard !key.isEmpty else { throw CloudStackError.configuration("\(path):\(n + 1): empty key") }
            if let i = current { ini.sections[i].values[key] = value } else { ini.core[key] = value }
        }
        return ini
    }
}
