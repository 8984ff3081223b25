import CloudStack

/// listPublicIpAddresses, associateIpAddress and disassociateIpAddress (async), enableStaticNat (sync), disableStaticNat (async).
enum PublicIPHandlers {
    static let fields = ["id", "ipaddress", "state", "allocated", "zoneid", "zonename", "issourcenat", "isstaticnat", "virtualmachineid",
                         "virtualmachinename", "virtualmachinedisplayname", "vmipaddress", "associatednetworkid", "associatednetworkname", "networkid",
                         "vpcid", "vpcname", "account", "domainid", "domain", "forvirtualnetwork", "vlanid", "vlanname", "issystem", "hasrules"]

    /// The zone's public physical network (the `networkid` of its public addresses): an id derived from the zone's.
    static func physicalNetworkID(zoneID: String) -> String {
        var g = SplitMix64(seed: stableHash("public-" + zoneID))
        return g.uuid()
    }

    /// The gateway of a zone's public range (198.18.<16z>.1).
    static func publicGateway(zoneIndex: Int) -> String { "198.18.\(zoneIndex * 16).1" }

    static func object(_ ip: PublicIPRecord, _ s: SimState) -> JSONObject {
        let inv = s.inventory
        var b = ObjectBuilder(capacity: 30)
        b.add("id", ip.id)
        b.add("ipaddress", ip.address)
        if let allocated = ip.allocated { b.date("allocated", allocated) }
        b.add("zoneid", ip.zoneID)
        b.add("zonename", inv.zone(ip.zoneID)?.name)
        b.add("issourcenat", ip.isSourceNat)
        if ip.accountID != nil { NetworkAccess.addOwner(&b, ip.accountID, inv) }
        b.add("forvirtualnetwork", true)
        b.add("vlanid", ip.vlanID)
        b.add("vlanname", "vlan://untagged")
        b.add("isstaticnat", ip.staticNatVMID != nil)
        b.add("issystem", false)
        if let vmID = ip.staticNatVMID, let k = inv.vmPosition(vmID) {
            b.add("virtualmachineid", vmID)
            b.add("virtualmachinename", inv.vms[k].name)
            b.add("virtualmachinedisplayname", inv.vms[k].displayName)
            b.add("virtualmachinetype", "UserVm")
            b.add("vmipaddress", ip.staticNatVMIP)
        }
        if let networkID = ip.networkID {
            b.add("associatednetworkid", networkID)
            b.add("associatednetworkname", inv.net.network(networkID)?.name ?? inv.network(networkID)?.name)
        }
        b.add("networkid", physicalNetworkID(zoneID: ip.zoneID))
        b.add("state", ip.state)
        b.add("physicalnetworkid", physicalNetworkID(zoneID: ip.zoneID))
        if let vpcID = ip.vpcID {
            b.add("vpcid", vpcID)
            b.add("vpcname", inv.net.vpc(vpcID)?.name)
        }
        b.add("tags", .array([]))
        b.add("isportable", false)
        b.add("fordisplay", true)
        b.add("hasrules", inv.net.rules.contains { $0.ipAddressID == ip.id } || inv.net.loadBalancers.contains { $0.ipAddressID == ip.id })
        b.add("hasannotations", false)
        NetworkAccess.addPendingJob(&b, ip.id, s)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.net.ipPosition($0) != nil }
        let associated = try ctx.uuid("associatednetworkid") { GuestNetworkHandlers.exists(inv, $0) }
        let vpcID = try ctx.uuid("vpcid") { inv.net.vpc($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let address = p.value("ipaddress")
        let networkID = p.value("networkid")
        let vlanID = p.value("vlanid")
        let allocatedOnly = p.bool("allocatedonly") ?? true
        let staticNat = p.bool("isstaticnat")
        let sourceNat = p.bool("issourcenat")
        let forVirtualNetwork = p.bool("forvirtualnetwork")
        let state = p.value("state")?.lowercased()
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.net.publicIPs, key: "publicipaddress", where: { ip in
            let free = ip.accountID == nil
            return (free ? (!allocatedOnly && ctx.caller.isAdmin) : NetworkAccess.visible(scope, ip.accountID)) && (id == nil || ip.id == id)
                && (associated == nil || ip.networkID == associated) && (vpcID == nil || ip.vpcID == vpcID) && (zoneID == nil || ip.zoneID == zoneID)
                && (address == nil || ip.address == address) && (vlanID == nil || ip.vlanID == vlanID)
                && (networkID == nil || ip.networkID == networkID || physicalNetworkID(zoneID: ip.zoneID) == networkID)
                && (staticNat == nil || (ip.staticNatVMID != nil) == staticNat) && (sourceNat == nil || ip.isSourceNat == sourceNat)
                && forVirtualNetwork != false && (state == nil || ip.state.lowercased() == state)
                && InfrastructureHandlers.keywordMatch(ctx, ip.address)
        }) { .object(object($0, s)) }
    }

