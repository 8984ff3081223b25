import CloudStack

/// listDomains and listDomainChildren: the domain tree (DomainResponse).
enum DomainHandlers {
    static let fields = ["id", "name", "level", "parentdomainid", "parentdomainname", "haschild", "path", "state", "created", "vmtotal", "vmlimit"]

    static func object(_ d: DomainRecord, _ inv: Inventory, vmTotals: [String: Int]?) -> JSONObject {
        var b = ObjectBuilder(capacity: 16)
        b.add("id", d.id)
        b.add("name", d.name)
        b.add("level", inv.domainLevel(d))
        if let parent = inv.domainRecord(d.parentID) {
            b.add("parentdomainid", parent.id)
            b.add("parentdomainname", parent.name)
        }
        b.add("haschild", inv.domains.contains { $0.parentID == d.id })
        b.add("path", d.path)
        b.add("state", d.state ?? "Active")
        if let c = d.created { b.date("created", c) }
        if let vmTotals {
            b.add("vmlimit", "Unlimited")
            b.add("vmtotal", Int64(vmTotals[d.id] ?? 0))
            b.add("vmavailable", "Unlimited")
        }
        b.add("hasannotations", false)
        return b.object
    }

    /// VMs per domain, counting each domain's own accounts (details=min leaves the resource figures out).
    static func vmTotals(_ ctx: RequestContext, _ inv: Inventory) throws -> [String: Int]? {
        if let details = ctx.params.value("details") {
            let parts = Set(details.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            guard parts.isSubset(of: ["all", "resource", "min"]) else {
                throw APIError.invalid("The details parameter contains a non permitted value. The allowed values are [all, resource, min]")
            }
            if !parts.contains("all") && !parts.contains("resource") { return nil }
        }
        var domainOf: [String: String] = [:]
        for a in inv.accounts { domainOf[a.id] = a.domainID }
        var totals: [String: Int] = [:]
        for vm in inv.vms where vm.state != .Destroyed && vm.state != .Expunging {
            if let d = domainOf[vm.accountID] { totals[d, default: 0] += 1 }
        }
        return totals
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.domainRecord($0) != nil }
        let name = ctx.params.value("name")?.lowercased()
        let level = try ctx.params.value("level").map { text throws(APIError) -> Int in
            guard let n = Int(text) else { throw APIError.badNumber(ctx.commandLabel, "level", text) }
            return n
        }
        let listAll = ctx.params.bool("listall") == true
        // QueryManagerImpl.searchForDomains: an id lists that domain; a user sees its own domain, or its subtree
        // with listall=true; a root admin with neither sees every domain.
        var allowed: Set<String>?
        if let id {
            guard ctx.caller.isAdmin || inv.domainSubtree(ctx.caller.account.domainID).contains(id) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
            }
            allowed = [id]
        } else if !ctx.caller.isAdmin {
            allowed = listAll ? inv.domainSubtree(ctx.caller.account.domainID) : [ctx.caller.account.domainID]
        }
        let totals = try vmTotals(ctx, inv)
        return try InfrastructureHandlers.page(ctx, inv.domains, key: "domain", where: { d in
            (allowed == nil || allowed?.contains(d.id) == true) && (name == nil || d.name.lowercased().contains(name ?? ""))
                && (level == nil || inv.domainLevel(d) == level) && InfrastructureHandlers.keywordMatch(ctx, d.name)
        }) { .object(object($0, inv, vmTotals: totals)) }
    }

    static func children(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.domainRecord($0) != nil } ?? ctx.caller.account.domainID
        let recursive = ctx.params.bool("isrecursive") == true
        let name = ctx.params.value("name")?.lowercased()
        guard let parent = inv.domainRecord(id) else { return listContent("domain", [], 0) }
        return try InfrastructureHandlers.page(ctx, inv.domains, key: "domain", where: { d in
            (recursive ? d.path.hasPrefix(parent.path + "/") : d.parentID == parent.id)
                && (name == nil || d.name.lowercased().contains(name ?? "")) && InfrastructureHandlers.keywordMatch(ctx, d.name)
        }) { .object(object($0, inv, vmTotals: nil)) }
    }
}
