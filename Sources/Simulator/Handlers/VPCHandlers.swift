import CloudStack

/// listVPCs, createVPC, restartVPC and deleteVPC (the last three async).
enum VPCHandlers {
    static let fields = ["id", "name", "displaytext", "state", "zoneid", "zonename", "cidr", "vpcofferingid", "vpcofferingname", "account", "domainid",
                         "domain", "network", "service", "restartrequired", "networkdomain", "redundantvpcrouter", "regionlevelvpc",
                         "distributedvpcrouter", "created", "fordisplay"]

    static func object(_ v: VPCRecord, _ s: SimState, admin: Bool) -> JSONObject {
        let inv = s.inventory
        let offering = inv.net.vpcOffering(v.offeringID)
        var b = ObjectBuilder(capacity: 28)
        b.add("id", v.id)
        b.add("name", v.name)
        b.add("displaytext", v.displayText)
        b.add("state", v.state)
        b.add("vpcofferingid", v.offeringID)
        b.add("vpcofferingname", offering?.name)
        b.add("zoneid", v.zoneID)
        b.add("zonename", inv.zone(v.zoneID)?.name)
        b.add("cidr", v.cidr)
        b.add("service", NetworkOfferingHandlers.services(offering?.services ?? []))
        b.add("network", .array(inv.net.guestNetworks.filter { $0.vpcID == v.id }.map { .object(GuestNetworkHandlers.object($0, s, admin: admin)) }))
        NetworkAccess.addOwner(&b, v.accountID, inv)
        b.add("restartrequired", v.restartRequired)
        b.add("networkdomain", v.networkDomain)
        b.add("regionlevelvpc", false)
        b.add("distributedvpcrouter", false)
        b.add("redundantvpcrouter", v.redundantRouter)
        b.add("fordisplay", true)
        b.date("created", v.created)
        b.add("tags", .array([]))
        b.add("hasannotations", false)
        NetworkAccess.addPendingJob(&b, v.id, s)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.net.vpc($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let offeringID = try ctx.uuid("vpcofferingid") { inv.net.vpcOffering($0) != nil }
        let name = p.value("name")
        let state = p.value("state")?.lowercased()
        let cidr = p.value("cidr")
        let restartRequired = p.bool("restartrequired")
        let scope = ctx.visibleAccount(inv)
        let admin = ctx.caller.isAdmin
        return try InfrastructureHandlers.page(ctx, inv.net.vpcs, key: "vpc", where: { v in
            NetworkAccess.visible(scope, v.accountID) && (id == nil || v.id == id) && (zoneID == nil || v.zoneID == zoneID)
                && (offeringID == nil || v.offeringID == offeringID) && (name == nil || v.name == name) && (state == nil || v.state.lowercased() == state)
                && (cidr == nil || v.cidr == cidr) && (restartRequired == nil || v.restartRequired == restartRequired)
                && InfrastructureHandlers.keywordMatch(ctx, v.name, v.displayText)
        }) { .object(object($0, s, admin: admin)) }
    }

    /// createVPC: the VPC exists (Enabled) as soon as the command returns; the job gives it a source NAT address and its router(s).
    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let name = try ctx.required("name")
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil } ?? ""
        let offeringID = try ctx.uuid("vpcofferingid") { inv.net.vpcOffering($0) != nil } ?? ""
        let cidrText = try ctx.required("cidr")
        guard let parsed = IPv4.parseCIDR(cidrText), parsed.bits >= 8, parsed.bits <= 28 else {
            throw APIError.invalid("Invalid CIDR specified \(cidrText)")
        }
        let cidr = "\(IPv4.format(parsed.network))/\(parsed.bits)"
        let account = try GuestNetworkHandlers.owner(ctx, inv)
        guard let offering = inv.net.vpcOffering(offeringID), offering.state == "Enabled" else {
            throw APIError.invalid("VPC offering \(offeringID) is not Enabled")
        }
        let id = s.inventory.newID()
        let vpc = VPCRecord(id: id, name: name, displayText: ctx.params.value("displaytext") ?? name, zoneID: zoneID, accountID: account.id,
                            offeringID: offeringID, cidr: cidr, state: "Enabled", redundantRouter: offering.redundantRouter, restartRequired: false,
                            networkDomain: ctx.params.value("networkdomain") ?? "\(name.lowercased()).vpc.internal", created: APIDate.now())
        s.inventory.net.vpcs.append(vpc)
        s.addEvent(type: "VPC.CREATE", description: "creating VPC. VPC Id: \(id)", caller: ctx.caller)
        let start = ctx.params.bool("start") ?? true
        let job = JobRunner.submit(&s, ctx, instanceType: "Vpc", instanceID: id, action: .run { state, admin in
            guard let v = state.inventory.net.vpc(id) else { return .failure(.internalError("Unable to find VPC \(id)")) }
            if start {
                guard PublicIPHandlers.allocateSourceNat(zoneID: v.zoneID, accountID: v.accountID, scope: .vpc(id), &state) else {
                    return .failure(.internalError("Insufficient address capacity"))
                }
                RouterHandlers.restartRouters(of: .vpc(id), cleanup: true, redundant: v.redundantRouter, &state)
            }
            return .success(JSONObject([("vpc", .object(object(v, state, admin: admin)))]))
        })
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func owned(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        try NetworkAccess.owned(ctx, "id", find: { s.inventory.net.vpcPosition($0) }, owner: { s.inventory.net.vpcs[$0].accountID })
    }

    static func restart(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let vpc = s.inventory.net.vpcs[try owned(s, ctx)]
        let cleanup = ctx.params.bool("cleanup") == true
        let makeRedundant = ctx.params.bool("makeredundant") == true
        s.addEvent(type: "VPC.RESTART", description: "restarting VPC. VPC Id: \(vpc.id)", caller: ctx.caller)
        let id = vpc.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Vpc", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.vpcPosition(id) else { return .failure(.internalError("Unable to find VPC \(id)")) }
            state.inventory.net.vpcs[k].restartRequired = false
            if makeRedundant { state.inventory.net.vpcs[k].redundantRouter = true }
            RouterHandlers.restartRouters(of: .vpc(id), cleanup: cleanup || makeRedundant, redundant: state.inventory.net.vpcs[k].redundantRouter, &state)
            return .success(NetworkAccess.success)
        })
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let vpc = s.inventory.net.vpcs[try owned(s, ctx)]
        let tiers = s.inventory.net.guestNetworks.filter { $0.vpcID == vpc.id }.count
        // VpcManagerImpl.destroyVpc refuses while non-system networks (tiers) remain.
        let failure: String? = tiers > 0 ? "Can't delete VPC \(vpc.name) as its used by \(tiers) networks" : nil
        s.addEvent(type: "VPC.DELETE", description: "deleting VPC. VPC Id: \(vpc.id)", caller: ctx.caller)
        let id = vpc.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Vpc", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.vpcPosition(id) else { return .failure(.internalError("Unable to find VPC \(id)")) }
            state.inventory.net.vpcs.remove(at: k)
            NetworkCleanup.releaseEverything(of: .vpc(id), &state)
            return .success(NetworkAccess.success)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
