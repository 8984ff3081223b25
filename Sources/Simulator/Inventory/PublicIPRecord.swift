/// A public IP address (IPAddressVO): free in the zone's public range, or allocated to an account and a network or VPC.
struct PublicIPRecord: Codable, Sendable {
    var id: String
    var address: String
    var zoneID: String
    /// Free, Allocating, Allocated, Releasing (IpAddress.State).
    var state: String
    var accountID: String?
    /// The guest network it is associated with (`associatednetworkid`).
    var networkID: String?
    var vpcID: String?
    var isSourceNat: Bool
    /// The VM it is one-to-one NATed to (static NAT).
    var staticNatVMID: String?
    var staticNatVMIP: String?
    var allocated: Int64?
    var vlanID: String
}

extension PublicIPRecord {
    /// The public VLAN range of a zone, one per zone (an id that stays the same across runs).
    static func vlanID(zoneIndex: Int) -> String { "5eed0000-0000-4000-8000-\(String(repeating: "0", count: 11))\(zoneIndex + 1)" }
}
