/// The kinds of firewall rule CloudStack keeps in one table (FirewallRule.Purpose and TrafficType).
enum NetworkRuleKind: String, Codable, Sendable {
    case portForwarding, firewall, egressFirewall, staticNat
}

/// A rule on a public IP or a network: port forwarding, ingress firewall, egress firewall, or a static NAT rule.
struct NetworkRuleRecord: Codable, Sendable {
    var id: String
    var kind: NetworkRuleKind
    var ipAddressID: String?
    var networkID: String
    var accountID: String
    /// tcp, udp, icmp or all.
    var `protocol`: String
    var startPort: Int?
    var endPort: Int?
    var privatePort: Int?
    var privateEndPort: Int?
    var vmID: String?
    var vmGuestIP: String?
    var cidrList: [String]
    var destCidrList: [String]
    var icmpType: Int?
    var icmpCode: Int?
    /// Add while the job programs it, Active, Revoke while the job removes it (FirewallRule.State).
    var state: String
    var created: Int64
}
