import CloudStack

/// listDiskOfferings (DiskOfferingResponse): offerings are public, so every caller sees them all.
enum DiskOfferingHandlers {
    static let fields = ["id", "name", "displaytext", "disksize", "created", "iscustomized", "miniops", "maxiops", "iscustomizediops",
                         "tags", "storagetype", "provisioningtype", "displayoffering", "cacheMode"]

    static func object(_ o: DiskOfferingRecord) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", o.id)
        b.add("name", o.name)
        b.add("displaytext", o.displayText)
        b.add("disksize", o.diskSizeGB)
        b.date("created", o.created)
        b.add("iscustomized", o.customized)
        if let v = o.minIops { b.add("miniops", v) }
        if let v = o.maxIops { b.add("maxiops", v) }
        b.add("iscustomizediops", false)
        if let t = o.tags { b.add("tags", t) }
        b.add("storagetype", o.storageType)
        b.add("provisioningtype", o.provisioningType)
        b.add("displayoffering", true)
        b.add("cacheMode", "none")
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.volumes.diskOffering($0) != nil }
        _ = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let name = ctx.params.value("name")
        return try InfrastructureHandlers.page(ctx, inv.volumes.diskOfferings, key: "diskoffering", where: { o in
            (id == nil || o.id == id) && (name == nil || o.name == name) && InfrastructureHandlers.keywordMatch(ctx, o.name, o.displayText)
        }) { .object(object($0)) }
    }
}
