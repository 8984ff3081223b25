import CloudStack

/// Secondary storage: image stores (NFS, SMB, S3, Swift) and secondary staging stores.
enum ImageStoreHandlers {
    static let fields = ["id", "name", "zoneid", "zonename", "url", "protocol", "providername", "scope", "readonly", "disksizetotal", "disksizeused"]

    static func object(_ st: ImageStoreRecord, _ inv: Inventory) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", st.id)
        b.add("zoneid", st.zoneID)
        b.add("zonename", inv.zone(st.zoneID)?.name)
        b.add("name", st.name)
        b.add("url", st.url)
        b.add("protocol", st.protocolName)
        b.add("providername", st.provider)
        b.add("scope", st.scope)
        b.add("readonly", st.readonly)
        if st.totalBytes > 0 {
            b.add("disksizetotal", st.totalBytes)
            b.add("disksizeused", st.usedBytes)
        }
        if st.provider == "S3" {
            b.add("endpoint", st.details["endpoint"])
            b.add("bucket", st.details["bucket"])
        }
        b.add("hasannotations", false)
        return b.object
    }

    private static func list(_ s: SimState, _ ctx: RequestContext, role: String, key: String) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.imageStorePosition($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let name = p.value("name"), proto = p.value("protocol")?.lowercased(), provider = p.value("provider")?.lowercased()
        let readonly = p.bool("readonly")
        return try InfrastructureHandlers.page(ctx, inv.imageStores, key: key, where: { st in
            st.role == role && (id == nil || st.id == id) && (zoneID == nil || st.zoneID == zoneID) && (name == nil || st.name == name)
                && (proto == nil || st.protocolName.lowercased() == proto) && (provider == nil || st.provider.lowercased() == provider)
                && (readonly == nil || st.readonly == readonly) && InfrastructureHandlers.keywordMatch(ctx, st.name)
        }) { .object(object($0, inv)) }
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try list(s, ctx, role: "Image", key: "imagestore") }

    static func listStaging(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try list(s, ctx, role: "ImageCache", key: "imagestore") }

    /// Validates with the provider's lifecycle and records the store.
    private static func addStore(_ s: inout SimState, _ ctx: RequestContext, providerName: String, role: DataStoreRole, details: [String: String],
                                 url: String?, name: String?, itemKey: String) throws -> JSONObject {
        guard let provider = DataStoreProviderRegistry.provider(named: providerName), provider.types.contains(role) else {
            throw APIError.invalid("can't find \(role == .imageCache ? "cache" : "image") store provider: \(providerName)")
        }
        let zoneID = try ctx.uuid("zoneid") { s.inventory.zone($0) != nil }
        let regionWide = provider.name == "S3" || provider.name == "Swift"
        if !regionWide && zoneID == nil && role == .image {
            throw APIError.invalid("Zone id is required for a \(provider.name) image store")
        }
        let label = ctx.commandLabel
        let input = DataStoreInput(command: label, name: name ?? "", url: url, zoneID: zoneID, podID: nil, clusterID: nil,
                                   scope: regionWide ? "region" : "zone", hypervisor: nil, details: details, role: role)
        let spec = try provider.lifecycle.initialize(input)
        let storeName = name ?? (provider.name == "S3" ? (details["bucket"] ?? spec.url) : spec.url)
        let store = ImageStoreRecord(id: s.inventory.newID(), name: storeName, zoneID: regionWide ? nil : zoneID, url: spec.url,
                                     protocolName: spec.type, provider: provider.name, scope: regionWide ? "REGION" : "ZONE",
                                     role: role == .imageCache ? "ImageCache" : "Image", readonly: false, totalBytes: spec.capacityBytes,
                                     usedBytes: spec.capacityBytes / 10, details: spec.details, created: APIDate.now())
        s.inventory.imageStores.append(store)
        s.addEvent(type: "IMAGE.STORE.ADD", description: "adding image store \(storeName)", caller: ctx.caller)
        return JSONObject([(itemKey, .object(object(store, s.inventory)))])
    }

    static func add(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let provider = try ctx.required("provider")
        return try addStore(s: &s, ctx, provider: provider)
    }

    private static func addStore(s: inout SimState, _ ctx: RequestContext, provider: String) throws -> JSONObject {
        try addStore(&s, ctx, providerName: provider, role: .image, details: ctx.params.keyValueMap("details"), url: ctx.params.value("url"),
                     name: ctx.params.value("name"), itemKey: "imagestore")
    }

    static func addS3(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        var details: [String: String] = [:]
        for key in ["accesskey", "secretkey", "endpoint", "bucket", "s3signer", "usehttps", "connectiontimeout", "maxerrorretry", "sockettimeout",
                    "connectionttl", "usetcpkeepalive"] {
            if let v = ctx.params.value(key) { details[key] = v }
        }
        return try addStore(&s, ctx, providerName: "S3", role: .image, details: details, url: nil, name: ctx.params.value("name"), itemKey: "imagestore")
    }

    static func createStaging(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let url = try ctx.required("url")
        let scope = ctx.params.value("scope")?.lowercased() ?? "zone"
        guard scope == "zone" else { throw APIError.invalid("Only zone wide cache storage is supported") }
        return try addStore(&s, ctx, providerName: ctx.params.value("provider") ?? "NFS", role: .imageCache, details: ctx.params.keyValueMap("details"),
                            url: url, name: nil, itemKey: "secondarystorage")
    }

    private static func delete(_ s: inout SimState, _ ctx: RequestContext, role: String) throws -> JSONObject {
        let id = try ctx.required("id")
        guard let i = s.inventory.imageStorePosition(id), s.inventory.imageStores[i].role == role else {
            throw APIError.badValue(ctx.commandLabel, "id", id)
        }
        s.inventory.imageStores.remove(at: i)
        return JSONObject([("success", .bool(true))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try delete(&s, ctx, role: "Image") }

    static func deleteStaging(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try delete(&s, ctx, role: "ImageCache") }
}
