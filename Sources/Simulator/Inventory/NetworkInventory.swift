/// The network area's records: offerings, guest networks, VPCs, virtual routers, public IPs, rules on them,
/// load balancers and security groups. Sized by the number of networks, never by the number of VMs.
struct NetworkInventory: Codable, Sendable {
    var networkOfferings: [NetworkOfferingRecord] = []
    var vpcOfferings: [VPCOfferingRecord] = []
    /// Every guest network the area knows: the core seeded ones (same ids as `Inventory.networks`), VPC tiers and
    /// networks created through the API. The core records stay as they are, for the VMs' NICs.
    var guestNetworks: [GuestNetworkRecord] = []
    var vpcs: [VPCRecord] = []
    var routers: [RouterRecord] = []
    var publicIPs: [PublicIPRecord] = []
    /// Port forwarding, firewall (ingress on an IP), egress firewall and static NAT rules.
    var rules: [NetworkRuleRecord] = []
    var loadBalancers: [LoadBalancerRecord] = []
    var securityGroups: [SecurityGroupRecord] = []
    /// The number in the next router's `r-N-VM` name.
    var nextRouterNumber = 1

    init() {}

    func offering(_ id: String?) -> NetworkOfferingRecord? { networkOfferings.first { $0.id == id } }
    func vpcOffering(_ id: String?) -> VPCOfferingRecord? { vpcOfferings.first { $0.id == id } }
    func networkPosition(_ id: String) -> Int? { guestNetworks.firstIndex { $0.id == id } }
    func network(_ id: String?) -> GuestNetworkRecord? { guestNetworks.first { $0.id == id } }
    func vpcPosition(_ id: String) -> Int? { vpcs.firstIndex { $0.id == id } }
    func vpc(_ id: String?) -> VPCRecord? { vpcs.first { $0.id == id } }
    func routerPosition(_ id: String) -> Int? { routers.firstIndex { $0.id == id } }
    func ipPosition(_ id: String) -> Int? { publicIPs.firstIndex { $0.id == id } }
    func ip(_ id: String?) -> PublicIPRecord? { publicIPs.first { $0.id == id } }
    func rulePosition(_ id: String) -> Int? { rules.firstIndex { $0.id == id } }
    func loadBalancerPosition(_ id: String) -> Int? { loadBalancers.firstIndex { $0.id == id } }
    func securityGroupPosition(_ id: String) -> Int? { securityGroups.firstIndex { $0.id == id } }
}
