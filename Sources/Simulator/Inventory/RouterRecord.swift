/// A virtual router (DomainRouterVO) serving an isolated network or a VPC.
struct RouterRecord: Codable, Sendable {
    var id: String
    var name: String
    var state: VMState
    var hostID: String?
    var lastHostID: String
    var podID: String
    var zoneID: String
    /// The guest network it serves (nil for a VPC router, which serves every tier).
    var networkID: String?
    var vpcID: String?
    var accountID: String
    var publicIP: String
    var guestIP: String?
    var linkLocalIP: String
    var isRedundant: Bool
    /// PRIMARY, BACKUP or UNKNOWN (VirtualRouter.RedundantState); UNKNOWN when not redundant.
    var redundantState: String
    /// The systemvm template version the router runs; older than `RouterRecord.currentVersion` means it needs an upgrade.
    var version: String
    var created: Int64

    /// The management server's version, which routers are compared with (`requiresupgrade`).
    static let currentVersion = "4.20.0"
}
