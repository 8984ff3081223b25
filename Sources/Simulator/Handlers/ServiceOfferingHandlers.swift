import CloudStack

/// listServiceOfferings: compute offerings (and, for admins, the system offerings) as ServiceOfferingResponse shows them.
enum ServiceOfferingHandlers {
    static let fields = ["id", "name", "displaytext", "cpunumber", "cpuspeed", "memory", "iscustomized", "storagetype", "provisioningtype",
                         "offerha", "limitcpuuse", "hosttags", "issystem", "systemvmtype", "defaultuse", "created"]

    static func object(_ o: ServiceOfferingRecord) -> JSONObject {
        let custom = o.isCustomized ?? false
        var b = ObjectBuilder(capacity: 24)
        b.add("id", o.id)
        b.add("name", o.name)
        b.add("displaytext", o.displayText ?? o.name)
        // A custom offering leaves CPU and memory to the deployment, so it has none to show.
        if !custom {
            b.add("cpunumber", o.cpuNumber)
            b.add("cpuspeed", o.cpuSpeed)
            b.add("memory", o.memory)
        }
        if let c = o.created { b.date("created", c) }
        b.add("storagetype", "shared")
        b.add("provisioningtype", "thin")
        b.add("offerha", o.offerHA ?? false)
        b.add("limitcpuuse", o.limitCPUUse ?? false)
        b.add("isvolatile", false)
        if let tags = o.hostTags { b.add("hosttags", tags) }
        b.add("issystem", o.isSystem ?? false)
        b.add("defaultuse", false)
        if let t = o.systemVMType { b.add("systemvmtype", t) }
        b.add("iscustomized", custom)
        b.add("iscustomizediops", false)
        b.add("dynamicscalingenabled", true)
        b.add("diskofferingstrictness", false)
        b.add("encryptroot", false)
        b.add("hasannotations", false)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { id in inv.serviceOfferings.contains { $0.id == id } }
        let name = ctx.params.value("name")
        let system = ctx.params.bool("issystem") ?? false
        let systemType = ctx.params.value("systemvmtype")?.lowercased()
        if system && !ctx.caller.isAdmin {
            throw APIError.denied("Only ROOT admins and Domain admins can list system service offerings.")
        }
        // For a VM, the offerings it could change to: the others of its kind.
        var current: String?
        if let vmID = try ctx.uuid("virtualmachineid", exists: { inv.vmPosition($0) != nil }), let k = inv.vmPosition(vmID) {
            guard ctx.owns(inv.vms[k].accountID) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(vmID)")
            }
            current = inv.vms[k].serviceOfferingID
        }
        return try InfrastructureHandlers.page(ctx, inv.serviceOfferings, key: "serviceoffering", where: { o in
            (id == nil || o.id == id) && (name == nil || o.name == name) && (o.isSystem ?? false) == system
                && (systemType == nil || o.systemVMType == systemType) && (current == nil || o.id != current)
                && InfrastructureHandlers.keywordMatch(ctx, o.name, o.displayText ?? "")
        }) { .object(object($0)) }
    }
}
