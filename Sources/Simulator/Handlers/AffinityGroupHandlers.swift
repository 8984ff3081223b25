import CloudStack

/// listAffinityGroupTypes, listAffinityGroups, createAffinityGroup (async create) and deleteAffinityGroup (async), as
/// AffinityGroupServiceImpl: names are unique per account, deleting a group takes its VMs out of it rather than
/// refusing, and ExplicitDedication groups are for root admins.
enum AffinityGroupHandlers {
    static let fields = ["id", "name", "description", "type", "account", "domainid", "domain", "virtualmachineIds"]
    /// The processors' types; the last is admin-controlled and so not listed by listAffinityGroupTypes.
    static let types = ["host anti-affinity", "host affinity", "non-strict host anti-affinity", "non-strict host affinity", "ExplicitDedication"]
    static let adminTypes: Set<String> = ["ExplicitDedication"]

    static func listTypes(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let items = types.filter { !adminTypes.contains($0) }.map { JSONValue.object(JSONObject([("type", .string($0))])) }
        return listContent("affinityGroupType", items, items.count)
    }

    /// A group as a VM row nests it.
    static func nested(_ g: AffinityGroupRecord, _ inv: Inventory) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", g.id)
        b.add("name", g.name)
        if let d = g.description { b.add("description", d) }
        b.add("type", g.type)
        NetworkAccess.addOwner(&b, g.accountID, inv)
        return b.object
    }

    static func object(_ g: AffinityGroupRecord, _ s: SimState) -> JSONObject {
        var o = nested(g, s.inventory)
        o["virtualmachineIds"] = .array(s.inventory.compute.members(ofAffinityGroup: g.id).map { .string($0) })
        o["dedicatedresources"] = .array([])
        if let job = s.pendingJobByInstance[g.id] {
            o["jobid"] = .string(job)
            o["jobstatus"] = .int(0)
        }
        return o
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.compute.affinityGroup($0) != nil }
        let vmID = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
        let name = ctx.params.value("name")
        let type = ctx.params.value("type")
        let scope = ctx.visibleAccount(inv)
        let members: Set<String>? = vmID.map { Set(inv.compute.details($0)?.affinityGroupIDs ?? []) }
        if let vmID, let k = inv.vmPosition(vmID), !ctx.owns(inv.vms[k].accountID) { throw ComputeAccess.denied(ctx, vmID) }
        let state = s
        return try InfrastructureHandlers.page(ctx, inv.compute.affinityGroups, key: "affinitygroup", where: { g in
            (NetworkAccess.visible(scope, g.accountID) || id != nil && ctx.owns(g.accountID)) && (id == nil || g.id == id)
                && (name == nil || g.name == name) && (type == nil || g.type == type) && (members == nil || members?.contains(g.id) == true)
                && InfrastructureHandlers.keywordMatch(ctx, g.name)
        }) { .object(object($0, state)) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let type = try ctx.required("type")
        guard types.contains(type) else {
            throw APIError.invalid("Unable to create affinity group, invalid affinity group type: \(type). Valid values are \(types.joined(separator: ","))")
        }
        if adminTypes.contains(type) && !ctx.caller.isAdmin { throw APIError.denied("Cannot create the affinity group") }
        let owner = try ComputeAccess.owner(ctx, s.inventory)
        if s.inventory.compute.affinityGroups.contains(where: { $0.accountID == owner.id && $0.name == name }) {
            throw APIError.invalid("Unable to create affinity group, a group with name \(name) already exists.")
        }
        let group = AffinityGroupRecord(id: s.inventory.newID(), name: name, description: ctx.params.value("description"), type: type,
                                        accountID: owner.id, created: APIDate.now())
        s.inventory.compute.affinityGroups.append(group)
        s.addEvent(type: "AG.CREATE", description: "creating Affinity Group \(name)", caller: ctx.caller)
        let id = group.id
        let job = JobRunner.submit(&s, ctx, instanceType: "AffinityGroup", instanceID: id, action: .run { state, _ in
            guard let g = state.inventory.compute.affinityGroup(id) else { return .failure(.internalError("Unable to find affinity group \(id)")) }
            return .success(JSONObject([("affinitygroup", .object(object(g, state)))]))
        })
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.compute.affinityGroup($0) != nil }
        let name = ctx.params.value("name")
        var group: AffinityGroupRecord?
        var failure: String?
        if let id {
            group = inv.compute.affinityGroup(id)
        } else if let name {
            let owner = try ComputeAccess.owner(ctx, inv)
            group = inv.compute.affinityGroups.first { $0.accountID == owner.id && $0.name == name }
            if group == nil { failure = "Unable to find affinity group \(name)" }
        } else {
            failure = "Either the affinity group Id or group name must be specified to delete the group"
        }
        if let group, !ctx.owns(group.accountID) { throw ComputeAccess.denied(ctx, group.id) }
        let groupID = group?.id
        s.addEvent(type: "AG.DELETE", description: "Deleting affinity group \(group?.name ?? name ?? "")", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "AffinityGroup", instanceID: groupID ?? "", action: .run { state, _ in
            guard let groupID else { return .failure(.internalError("Unable to find affinity group")) }
            // The group's VMs leave it (affinity_group_vm_map rows go with the group).
            for vmID in state.inventory.compute.members(ofAffinityGroup: groupID) {
                state.inventory.compute.updateDetails(vmID) { d in
                    d.affinityGroupIDs = (d.affinityGroupIDs ?? []).filter { $0 != groupID }
                    if d.affinityGroupIDs?.isEmpty == true { d.affinityGroupIDs = nil }
                }
            }
            state.inventory.compute.affinityGroups.removeAll { $0.id == groupID }
            return .success(JSONObject([("success", .bool(true))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
