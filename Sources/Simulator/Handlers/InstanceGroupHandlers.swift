import CloudStack

/// listInstanceGroups, createInstanceGroup, updateInstanceGroup, deleteInstanceGroup (all sync). A VM's `group` names
/// its group within its account, so renaming a group renames it on its VMs, and deleting one takes its VMs out of it.
enum InstanceGroupHandlers {
    static let fields = ["id", "name", "created", "account", "domainid", "domain", "hasannotations"]

    static func object(_ g: InstanceGroupRecord, _ inv: Inventory) -> JSONValue {
        var b = ObjectBuilder()
        b.add("id", g.id)
        b.add("name", g.name)
        b.date("created", g.created)
        NetworkAccess.addOwner(&b, g.accountID, inv)
        b.add("hasannotations", false)
        return b.value
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.compute.instanceGroupPosition($0) != nil }
        let name = ctx.params.value("name")
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.compute.instanceGroups, key: "instancegroup", where: { g in
            NetworkAccess.visible(scope, g.accountID) && (id == nil || g.id == id) && (name == nil || g.name == name)
                && InfrastructureHandlers.keywordMatch(ctx, g.name)
        }) { object($0, inv) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let owner = try ComputeAccess.owner(ctx, s.inventory)
        if s.inventory.compute.instanceGroup(named: name, accountID: owner.id) != nil {
            throw APIError.invalid("Unable to create vm group, a group with name \(name) already exists for account \(owner.id)")
        }
        let g = InstanceGroupRecord(id: s.inventory.newID(), name: name, accountID: owner.id, created: APIDate.now())
        s.inventory.compute.instanceGroups.append(g)
        return JSONObject([("instancegroup", object(g, s.inventory))])
    }

    static func owned(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        try NetworkAccess.owned(ctx, "id", find: { s.inventory.compute.instanceGroupPosition($0) }, owner: { s.inventory.compute.instanceGroups[$0].accountID })
    }

    static func update(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let g = s.inventory.compute.instanceGroups[k]
        if let name = ctx.params.value("name"), name != g.name {
            if s.inventory.compute.instanceGroup(named: name, accountID: g.accountID) != nil {
                throw APIError.invalid("Unable to update vm group, a group with name \(name) already exists for account")
            }
            s.inventory.compute.instanceGroups[k].name = name
            for i in s.inventory.vms.indices where s.inventory.vms[i].accountID == g.accountID && s.inventory.vms[i].group == g.name {
                s.inventory.vms[i].group = name
            }
        }
        return JSONObject([("instancegroup", object(s.inventory.compute.instanceGroups[k], s.inventory))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let g = s.inventory.compute.instanceGroups[k]
        for i in s.inventory.vms.indices where s.inventory.vms[i].accountID == g.accountID && s.inventory.vms[i].group == g.name {
            s.inventory.vms[i].group = nil
        }
        s.inventory.compute.instanceGroups.remove(at: k)
        return JSONObject([("success", .bool(true))])
    }

    /// Puts a VM in the named group of its account, creating the group as addInstanceToGroup does; nil or "" takes it out.
    static func assign(_ vmIndex: Int, group name: String?, _ inv: inout Inventory) {
        guard let name, !name.isEmpty else {
            inv.vms[vmIndex].group = nil
            return
        }
        let accountID = inv.vms[vmIndex].accountID
        if inv.compute.instanceGroup(named: name, accountID: accountID) == nil {
            let id = inv.newID()
            inv.compute.instanceGroups.append(InstanceGroupRecord(id: id, name: name, accountID: accountID, created: APIDate.now()))
        }
        inv.vms[vmIndex].group = name
    }
}
