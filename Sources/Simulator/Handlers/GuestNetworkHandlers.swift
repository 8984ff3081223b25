import CloudStack

/// listNetworks, createNetwork (sync), deleteNetwork and restartNetwork (async).
enum GuestNetworkHandlers {
    static let fields = ["id", "name", "displaytext", "state", "type", "cidr", "gateway", "netmask", "zoneid", "zonename", "account", "domainid", "domain",
                         "networkofferingid", "networkofferingname", "networkofferingdisplaytext", "vpcid", "vpcname", "restartrequired", "redundantrouter",
                         "traffictype", "acltype", "broadcastdomaintype", "broadcasturi", "vlan", "networkdomain", "service", "canusefordeploy",
                         "specifyipranges", "issystem", "created"]

    /// Every guest network: the area's records, or (for a state file written before the area existed) the core ones.
    static func networks(_ inv: Inventory) -> [GuestNetworkRecord] {
        if !inv.net.guestNetworks.isEmpty || inv.networks.isEmpty { return inv.net.guestNetworks }
        return inv.networks.map { core in
            GuestNetworkRecord(id: core.id, name: core.name, displayText: core.name, zoneID: core.zoneID, accountID: core.accountID, offeringID: "",
                               vpcID: nil, state: "Implemented", type: "Isolated", cidr: core.prefix + ".0/24", gateway: core.prefix + ".1",
                               netmask: "255.255.255.0", vlan: 100 + Int(stableHash(core.id) % 3900), redundantRouter: false, restartRequired: false,
                               networkDomain: "cs.cloud.internal", created: Seeder.epochBase)
        }
    }

    /// Whether a network exists (the area's record or a core one), for `networkid` parameters of other commands.
    static func exists(_ inv: Inventory, _ id: String) -> Bool { inv.net.network(id) != nil || inv.network(id) != nil }

    /// Shared networks are the domain's (acltype Domain): every account of the domain sees them.
    static func aclType(_ n: GuestNetworkRecord) -> String { n.type == "Shared" ? "Domain" : "Account" }

    static func object(_ n: GuestNetworkRecord, _ s: SimState, admin: Bool) -> JSONObject {
        let inv = s.inventory
        let offering = inv.net.offering(n.offeringID)
        var b = ObjectBuilder(capacity: 44)
        b.add("id", n.id)
        b.add("name", n.name)
        b.add("displaytext", n.displayText)
        b.add("broadcastdomaintype", "Vlan")
        b.add("traffictype", "Guest")
        b.add("gateway", n.gateway)
        b.add("netmask", n.netmask)
        b.add("cidr", n.cidr)
        b.add("zoneid", n.zoneID)
        b.add("zonename", inv.zone(n.zoneID)?.name)
        b.add("networkofferingid", n.offeringID)
        b.add("networkofferingname", offering?.name)
        b.add("networkofferingdisplaytext", offering?.displayText)
        b.add("networkofferingconservemode", offering?.conserveMode ?? true)
        b.add("networkofferingavailability", offering?.availability ?? "Optional")
        b.add("issystem", false)
        b.add("state", n.state)
        b.add("related", n.id)
        if admin {
            b.add("broadcasturi", "vlan://\(n.vlan)")
            b.add("vlan", String(n.vlan))
        }
        if let zone = inv.zone(n.zoneID) { b.add("dns1", zone.dns1) }
        b.add("type", n.type)
        b.add("acltype", aclType(n))
        NetworkAccess.addOwner(&b, n.accountID, inv)
        b.add("isdefault", false)
        b.add("service", NetworkOfferingHandlers.services(offering?.services ?? []))
        if !n.networkDomain.isEmpty { b.add("networkdomain", n.networkDomain) }
        b.add("physicalnetworkid", PublicIPHandlers.physicalNetworkID(zoneID: n.zoneID))
        b.add("restartrequired", n.restartRequired)
        b.add("specifyipranges", offering?.specifyIPRanges ?? false)
        if let vpcID = n.vpcID {
            b.add("vpcid", vpcID)
            b.add("vpcname", inv.net.vpc(vpcID)?.name)
        }
        b.add("canusefordeploy", true)
        b.add("ispersistent", false)
        b.add("tags", .array([]))
        b.add("details", .object(JSONObject()))
        if admin { b.add("displaynetwork", true) }
        b.add("strechedl2subnet", false)
        b.add("redundantrouter", n.redundantRouter)
        b.date("created", n.created)
        b.add("egressdefaultpolicy", offering?.egressDefaultPolicy ?? false)
        b.add("internetprotocol", "IPv4")
        b.add("supportsvmautoscaling", n.type == "Isolated")
        b.add("hasannotations", false)
        NetworkAccess.addPendingJob(&b, n.id, s)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { exists(inv, $0) }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let vpcID = try ctx.uuid("vpcid") { inv.net.vpc($0) != nil }
        let offeringID = try ctx.uuid("networkofferingid") { inv.net.offering($0) != nil }
        let type = p.value("type")?.lowercased()
        if let type, !["isolated", "shared", "l2", "all"].contains(type) {
            throw APIError.invalid("Invalid value for type: \(type); supported values are isolated, l2, shared and all")
        }
        let traffic = p.value("traffictype")?.lowercased()
        let acl = p.value("acltype")?.lowercased()
        let restartRequired = p.bool("restartrequired")
        let forVPC = p.bool("forvpc")
        let isSystem = p.bool("issystem")
        let name = p.value("name")
        let scope = ctx.visibleAccount(inv)
        let admin = ctx.caller.isAdmin
        let all = networks(inv)
        return try InfrastructureHandlers.page(ctx, all, key: "network", where: { n in
            (NetworkAccess.visible(scope, n.accountID) || aclType(n) == "Domain") && (id == nil || n.id == id) && (zoneID == nil || n.zoneID == zoneID)
                && (vpcID == nil || n.vpcID == vpcID) && (offeringID == nil || n.offeringID == offeringID)
                && (type == nil || type == "all" || n.type.lowercased() == type) && (traffic == nil || traffic == "guest")
                && (acl == nil || aclType(n).lowercased() == acl) && (restartRequired == nil || n.restartRequired == restartRequired)
                && (forVPC == nil || (n.vpcID != nil) == forVPC) && isSystem != true && (name == nil || n.name == name)
                && InfrastructureHandlers.keywordMatch(ctx, n.name, n.displayText)
        }) { .object(object($0, s, admin: admin)) }
    }

