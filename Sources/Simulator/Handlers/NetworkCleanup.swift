/// What a network-area object belongs to: a guest network or a VPC.
enum NetworkScope: Sendable {
    case network(String), vpc(String)

    func matches(networkID: String?, vpcID: String?) -> Bool {
        switch self {
        case .network(let id): return networkID == id
        case .vpc(let id): return vpcID == id
        }
    }
}

/// What goes when a network or VPC is deleted: its routers, the rules and load balancers on its addresses, and the
/// addresses themselves, which return to the zone's free pool (IpAddressManager.disassociatePublicIpAddress).
enum NetworkCleanup {
    static func releaseEverything(of scope: NetworkScope, _ s: inout SimState) {
        s.inventory.net.routers.removeAll { scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }
        let ips = Set(s.inventory.net.publicIPs.filter { scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }.map(\.id))
        s.inventory.net.rules.removeAll { rule in
            if case .network(let id) = scope, rule.networkID == id { return true }
            return rule.ipAddressID.map(ips.contains) ?? false
        }
        s.inventory.net.loadBalancers.removeAll { lb in
            if case .network(let id) = scope, lb.networkID == id { return true }
            return ips.contains(lb.ipAddressID)
        }
        for k in s.inventory.net.publicIPs.indices where ips.contains(s.inventory.net.publicIPs[k].id) { release(&s.inventory.net.publicIPs[k]) }
    }

    /// An address back in the free pool: no account, network, NAT or allocation date.
    static func release(_ ip: inout PublicIPRecord) {
        ip.state = "Free"
        ip.accountID = nil
        ip.networkID = nil
        ip.vpcID = nil
        ip.isSourceNat = false
        ip.staticNatVMID = nil
        ip.staticNatVMIP = nil
        ip.allocated = nil
    }

    /// Rules and load balancers on one address, which go with it when it is released.
    static func removeRules(onIP id: String, _ s: inout SimState) {
        s.inventory.net.rules.removeAll { $0.ipAddressID == id }
        s.inventory.net.loadBalancers.removeAll { $0.ipAddressID == id }
    }
}
