/// A VPC offering (VpcOfferingVO).
struct VPCOfferingRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    var state: String
    var isDefault: Bool
    var redundantRouter: Bool
    var services: [OfferedService]
    var created: Int64
}