    /// Gives a network or VPC a source NAT address from the zone's free pool; false when the pool is empty.
    static func allocateSourceNat(zoneID: String, accountID: String, scope: NetworkScope, _ s: inout SimState) -> Bool {
        if s.inventory.net.publicIPs.contains(where: { $0.isSourceNat && scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }) { return true }
        guard let k = s.inventory.net.publicIPs.firstIndex(where: { $0.zoneID == zoneID && $0.state == "Free" }) else { return false }
        s.inventory.net.publicIPs[k].state = "Allocated"
        s.inventory.net.publicIPs[k].accountID = accountID
        s.inventory.net.publicIPs[k].isSourceNat = true
        s.inventory.net.publicIPs[k].allocated = APIDate.now()
        switch scope {
        case .network(let id): s.inventory.net.publicIPs[k].networkID = id
        case .vpc(let id): s.inventory.net.publicIPs[k].vpcID = id
        }
        return true
    }

    /// associateIpAddress: the address is the account's (Allocating) when the command returns; the job makes it Allocated.
    static func associate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let networkID = try ctx.uuid("networkid") { inv.net.network($0) != nil }
        let vpcID = try ctx.uuid("vpcid") { inv.net.vpc($0) != nil }
        let zoneParam = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let target: (zoneID: String, accountID: String, networkID: String?, vpcID: String?)
        if let networkID, let n = inv.net.network(networkID) {
            guard ctx.owns(n.accountID) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(networkID)")
            }
            guard n.type == "Isolated" else {
                throw APIError.invalid("Unable to associate ip address: network \(n.name) is of type \(n.type); only Isolated networks get public IP addresses")
            }
            target = (n.zoneID, n.accountID, n.vpcID == nil ? n.id : nil, n.vpcID)
        } else if let vpcID, let v = inv.net.vpc(vpcID) {
            guard ctx.owns(v.accountID) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(vpcID)")
            }
            target = (v.zoneID, v.accountID, nil, v.id)
        } else {
            throw APIError.invalid("Unable to associate ip address: specify networkid or vpcid")
        }
        if let zoneParam, zoneParam != target.zoneID { throw APIError.invalid("The network and the zone given are not in the same zone") }
        let wanted = ctx.params.value("ipaddress")
        guard let k = inv.net.publicIPs.firstIndex(where: { $0.zoneID == target.zoneID && $0.state == "Free" && (wanted == nil || $0.address == wanted) }) else {
            if let wanted { throw APIError.invalid("Unable to find a free public IP address \(wanted) in the zone") }
            throw APIError(533, 4320, "Insufficient address capacity")
        }
        s.inventory.net.publicIPs[k].state = "Allocating"
        s.inventory.net.publicIPs[k].accountID = target.accountID
        s.inventory.net.publicIPs[k].networkID = target.networkID
        s.inventory.net.publicIPs[k].vpcID = target.vpcID
        s.inventory.net.publicIPs[k].allocated = APIDate.now()
        let id = inv.net.publicIPs[k].id
        s.addEvent(type: "NET.IPASSIGN", description: "associating IP to network. IP Id: \(id)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "IpAddress", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.ipPosition(id) else { return .failure(.internalError("Unable to find ip address \(id)")) }
            state.inventory.net.publicIPs[k].state = "Allocated"
            return .success(JSONObject([("ipaddress", .object(object(state.inventory.net.publicIPs[k], state)))]))
        })
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func ownedIP(_ s: SimState, _ ctx: RequestContext, _ name: String) throws -> Int {
        try NetworkAccess.owned(ctx, name, find: { s.inventory.net.ipPosition($0) }, owner: { s.inventory.net.publicIPs[$0].accountID })
    }

    static func disassociate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        if ctx.params.value("id") == nil, let address = ctx.params.value("ipaddress") {
            guard let ip = s.inventory.net.publicIPs.first(where: { $0.address == address && $0.accountID != nil }) else {
                throw APIError.invalid("Unable to find public IP address \(address)")
            }
            return try disassociate(&s, RequestContext(spec: ctx.spec, params: Params(ctx.params.pairs + [("id", ip.id)]), caller: ctx.caller))
        }
        let k = try ownedIP(s, ctx, "id")
        let ip = s.inventory.net.publicIPs[k]
        var failure: String?
        if ip.isSourceNat {
            failure = "IP address is used for source nat purposes and can not be disassociated."
        } else if ip.state == "Allocated" {
            s.inventory.net.publicIPs[k].state = "Releasing"
        } else {
            failure = "Unable to disassociate IP address \(ip.address): it is in \(ip.state) state"
        }
        s.addEvent(type: "NET.IPRELEASE", description: "disassociating IP address. IP Id: \(ip.id)", caller: ctx.caller)
        let id = ip.id
        let job = JobRunner.submit(&s, ctx, instanceType: "IpAddress", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.ipPosition(id) else { return .failure(.internalError("Unable to find ip address \(id)")) }
            NetworkCleanup.removeRules(onIP: id, &state)
            NetworkCleanup.release(&state.inventory.net.publicIPs[k])
            return .success(NetworkAccess.success)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func enableStaticNat(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try ownedIP(s, ctx, "ipaddressid")
        let vmIndex = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let inv = s.inventory
        let ip = inv.net.publicIPs[k]
        let vm = inv.vms[vmIndex]
        var networkID = ip.networkID
        if networkID == nil, let vpcID = ip.vpcID, let tier = inv.net.network(ctx.params.value("networkid") ?? vm.nic.networkID), tier.vpcID == vpcID {
            networkID = tier.id  // A VPC address is associated with the tier it NATs into.
        }
        guard let networkID else {
            throw APIError.invalid("Unable to enable static nat for the ipAddress id=\(ip.id) as ip is not associated with any network")
        }
        if ip.isSourceNat { throw APIError.invalid("Can't enable static, ip address \(ip.address) is a sourceNat ip address") }
        guard vm.nic.networkID == networkID else { throw APIError.invalid("Vm doesn't belong to the network with specified id") }
        if let other = ip.staticNatVMID, other != vm.id {
            throw APIError.ruleConflict("Failed to enable static for the ip address id=\(ip.id) and vm id=\(vm.id) as it's already assigned to antoher vm")
        }
        if let existing = inv.net.publicIPs.first(where: { $0.staticNatVMID == vm.id && $0.id != ip.id }) {
            throw APIError.invalid("Failed to enable static nat for the ip address id=\(ip.id) as vm id=\(vm.id) is already associated with ip id=\(existing.id)")
        }
        if inv.net.rules.contains(where: { $0.ipAddressID == ip.id && $0.kind == .portForwarding }) {
            throw APIError.ruleConflict("Failed to enable static nat for the ip address id=\(ip.id) as it already has port forwarding rules assigned")
        }
        s.inventory.net.publicIPs[k].networkID = networkID
        s.inventory.net.publicIPs[k].staticNatVMID = vm.id
        s.inventory.net.publicIPs[k].staticNatVMIP = ctx.params.value("vmguestip") ?? vm.nic.ipAddress
        s.addEvent(type: "STATICNAT.ENABLE", description: "enabling static nat for IP \(ip.address) to VM \(vm.id)", caller: ctx.caller)
        return NetworkAccess.success
    }

    static func disableStaticNat(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try ownedIP(s, ctx, "ipaddressid")
        let ip = s.inventory.net.publicIPs[k]
        let failure: String? = ip.staticNatVMID == nil ? "One to one nat is not enabled for the specified ip id" : nil
        s.addEvent(type: "STATICNAT.DISABLE", description: "disabling static nat for IP \(ip.address)", caller: ctx.caller)
        let id = ip.id
        let job = JobRunner.submit(&s, ctx, instanceType: "IpAddress", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.ipPosition(id) else { return .failure(.internalError("Unable to find ip address \(id)")) }
            state.inventory.net.rules.removeAll { $0.ipAddressID == id && $0.kind == .staticNat }
            state.inventory.net.publicIPs[k].staticNatVMID = nil
            state.inventory.net.publicIPs[k].staticNatVMIP = nil
            return .success(NetworkAccess.success)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
