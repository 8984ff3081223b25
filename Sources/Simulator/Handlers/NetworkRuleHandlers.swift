import CloudStack

/// Rules on public IPs and networks: port forwarding, ingress firewall, egress firewall (list, create and delete; the
/// last two async), and the static NAT rules listIpForwardingRules shows.
enum NetworkRuleHandlers {
    static let portForwardingFields = ["id", "privateport", "privateendport", "protocol", "publicport", "publicendport", "virtualmachineid",
                                       "virtualmachinename", "virtualmachinedisplayname", "ipaddressid", "ipaddress", "state", "cidrlist", "networkid",
                                       "vmguestip", "fordisplay"]
    static let firewallFields = ["id", "protocol", "startport", "endport", "ipaddressid", "ipaddress", "networkid", "state", "cidrlist", "destcidrlist",
                                 "icmptype", "icmpcode", "traffictype", "fordisplay"]
    static let ipForwardingFields = ["id", "protocol", "virtualmachineid", "virtualmachinename", "virtualmachinedisplayname", "ipaddressid", "ipaddress",
                                     "startport", "endport", "state"]

    static func object(_ r: NetworkRuleRecord, _ s: SimState) -> JSONObject {
        let inv = s.inventory
        let ip = inv.net.ip(r.ipAddressID)
        let vm = r.vmID.flatMap { inv.vmPosition($0) }.map { inv.vms[$0] }
        var b = ObjectBuilder(capacity: 20)
        b.add("id", r.id)
        switch r.kind {
        case .portForwarding:
            // FirewallRuleResponse writes the ports as strings.
            b.add("privateport", r.privatePort.map(String.init))
            b.add("privateendport", (r.privateEndPort ?? r.privatePort).map(String.init))
            b.add("protocol", r.protocol)
            b.add("publicport", r.startPort.map(String.init))
            b.add("publicendport", (r.endPort ?? r.startPort).map(String.init))
            b.add("virtualmachineid", r.vmID)
            b.add("virtualmachinename", vm?.name)
            b.add("virtualmachinedisplayname", vm?.displayName)
            b.add("ipaddressid", r.ipAddressID)
            b.add("ipaddress", ip?.address)
            b.add("state", r.state)
            b.add("cidrlist", r.cidrList.joined(separator: ","))
            b.add("tags", .array([]))
            b.add("vmguestip", r.vmGuestIP)
            b.add("networkid", r.networkID)
            b.add("fordisplay", true)
        case .staticNat:
            b.add("protocol", r.protocol)
            b.add("virtualmachineid", r.vmID)
            b.add("virtualmachinename", vm?.name)
            b.add("virtualmachinedisplayname", vm?.displayName)
            b.add("ipaddressid", r.ipAddressID)
            b.add("ipaddress", ip?.address)
            if let start = r.startPort { b.add("startport", start) }
            if let end = r.endPort ?? r.startPort { b.add("endport", end) }
            b.add("state", r.state)
        case .firewall, .egressFirewall:
            b.add("protocol", r.protocol)
            if let start = r.startPort { b.add("startport", start) }
            if let end = r.endPort ?? r.startPort { b.add("endport", end) }
            if r.kind == .firewall {
                b.add("ipaddressid", r.ipAddressID)
                b.add("ipaddress", ip?.address)
            }
            b.add("networkid", r.networkID)
            b.add("state", r.state)
            b.add("cidrlist", r.cidrList.joined(separator: ","))
            if r.kind == .egressFirewall { b.add("destcidrlist", r.destCidrList.joined(separator: ",")) }
            if let t = r.icmpType { b.add("icmptype", t) }
            if let c = r.icmpCode { b.add("icmpcode", c) }
            b.add("tags", .array([]))
            b.add("fordisplay", true)
            b.add("traffictype", r.kind == .firewall ? "Ingress" : "Egress")
        }
        NetworkAccess.addPendingJob(&b, r.id, s)
        return b.object
    }

