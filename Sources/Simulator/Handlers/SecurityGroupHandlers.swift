import CloudStack

/// Security groups: list, create and delete (sync), authorize and revoke ingress and egress rules (async).
enum SecurityGroupHandlers {
    static let fields = ["id", "name", "description", "account", "domainid", "domain", "ingressrule", "egressrule", "tags", "virtualmachinecount",
                         "virtualmachineids"]
    static let ruleFields = ["ruleid", "protocol", "startport", "endport", "cidr", "icmptype", "icmpcode", "account", "securitygroupname"]

    static func rule(_ r: SecurityGroupRuleRecord) -> JSONValue {
        var b = ObjectBuilder()
        b.add("ruleid", r.id)
        b.add("protocol", r.protocol)
        if let t = r.icmpType { b.add("icmptype", t) }
        if let c = r.icmpCode { b.add("icmpcode", c) }
        if let p = r.startPort { b.add("startport", p) }
        if let p = r.endPort { b.add("endport", p) }
        b.add("cidr", r.cidr)
        b.add("tags", .array([]))
        return b.value
    }

    static func object(_ g: SecurityGroupRecord, _ inv: Inventory, ingress: [SecurityGroupRuleRecord]? = nil, egress: [SecurityGroupRuleRecord]? = nil) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", g.id)
        b.add("name", g.name)
        b.add("description", g.description)
        NetworkAccess.addOwner(&b, g.accountID, inv)
        b.add("ingressrule", .array((ingress ?? g.ingress).map(rule)))
        b.add("egressrule", .array((egress ?? g.egress).map(rule)))
        b.add("tags", .array([]))
        // The zones are Advanced without security groups, so no VM is in any group.
        b.add("virtualmachinecount", 0)
        b.add("virtualmachineids", .array([]))
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.net.securityGroupPosition($0) != nil }
        _ = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
        let vmFilter = ctx.params.value("virtualmachineid") != nil
        let name = ctx.params.value("securitygroupname")
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.net.securityGroups, key: "securitygroup", where: { g in
            NetworkAccess.visible(scope, g.accountID) && (id == nil || g.id == id) && (name == nil || g.name == name) && !vmFilter
                && InfrastructureHandlers.keywordMatch(ctx, g.name, g.description ?? "")
        }) { .object(object($0, inv)) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let account = try GuestNetworkHandlers.owner(ctx, s.inventory)
        if s.inventory.net.securityGroups.contains(where: { $0.accountID == account.id && $0.name.lowercased() == name.lowercased() }) {
            throw APIError.invalid("Unable to create security group, a group with name \(name) already exists.")
        }
        let group = SecurityGroupRecord(id: s.inventory.newID(), name: name, description: ctx.params.value("description"), accountID: account.id,
                                        ingress: [], egress: [], created: APIDate.now())
        s.inventory.net.securityGroups.append(group)
        s.addEvent(type: "SG.CREATE", description: "creating security group. Group Id: \(group.id)", caller: ctx.caller)
        return JSONObject([("securitygroup", .object(object(group, s.inventory)))])
    }

    /// The group named by `idParam` or by `securitygroupname` in the caller's (or the named account's) groups.
    static func ownedGroup(_ s: SimState, _ ctx: RequestContext, idParam: String, nameParam: String) throws -> Int {
        if ctx.params.value(idParam) == nil, let name = ctx.params.value(nameParam) {
            let account = try GuestNetworkHandlers.owner(ctx, s.inventory)
            guard let k = s.inventory.net.securityGroups.firstIndex(where: { $0.accountID == account.id && $0.name == name }) else {
                throw APIError.invalid("Unable to find security group \(name) in account \(account.name)")
            }
            return k
        }
        guard ctx.params.value(idParam) != nil else { throw APIError.invalid("Either \(idParam) or \(nameParam) is required") }
        return try NetworkAccess.owned(ctx, idParam, find: { s.inventory.net.securityGroupPosition($0) }, owner: { s.inventory.net.securityGroups[$0].accountID })
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try ownedGroup(s, ctx, idParam: "id", nameParam: "name")
        let group = s.inventory.net.securityGroups[k]
        if group.name.lowercased() == "default" { throw APIError.invalid("The network group default is reserved") }
        s.inventory.net.securityGroups.remove(at: k)
        s.addEvent(type: "SG.DELETE", description: "deleting security group. Group Id: \(group.id)", caller: ctx.caller)
        return NetworkAccess.success
    }

    static func authorize(egress: Bool) -> Handler {
        { s, ctx in
            let k = try ownedGroup(s, ctx, idParam: "securitygroupid", nameParam: "securitygroupname")
            let proto = (ctx.params.value("protocol") ?? "tcp").lowercased()
            guard ["tcp", "udp", "icmp", "all"].contains(proto) || Int(proto) != nil else {
                throw APIError.invalid("Invalid protocol \(proto)")
            }
            var start = try NetworkAccess.int(ctx, "startport"), end = try NetworkAccess.int(ctx, "endport")
            let icmpType = try NetworkAccess.int(ctx, "icmptype"), icmpCode = try NetworkAccess.int(ctx, "icmpcode")
            if proto == "tcp" || proto == "udp" {
                guard let s0 = start, let e0 = end, (0...65535).contains(s0), (0...65535).contains(e0), s0 <= e0 else {
                    throw APIError.invalid("Invalid port range \(start.map(String.init) ?? "")-\(end.map(String.init) ?? "")")
                }
            } else {
                start = nil
                end = nil
            }
            let cidrs = NetworkAccess.list(ctx, "cidrlist")
            for cidr in cidrs where IPv4.parseCIDR(cidr) == nil { throw APIError.invalid("Invalid cidr \(cidr)") }
            var rules: [SecurityGroupRuleRecord] = []
            for cidr in cidrs.isEmpty ? ["0.0.0.0/0"] : cidrs {
                rules.append(SecurityGroupRuleRecord(id: s.inventory.newID(), protocol: proto, startPort: start, endPort: end, cidr: cidr,
                                                     icmpType: proto == "icmp" ? (icmpType ?? -1) : nil, icmpCode: proto == "icmp" ? (icmpCode ?? -1) : nil))
            }
            let groupID = s.inventory.net.securityGroups[k].id
            let added = rules
            s.addEvent(type: egress ? "SG.AUTH.EGRESS" : "SG.AUTH.INGRESS", description: "authorizing rules in security group. Group Id: \(groupID)", caller: ctx.caller)
            let job = JobRunner.submit(&s, ctx, instanceType: "SecurityGroup", instanceID: groupID, action: .run { state, _ in
                guard let k = state.inventory.net.securityGroupPosition(groupID) else { return .failure(.internalError("Unable to find security group \(groupID)")) }
                if egress { state.inventory.net.securityGroups[k].egress += added } else { state.inventory.net.securityGroups[k].ingress += added }
                // The server answers with the group carrying only the rules this call added.
                let group = state.inventory.net.securityGroups[k]
                return .success(JSONObject([("securitygroup", .object(object(group, state.inventory, ingress: egress ? [] : added, egress: egress ? added : [])))]))
            })
            return VirtualMachineHandlers.jobResponse(job)
        }
    }

    static func revoke(egress: Bool) -> Handler {
        { s, ctx in
            let id = try ctx.required("id")
            guard let k = s.inventory.net.securityGroups.firstIndex(where: { ($0.egress + $0.ingress).contains { $0.id == id } }),
                  (egress ? s.inventory.net.securityGroups[k].egress : s.inventory.net.securityGroups[k].ingress).contains(where: { $0.id == id }) else {
                throw APIError.badValue(ctx.commandLabel, "id", id)
            }
            guard ctx.owns(s.inventory.net.securityGroups[k].accountID) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
            }
            let groupID = s.inventory.net.securityGroups[k].id
            s.addEvent(type: egress ? "SG.REVOKE.EGRESS" : "SG.REVOKE.INGRESS", description: "revoking rule in security group. Rule Id: \(id)", caller: ctx.caller)
            let job = JobRunner.submit(&s, ctx, instanceType: "SecurityGroup", instanceID: groupID, action: .run { state, _ in
                guard let k = state.inventory.net.securityGroupPosition(groupID) else { return .failure(.internalError("Unable to find security group \(groupID)")) }
                state.inventory.net.securityGroups[k].ingress.removeAll { $0.id == id }
                state.inventory.net.securityGroups[k].egress.removeAll { $0.id == id }
                return .success(NetworkAccess.success)
            })
            return VirtualMachineHandlers.jobResponse(job)
        }
    }
}
