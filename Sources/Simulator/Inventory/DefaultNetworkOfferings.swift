/// The network and VPC offerings a fresh CloudStack installs (ConfigurationServerImpl.createDefaultNetworkOfferings),
/// with their real names and display texts, plus one operator-made redundant-router offering.
enum DefaultNetworkOfferings {
    static let isolatedWithSourceNat = "DefaultIsolatedNetworkOfferingWithSourceNatService"
    static let isolated = "DefaultIsolatedNetworkOffering"
    static let shared = "DefaultSharedNetworkOffering"
    static let sharedWithSG = "DefaultSharedNetworkOfferingWithSGService"
    static let l2 = "DefaultL2NetworkOffering"
    static let vpcTier = "DefaultIsolatedNetworkOfferingForVpcNetworks"
    static let vpcTierNoLB = "DefaultIsolatedNetworkOfferingForVpcNetworksNoLB"
    static let redundantIsolated = "RedundantIsolatedNetworkOfferingWithSourceNatService"
    static let defaultVPC = "Default VPC offering"
    static let redundantVPC = "Redundant VPC offering"

    private static func services(_ names: [String], _ provider: String) -> [OfferedService] {
        names.map { OfferedService(name: $0, provider: $0 == "SecurityGroup" ? "SecurityGroupProvider" : provider) }
    }

    private static let isolatedServices = ["Vpn", "Dhcp", "Dns", "Firewall", "Lb", "UserData", "SourceNat", "StaticNat", "PortForwarding", "Gateway"]
    private static let vpcServices = ["Vpn", "Dhcp", "Dns", "Lb", "UserData", "SourceNat", "StaticNat", "PortForwarding", "NetworkACL", "Gateway"]

    static func networkOfferings(_ g: inout SplitMix64, created: Int64) -> [NetworkOfferingRecord] {
        // (name, display text, guest type, for VPC, default, specify VLAN, specify IP ranges, availability, services, provider, redundant)
        let specs: [(String, String, String, Bool, Bool, Bool, Bool, String, [String], String, Bool)] = [
            (isolatedWithSourceNat, "Offering for Isolated networks with Source Nat service enabled", "Isolated", false, true, false, false, "Required",
             isolatedServices, "VirtualRouter", false),
            (isolated, "Offering for Isolated networks with no Source Nat service", "Isolated", false, true, false, true, "Optional",
             ["Dhcp", "Dns", "UserData"], "VirtualRouter", false),
            (shared, "Offering for Shared networks", "Shared", false, true, true, true, "Optional", ["Dhcp", "Dns", "UserData"], "VirtualRouter", false),
            (sharedWithSG, "Offering for Shared Security group enabled networks", "Shared", false, true, true, true, "Optional",
             ["Dhcp", "Dns", "UserData", "SecurityGroup"], "VirtualRouter", false),
            (l2, "Offering for L2 networks", "L2", false, true, false, false, "Optional", [], "VirtualRouter", false),
            (vpcTier, "Offering for Isolated VPC networks with Source Nat service enabled", "Isolated", true, true, false, false, "Optional",
             vpcServices, "VpcVirtualRouter", false),
            (vpcTierNoLB, "Offering for Isolated VPC networks with Source Nat service enabled and LB service disabled", "Isolated", true, true, false, false,
             "Optional", vpcServices.filter { $0 != "Lb" }, "VpcVirtualRouter", false),
            (redundantIsolated, "Isolated networks with a redundant pair of virtual routers", "Isolated", false, false, false, false, "Optional",
             isolatedServices, "VirtualRouter", true),
        ]
        return specs.map { s in
            NetworkOfferingRecord(id: g.uuid(), name: s.0, displayText: s.1, guestIPType: s.2, trafficType: "Guest", forVPC: s.3, isDefault: s.4,
                                  specifyVLAN: s.5, specifyIPRanges: s.6, state: "Enabled", availability: s.7, conserveMode: s.2 != "L2",
                                  egressDefaultPolicy: false, services: services(s.8, s.9), redundantRouter: s.10, created: created)
        }
    }

    static func vpcOfferings(_ g: inout SplitMix64, created: Int64) -> [VPCOfferingRecord] {
        [(defaultVPC, false), (redundantVPC, true)].map { name, redundant in
            VPCOfferingRecord(id: g.uuid(), name: name, displayText: name, state: "Enabled", isDefault: !redundant, redundantRouter: redundant,
                              services: services(vpcServices, "VpcVirtualRouter"), created: created)
        }
    }
}
