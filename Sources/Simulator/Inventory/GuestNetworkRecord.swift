/// A guest network as the network area keeps it: what listNetworks shows beyond the core `NetworkRecord`.
struct GuestNetworkRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    var zoneID: String
    var accountID: String
    var offeringID: String
    var vpcID: String?
    /// Allocated, Implemented, Setup (Network.State).
    var state: String
    /// Isolated, Shared or L2 (Network.GuestType).
    var type: String
    /// nil for L2 networks.
    var cidr: String?
    var gateway: String?
    var netmask: String?
    var vlan: Int
    var redundantRouter: Bool
    var restartRequired: Bool
    var networkDomain: String
    var created: Int64
}