    /// The account a create command acts for: the caller's, or for an admin the one named by `account` (with `domainid`).
    static func owner(_ ctx: RequestContext, _ inv: Inventory) throws -> AccountRecord {
        guard let name = ctx.params.value("account") else { return ctx.caller.account }
        guard ctx.caller.isAdmin || name == ctx.caller.account.name else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to act for account \(name)")
        }
        guard let account = inv.accounts.first(where: { $0.name == name }) else {
            throw APIError.invalid("Unable to find account \(name) in domain ROOT")
        }
        return account
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let name = try ctx.required("name")
        guard let offering = inv.net.offering(try ctx.required("networkofferingid")) else {
            throw APIError.badValue(ctx.commandLabel, "networkofferingid", ctx.params.value("networkofferingid") ?? "")
        }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil } ?? ""
        let vpcID = try ctx.uuid("vpcid") { inv.net.vpc($0) != nil }
        let account = try owner(ctx, inv)
        guard offering.state == "Enabled" else {
            throw APIError.invalid("Can't use specified network offering id as its state is not Enabled")
        }
        let gateway = ctx.params.value("gateway"), netmask = ctx.params.value("netmask")
        if (gateway == nil) != (netmask == nil) {
            throw APIError.invalid("gateway and netmask should be defined together")
        }
        var cidr: String?
        if let gateway, let netmask {
            guard let c = IPv4.cidr(gateway: gateway, netmask: netmask) else {
                throw APIError.invalid("Invalid gateway \(gateway) or netmask \(netmask)")
            }
            cidr = c
        }
        switch offering.guestIPType {
        case "Shared":
            guard ctx.caller.isAdmin else { throw APIError.denied("Only ROOT admin can create Shared networks") }
            guard cidr != nil else { throw APIError.invalid("Gateway and netmask are required for Shared networks") }
        case "Isolated" where offering.forVPC:
            guard let vpcID, let vpc = inv.net.vpc(vpcID) else {
                throw APIError.invalid("Network offering \(offering.name) can be used for VPC networks only")
            }
            guard vpc.accountID == account.id else {
                throw APIError.denied("Account '\(account.name)' does not have permission to operate with resource \(vpcID)")
            }
            guard vpc.zoneID == zoneID else { throw APIError.invalid("New network doesn't belong to the same zone as the VPC") }
            guard let cidr, IPv4.contains(outer: vpc.cidr, inner: cidr) else {
                throw APIError.invalid("Network cidr \(cidr ?? "(none)") is not within vpc \(vpc.name) cidr: \(vpc.cidr)")
            }
        default:
            if vpcID != nil { throw APIError.invalid("Network offering \(offering.name) can't be used for VPC networks") }
        }
        if offering.guestIPType == "Isolated", !offering.forVPC, cidr == nil {
            // As the server does: without a gateway, an isolated network takes the zone's guest CIDR.
            cidr = "10.1.1.0/24"
        }
        let gatewayAddress = gateway ?? cidr.map { IPv4.firstHost($0) }
        let id = s.inventory.newID()
        let network = GuestNetworkRecord(
            id: id, name: name, displayText: ctx.params.value("displaytext") ?? name, zoneID: zoneID, accountID: account.id, offeringID: offering.id,
            vpcID: vpcID, state: offering.guestIPType == "Shared" ? "Setup" : (vpcID != nil ? "Implemented" : "Allocated"), type: offering.guestIPType,
            cidr: cidr, gateway: offering.guestIPType == "L2" ? nil : gatewayAddress, netmask: offering.guestIPType == "L2" ? nil : (netmask ?? "255.255.255.0"),
            vlan: 100 + Int(stableHash(id) % 3900), redundantRouter: offering.redundantRouter, restartRequired: false,
            networkDomain: ctx.params.value("networkdomain") ?? (offering.guestIPType == "L2" ? "" : "cs\(s.inventory.serial)cloud.internal"),
            created: APIDate.now())
        if s.inventory.net.guestNetworks.isEmpty { s.inventory.net.guestNetworks = networks(s.inventory) }
        s.inventory.net.guestNetworks.append(network)
        s.addEvent(type: "NETWORK.CREATE", description: "creating network. Network Id: \(id)", caller: ctx.caller)
        return JSONObject([("network", .object(object(network, s, admin: ctx.caller.isAdmin)))])
    }

    static func ownedNetwork(_ s: SimState, _ ctx: RequestContext, _ name: String = "id") throws -> Int {
        if s.inventory.net.guestNetworks.isEmpty, let id = ctx.params.value(name), s.inventory.network(id) != nil {
            throw APIError.internalError("The network \(id) predates the simulator's network area; it cannot be changed")
        }
        return try NetworkAccess.owned(ctx, name, find: { s.inventory.net.networkPosition($0) }, owner: { s.inventory.net.guestNetworks[$0].accountID })
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try ownedNetwork(s, ctx)
        let network = s.inventory.net.guestNetworks[k]
        let inUse = s.inventory.vms.contains { $0.nic.networkID == network.id && $0.state != .Expunging && $0.state != .Error }
        // The server's destroyNetwork returns false while user VMs still have NICs in it, and the command says only this.
        let failure: String? = inUse ? "Failed to delete network" : nil
        s.addEvent(type: "NETWORK.DELETE", description: "Deleting network with ID: \(network.id)", caller: ctx.caller)
        let id = network.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Network", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.networkPosition(id) else { return .failure(.internalError("Unable to find network \(id)")) }
            state.inventory.net.guestNetworks.remove(at: k)
            NetworkCleanup.releaseEverything(of: .network(id), &state)
            return .success(NetworkAccess.success)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func restart(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try ownedNetwork(s, ctx)
        let network = s.inventory.net.guestNetworks[k]
        let cleanup = ctx.params.bool("cleanup") == true
        let makeRedundant = ctx.params.bool("makeredundant") == true
        let failure: String? = ["Implemented", "Setup"].contains(network.state)
            ? nil : "Network is not in the right state to be restarted. Correct states are: Implemented, Setup"
        s.addEvent(type: "NETWORK.RESTART", description: "Restarting network: \(network.id)", caller: ctx.caller)
        let id = network.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Network", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.networkPosition(id) else { return .failure(.internalError("Unable to find network \(id)")) }
            state.inventory.net.guestNetworks[k].restartRequired = false
            if makeRedundant, state.inventory.net.guestNetworks[k].type == "Isolated", state.inventory.net.guestNetworks[k].vpcID == nil {
                state.inventory.net.guestNetworks[k].redundantRouter = true
            }
            let n = state.inventory.net.guestNetworks[k]
            if n.vpcID == nil { RouterHandlers.restartRouters(of: .network(id), cleanup: cleanup, redundant: n.redundantRouter, &state) }
            return .success(NetworkAccess.success)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