    static func list(_ kind: NetworkRuleKind, key: String) -> Handler {
        { s, ctx in
            let inv = s.inventory
            let id = try ctx.uuid("id") { id in inv.net.rules.contains { $0.id == id && $0.kind == kind } }
            let ipID = try ctx.uuid("ipaddressid") { inv.net.ipPosition($0) != nil }
            let networkID = try ctx.uuid("networkid") { GuestNetworkHandlers.exists(inv, $0) }
            let vmID = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
            let scope = ctx.visibleAccount(inv)
            let state = s
            return try InfrastructureHandlers.page(ctx, inv.net.rules, key: key, where: { r in
                r.kind == kind && NetworkAccess.visible(scope, r.accountID) && (id == nil || r.id == id) && (ipID == nil || r.ipAddressID == ipID)
                    && (networkID == nil || r.networkID == networkID) && (vmID == nil || r.vmID == vmID)
                    && InfrastructureHandlers.keywordMatch(ctx, r.protocol, inv.net.ip(r.ipAddressID)?.address ?? "")
            }) { .object(object($0, state)) }
        }
    }

    static let listPortForwarding = list(.portForwarding, key: "portforwardingrule")
    static let listFirewall = list(.firewall, key: "firewallrule")
    static let listEgress = list(.egressFirewall, key: "firewallrule")
    static let listIpForwarding = list(.staticNat, key: "ipforwardingrule")

    /// The ports of a new rule on `ip` must not overlap a forwarding rule or load balancer of the same protocol there
    /// (FirewallManagerImpl.detectRulesConflict).
    static func checkConflict(_ inv: Inventory, ipID: String, kind: NetworkRuleKind, proto: String, start: Int?, end: Int?, cidrs: [String]) throws {
        guard let start else { return }
        let end = end ?? start
        for r in inv.net.rules where r.ipAddressID == ipID && r.protocol == proto && r.state != "Revoke" {
            guard let rs = r.startPort else { continue }
            let re = r.endPort ?? rs
            let forwarding = kind != .firewall && r.kind != .firewall
            let sameFirewall = kind == .firewall && r.kind == .firewall && r.cidrList == cidrs
            if (forwarding || sameFirewall) && start <= re && rs <= end {
                throw APIError.ruleConflict("The range specified, \(start)-\(end), conflicts with rule \(r.id) which has \(rs)-\(re)")
            }
        }
        if kind != .firewall {
            for lb in inv.net.loadBalancers where lb.ipAddressID == ipID && lb.protocol == proto && start <= lb.publicPort && lb.publicPort <= end {
                throw APIError.ruleConflict("The range specified, \(start)-\(end), conflicts with rule \(lb.id) which has \(lb.publicPort)-\(lb.publicPort)")
            }
        }
    }

    static func protocolParam(_ ctx: RequestContext, allowed: [String]) throws -> String {
        let proto = try ctx.required("protocol").lowercased()
        guard allowed.contains(proto) else {
            throw APIError.invalid("Invalid protocol \(proto); supported protocols are \(allowed.joined(separator: ", "))")
        }
        return proto
    }

    /// Queues the job that makes a new rule Active; the rule is in the list (state Add) from the moment the command returns.
    static func submitCreate(_ s: inout SimState, _ ctx: RequestContext, _ rule: NetworkRuleRecord, extra: [NetworkRuleRecord] = [], event: String) -> JSONObject {
        s.inventory.net.rules.append(rule)
        s.inventory.net.rules.append(contentsOf: extra)
        s.addEvent(type: event, description: "creating \(rule.kind.rawValue) rule. Rule Id: \(rule.id)", caller: ctx.caller)
        let ids = [rule.id] + extra.map(\.id)
        let key = rule.kind == .portForwarding ? "portforwardingrule" : "firewallrule"
        let job = JobRunner.submit(&s, ctx, instanceType: "FirewallRule", instanceID: rule.id, action: .run { state, _ in
            for k in state.inventory.net.rules.indices where ids.contains(state.inventory.net.rules[k].id) { state.inventory.net.rules[k].state = "Active" }
            guard let k = state.inventory.net.rulePosition(ids[0]) else { return .failure(.internalError("Unable to find rule \(ids[0])")) }
            return .success(JSONObject([(key, .object(object(state.inventory.net.rules[k], state)))]))
        })
        return JSONObject([("id", .string(rule.id)), ("jobid", .string(job))])
    }

