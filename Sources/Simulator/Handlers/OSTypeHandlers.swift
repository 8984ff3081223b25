import CloudStack

/// listOsTypes and listHypervisors.
enum OSTypeHandlers {
    static let fields = ["id", "name", "description", "oscategoryid", "oscategoryname", "isuserdefined", "fordisplay"]

    static func listOsTypes(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.compute.osType($0) != nil }
        let categoryID = ctx.params.value("oscategoryid")
        let description = ctx.params.value("description")?.lowercased()
        return try InfrastructureHandlers.page(ctx, inv.compute.osTypes, key: "ostype", where: { o in
            (id == nil || o.id == id) && (categoryID == nil || o.categoryID == categoryID)
                && (description == nil || o.description.lowercased().contains(description ?? ""))
                && InfrastructureHandlers.keywordMatch(ctx, o.description)
        }) { o in
            var b = ObjectBuilder()
            b.add("id", o.id)
            b.add("name", o.description)
            b.add("description", o.description)
            b.add("oscategoryid", o.categoryID)
            b.add("oscategoryname", o.categoryName)
            b.add("isuserdefined", false)
            b.add("fordisplay", true)
            return b.value
        }
    }

    /// The hypervisors of the zone's clusters (or of every zone), as ManagementServerImpl.getHypervisors lists them.
    static func listHypervisors(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        var names: [String] = []
        for c in inv.clusters where (zoneID == nil || c.zoneID == zoneID) && !names.contains(c.hypervisor) { names.append(c.hypervisor) }
        let items = names.map { JSONValue.object(JSONObject([("name", .string($0))])) }
        return listContent("hypervisor", items, items.count)
    }
}
