/// The URL checks of registerTemplate and registerIso (UriUtils.validateUrl): an http(s) or file scheme, a host that
/// is not local, and a path ending as the format's files do.
enum TemplateURL {
    static let compressions = ["", ".zip", ".bz2", ".gz"]
    /// UriUtils.SUPPORTED_EXTENSIONS_BY_FORMAT.
    static let extensions: [String: (names: [String], metalink: Bool)] = [
        "vhd": (["vhd"], false), "vhdx": (["vhdx"], false), "qcow2": (["qcow2", "img"], true), "ova": (["ova"], true),
        "tar": (["tar"], false), "raw": (["img", "raw"], false), "vmdk": (["vmdk"], false), "iso": (["iso"], true),
    ]

    static func suffixes(_ format: String) -> [String] {
        guard let e = extensions[format] else { return [] }
        return e.names.flatMap { name in compressions.map { "." + name + $0 } } + (e.metalink ? [".metalink"] : [])
    }

    /// The server's text for a URL it refuses, or nil.
    static func problem(_ url: String, format: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return "Unsupported scheme for url: \(url)" }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard ["http", "https", "file"].contains(scheme) else { return "Unsupported scheme for url: \(url)" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { String($0.split(separator: ":").first ?? "") }?.lowercased() ?? ""
        if host == "localhost" || host.hasPrefix("127.") || host == "0.0.0.0" || host.hasPrefix("169.254.") || host.hasPrefix("224.") {
            return "Illegal host specified in url"
        }
        let path = String(rest.dropFirst(authority.count).prefix { $0 != "?" && $0 != "#" }).lowercased()
        let wanted = format.lowercased()
        guard extensions[wanted] != nil else { return nil }
        if suffixes(wanted).contains(where: { path.hasSuffix($0) }) { return nil }
        if !extensions.keys.contains(where: { f in suffixes(f).contains { path.hasSuffix($0) } }) { return "Please specify a valid \(wanted)" }
        return "Please specify a valid URL. URL:\(path) is an invalid for the format \(wanted)"
    }
}