    static func createPortForwarding(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try PublicIPHandlers.ownedIP(s, ctx, "ipaddressid")
        let vmIndex = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let inv = s.inventory
        let ip = inv.net.publicIPs[k], vm = inv.vms[vmIndex]
        let proto = try protocolParam(ctx, allowed: ["tcp", "udp"])
        let publicPort = try NetworkAccess.port(ctx, "publicport"), publicEnd = try NetworkAccess.port(ctx, "publicendport")
        let privatePort = try NetworkAccess.port(ctx, "privateport"), privateEnd = try NetworkAccess.port(ctx, "privateendport")
        if ip.staticNatVMID != nil {
            throw APIError.ruleConflict("Unable to create port forwarding rule; ip id=\(ip.id) has static nat enabled")
        }
        guard let networkID = ip.networkID ?? (ip.vpcID != nil ? ctx.params.value("networkid") : nil), vm.nic.networkID == networkID else {
            throw APIError.invalid("Vm doesn't belong to network associated with ipAddress")
        }
        let cidrs = NetworkAccess.list(ctx, "cidrlist")
        try checkConflict(inv, ipID: ip.id, kind: .portForwarding, proto: proto, start: publicPort, end: publicEnd, cidrs: cidrs)
        let now = APIDate.now()
        let rule = NetworkRuleRecord(id: s.inventory.newID(), kind: .portForwarding, ipAddressID: ip.id, networkID: networkID, accountID: vm.accountID,
                                     protocol: proto, startPort: publicPort, endPort: publicEnd ?? publicPort, privatePort: privatePort,
                                     privateEndPort: privateEnd ?? privatePort, vmID: vm.id, vmGuestIP: ctx.params.value("vmguestip") ?? vm.nic.ipAddress,
                                     cidrList: cidrs, destCidrList: [], icmpType: nil, icmpCode: nil, state: "Add", created: now)
        var extra: [NetworkRuleRecord] = []
        // openfirewall (default true) opens the public ports in the IP's firewall as well.
        if ctx.params.bool("openfirewall") ?? true {
            extra.append(NetworkRuleRecord(id: s.inventory.newID(), kind: .firewall, ipAddressID: ip.id, networkID: networkID, accountID: vm.accountID,
                                           protocol: proto, startPort: publicPort, endPort: publicEnd ?? publicPort, privatePort: nil, privateEndPort: nil,
                                           vmID: nil, vmGuestIP: nil, cidrList: cidrs.isEmpty ? ["0.0.0.0/0"] : cidrs, destCidrList: [], icmpType: nil,
                                           icmpCode: nil, state: "Add", created: now))
        }
        return submitCreate(&s, ctx, rule, extra: extra, event: "NET.RULEADD")
    }

    static func createFirewall(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try PublicIPHandlers.ownedIP(s, ctx, "ipaddressid")
        let ip = s.inventory.net.publicIPs[k]
        let rule = try firewallRule(&s, ctx, kind: .firewall, ipID: ip.id, networkID: ip.networkID ?? "", accountID: ip.accountID ?? ctx.caller.account.id)
        return submitCreate(&s, ctx, rule, event: "FIREWALL.OPEN")
    }

