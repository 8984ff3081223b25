/// A network offering (NetworkOfferingVO): what a guest network built from it is and which services it has.
struct NetworkOfferingRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    /// Isolated, Shared or L2.
    var guestIPType: String
    var trafficType: String
    var forVPC: Bool
    var isDefault: Bool
    var specifyVLAN: Bool
    var specifyIPRanges: Bool
    /// Enabled or Disabled.
    var state: String
    /// Required or Optional.
    var availability: String
    var conserveMode: Bool
    var egressDefaultPolicy: Bool
    /// Service names (Dhcp, Dns, SourceNat, ...), each with its provider.
    var services: [OfferedService]
    var redundantRouter: Bool
    var created: Int64

    var hasSourceNat: Bool { services.contains { $0.name == "SourceNat" } }
}

/// One service of an offering and the provider that gives it.
struct OfferedService: Codable, Sendable {
    var name: String
    var provider: String
}
