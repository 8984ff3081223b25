/// A load balancer rule on a public IP (LoadBalancerVO), with the VMs it balances to.
struct LoadBalancerRecord: Codable, Sendable {
    var id: String
    var name: String
    var description: String?
    var ipAddressID: String
    var networkID: String
    var accountID: String
    var zoneID: String
    /// roundrobin, leastconn or source.
    var algorithm: String
    var privatePort: Int
    var publicPort: Int
    var `protocol`: String
    var cidrList: [String]
    var state: String
    var vmIDs: [String]
    var created: Int64
}