    static func createEgress(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try GuestNetworkHandlers.ownedNetwork(s, ctx, "networkid")
        let network = s.inventory.net.guestNetworks[k]
        guard network.type == "Isolated", network.vpcID == nil else {
            throw APIError.invalid("Egress firewall rules are not supported on network \(network.name): only isolated networks outside a VPC have them")
        }
        let rule = try firewallRule(&s, ctx, kind: .egressFirewall, ipID: nil, networkID: network.id, accountID: network.accountID)
        return submitCreate(&s, ctx, rule, event: "FIREWALL.EGRESS.OPEN")
    }

    static func firewallRule(_ s: inout SimState, _ ctx: RequestContext, kind: NetworkRuleKind, ipID: String?, networkID: String, accountID: String) throws -> NetworkRuleRecord {
        let proto = try protocolParam(ctx, allowed: ["tcp", "udp", "icmp", "all"])
        let start = try NetworkAccess.port(ctx, "startport"), end = try NetworkAccess.port(ctx, "endport")
        let icmpType = try NetworkAccess.int(ctx, "icmptype"), icmpCode = try NetworkAccess.int(ctx, "icmpcode")
        if proto != "icmp", icmpType != nil || icmpCode != nil {
            throw APIError.invalid("Can specify icmpCode and icmpType for ICMP protocol only")
        }
        if proto == "icmp", start != nil || end != nil {
            throw APIError.invalid("Cannot specify startPort or endPort without specifying protocol")
        }
        if let start, let end, end < start { throw APIError.invalid("Start port can't be bigger than end port") }
        let cidrs = NetworkAccess.list(ctx, "cidrlist")
        for cidr in cidrs + NetworkAccess.list(ctx, "destcidrlist") where IPv4.parseCIDR(cidr) == nil {
            throw APIError.invalid("Source cidrs formatting error \(cidr)")
        }
        if let ipID { try checkConflict(s.inventory, ipID: ipID, kind: kind, proto: proto, start: start, end: end, cidrs: cidrs.isEmpty ? ["0.0.0.0/0"] : cidrs) }
        return NetworkRuleRecord(id: s.inventory.newID(), kind: kind, ipAddressID: ipID, networkID: networkID, accountID: accountID, protocol: proto,
                                 startPort: start, endPort: end ?? start, privatePort: nil, privateEndPort: nil, vmID: nil, vmGuestIP: nil,
                                 cidrList: cidrs.isEmpty ? (kind == .egressFirewall ? [] : ["0.0.0.0/0"]) : cidrs,
                                 destCidrList: NetworkAccess.list(ctx, "destcidrlist"), icmpType: proto == "icmp" ? (icmpType ?? -1) : nil,
                                 icmpCode: proto == "icmp" ? (icmpCode ?? -1) : nil, state: "Add", created: APIDate.now())
    }

    /// Deletes a rule of `kind`: it shows Revoke while the job runs, then it is gone.
    static func delete(_ kind: NetworkRuleKind, event: String) -> Handler {
        { s, ctx in
            let state = s
            let k = try NetworkAccess.owned(ctx, "id", find: { id in state.inventory.net.rules.firstIndex { $0.id == id && $0.kind == kind } },
                                            owner: { state.inventory.net.rules[$0].accountID })
            let id = s.inventory.net.rules[k].id
            s.inventory.net.rules[k].state = "Revoke"
            s.addEvent(type: event, description: "deleting \(kind.rawValue) rule. Rule Id: \(id)", caller: ctx.caller)
            let job = JobRunner.submit(&s, ctx, instanceType: "FirewallRule", instanceID: id, action: .run { state, _ in
                state.inventory.net.rules.removeAll { $0.id == id }
                return .success(NetworkAccess.success)
            })
            return VirtualMachineHandlers.jobResponse(job)
        }
    }

    static let deletePortForwarding = delete(.portForwarding, event: "NET.RULEDELETE")
    static let deleteFirewall = delete(.firewall, event: "FIREWALL.CLOSE")
    static let deleteEgress = delete(.egressFirewall, event: "FIREWALL.EGRESS.CLOSE")
}
