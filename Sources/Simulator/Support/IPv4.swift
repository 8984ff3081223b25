/// Dotted-quad IPv4 arithmetic for the network area's checks (gateway and netmask to a CIDR, a CIDR inside another).
enum IPv4 {
    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, let octet = UInt32(part), octet <= 255 else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func format(_ v: UInt32) -> String { "\(v >> 24).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)" }

    /// "a.b.c.d/n" as its network address and prefix length; nil when it is not a CIDR.
    static func parseCIDR(_ text: String) -> (network: UInt32, bits: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = parse(String(parts[0])), let bits = Int(parts[1]), (0...32).contains(bits) else { return nil }
        return (address & mask(bits), bits)
    }

    static func mask(_ bits: Int) -> UInt32 { bits == 0 ? 0 : ~UInt32(0) << UInt32(32 - bits) }

    /// The CIDR of a gateway and netmask; nil unless the netmask is contiguous.
    static func cidr(gateway: String, netmask: String) -> String? {
        guard let g = parse(gateway), let m = parse(netmask) else { return nil }
        let bits = m.nonzeroBitCount
        guard mask(bits) == m, bits > 0, bits < 31 else { return nil }
        return "\(format(g & m))/\(bits)"
    }

    static func contains(outer: String, inner: String) -> Bool {
        guard let o = parseCIDR(outer), let i = parseCIDR(inner) else { return false }
        return i.bits >= o.bits && i.network & mask(o.bits) == o.network
    }

    /// The first host address of a CIDR (where CloudStack puts the gateway).
    static func firstHost(_ cidr: String) -> String {
        guard let c = parseCIDR(cidr) else { return cidr }
        return format(c.network + 1)
    }
}
