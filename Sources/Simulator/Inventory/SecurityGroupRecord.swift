/// A security group with its ingress and egress rules.
struct SecurityGroupRecord: Codable, Sendable {
    var id: String
    var name: String
    var description: String?
    var accountID: String
    var ingress: [SecurityGroupRuleRecord]
    var egress: [SecurityGroupRuleRecord]
    var created: Int64
}

/// One rule of a security group (SecurityGroupRuleVO).
struct SecurityGroupRuleRecord: Codable, Sendable {
    var id: String
    var `protocol`: String
    var startPort: Int?
    var endPort: Int?
    var cidr: String?
    var icmpType: Int?
    var icmpCode: Int?
}
