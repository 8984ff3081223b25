import CloudStack

/// listLoadBalancerRules, createLoadBalancerRule and deleteLoadBalancerRule (the last two async).
enum LoadBalancerHandlers {
    static let fields = ["id", "name", "description", "publicipid", "publicip", "publicport", "privateport", "algorithm", "protocol", "networkid",
                         "cidrlist", "account", "domainid", "domain", "state", "zoneid", "zonename", "fordisplay"]
    static let algorithms = ["roundrobin", "leastconn", "source"]

    static func object(_ lb: LoadBalancerRecord, _ s: SimState) -> JSONObject {
        let inv = s.inventory
        var b = ObjectBuilder(capacity: 22)
        b.add("id", lb.id)
        b.add("name", lb.name)
        b.add("description", lb.description)
        b.add("publicipid", lb.ipAddressID)
        b.add("publicip", inv.net.ip(lb.ipAddressID)?.address)
        // LoadBalancerResponse writes the ports as strings.
        b.add("publicport", String(lb.publicPort))
        b.add("privateport", String(lb.privatePort))
        b.add("algorithm", lb.algorithm)
        b.add("networkid", lb.networkID)
        b.add("cidrlist", lb.cidrList.joined(separator: ","))
        NetworkAccess.addOwner(&b, lb.accountID, inv)
        b.add("state", lb.state)
        b.add("zoneid", lb.zoneID)
        b.add("zonename", inv.zone(lb.zoneID)?.name)
        b.add("protocol", lb.protocol)
        b.add("tags", .array([]))
        b.add("fordisplay", true)
        NetworkAccess.addPendingJob(&b, lb.id, s)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.net.loadBalancerPosition($0) != nil }
        let ipID = try ctx.uuid("publicipid") { inv.net.ipPosition($0) != nil }
        let networkID = try ctx.uuid("networkid") { GuestNetworkHandlers.exists(inv, $0) }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let vmID = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
        let name = ctx.params.value("name")
        let scope = ctx.visibleAccount(inv)
        let state = s
        return try InfrastructureHandlers.page(ctx, inv.net.loadBalancers, key: "loadbalancerrule", where: { lb in
            NetworkAccess.visible(scope, lb.accountID) && (id == nil || lb.id == id) && (ipID == nil || lb.ipAddressID == ipID)
                && (networkID == nil || lb.networkID == networkID) && (zoneID == nil || lb.zoneID == zoneID) && (name == nil || lb.name == name)
                && (vmID == nil || lb.vmIDs.contains(vmID ?? "")) && InfrastructureHandlers.keywordMatch(ctx, lb.name, lb.description ?? "")
        }) { .object(object($0, state)) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        guard ctx.params.value("publicipid") != nil else { throw APIError.missing(ctx.commandLabel, "publicipid") }
        let k = try PublicIPHandlers.ownedIP(s, ctx, "publicipid")
        let ip = s.inventory.net.publicIPs[k]
        let name = try ctx.required("name")
        let algorithm = try ctx.required("algorithm").lowercased()
        guard algorithms.contains(algorithm) else { throw APIError.invalid("Invalid algorithm: \(algorithm); supported are \(algorithms.joined(separator: ", "))") }
        guard let publicPort = try NetworkAccess.port(ctx, "publicport"), let privatePort = try NetworkAccess.port(ctx, "privateport") else {
            throw APIError.missing(ctx.commandLabel, "publicport")
        }
        let proto = (ctx.params.value("protocol") ?? "tcp").lowercased()
        guard ["tcp", "udp", "tcp-proxy"].contains(proto) else { throw APIError.invalid("Invalid protocol \(proto) for a load balancer rule") }
        if ip.staticNatVMID != nil {
            throw APIError.ruleConflict("Unable to create load balancer rule; ip id=\(ip.id) has static nat enabled")
        }
        guard let networkID = ip.networkID ?? ctx.params.value("networkid") else {
            throw APIError.invalid("Unable to create load balancer rule; ip id=\(ip.id) is not associated with any network")
        }
        try NetworkRuleHandlers.checkConflict(s.inventory, ipID: ip.id, kind: .portForwarding, proto: proto, start: publicPort, end: publicPort, cidrs: [])
        let id = s.inventory.newID()
        s.inventory.net.loadBalancers.append(LoadBalancerRecord(
            id: id, name: name, description: ctx.params.value("description"), ipAddressID: ip.id, networkID: networkID,
            accountID: ip.accountID ?? ctx.caller.account.id, zoneID: ip.zoneID, algorithm: algorithm, privatePort: privatePort, publicPort: publicPort,
            protocol: proto, cidrList: NetworkAccess.list(ctx, "cidrlist"), state: "Add", vmIDs: [], created: APIDate.now()))
        s.addEvent(type: "LB.CREATE", description: "creating load balancer. LB Id: \(id)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "FirewallRule", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.loadBalancerPosition(id) else { return .failure(.internalError("Unable to find load balancer \(id)")) }
            state.inventory.net.loadBalancers[k].state = "Active"
            return .success(JSONObject([("loadbalancer", .object(object(state.inventory.net.loadBalancers[k], state)))]))
        })
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let state = s
        let k = try NetworkAccess.owned(ctx, "id", find: { state.inventory.net.loadBalancerPosition($0) }, owner: { state.inventory.net.loadBalancers[$0].accountID })
        let id = s.inventory.net.loadBalancers[k].id
        s.inventory.net.loadBalancers[k].state = "Revoke"
        s.addEvent(type: "LB.DELETE", description: "deleting load balancer. LB Id: \(id)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "FirewallRule", instanceID: id, action: .run { state, _ in
            state.inventory.net.loadBalancers.removeAll { $0.id == id }
            return .success(NetworkAccess.success)
        })
        return VirtualMachineHandlers.jobResponse(job)
    }
}
