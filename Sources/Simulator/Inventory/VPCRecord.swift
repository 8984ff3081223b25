/// A VPC (VpcVO).
struct VPCRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    var zoneID: String
    var accountID: String
    var offeringID: String
    var cidr: String
    /// Enabled or Inactive (Vpc.State).
    var state: String
    var redundantRouter: Bool
    var restartRequired: Bool
    var networkDomain: String
    var created: Int64
}
