import CloudStack

/// Primary storage: list, create, update, delete, maintenance (async), and listStorageProviders.
enum StorageHandlers {
    static let poolFields = ["id", "name", "zoneid", "zonename", "podid", "podname", "clusterid", "clustername", "ipaddress", "path", "created",
                             "type", "state", "scope", "disksizetotal", "disksizeallocated", "disksizeused", "capacityiops", "overprovisionfactor",
                             "tags", "istagarule", "hypervisor", "provider", "suitableformigration", "storagecapabilities", "managed"]

    static func object(_ p: StoragePoolRecord, _ inv: Inventory, pendingJob: String? = nil) -> JSONObject {
        var b = ObjectBuilder(capacity: 28)
        b.add("id", p.id)
        b.add("zoneid", p.zoneID)
        b.add("zonename", inv.zone(p.zoneID)?.name)
        if let pod = inv.pod(p.podID) {
            b.add("podid", pod.id)
            b.add("podname", pod.name)
        }
        b.add("name", p.name)
        b.add("ipaddress", p.ipAddress)
        b.add("path", p.path)
        b.date("created", p.created)
        b.add("type", p.type)
        if let c = inv.cluster(p.clusterID) {
            b.add("clusterid", c.id)
            b.add("clustername", c.name)
        }
        b.add("disksizetotal", p.capacityBytes)
        b.add("disksizeallocated", p.allocatedBytes)
        b.add("disksizeused", p.usedBytes)
        if let iops = p.capacityIops { b.add("capacityiops", iops) }
        b.add("overprovisionfactor", p.type == "NetworkFilesystem" ? "2.0" : "1.0")
        if let t = p.tags { b.add("tags", t) }
        b.add("istagarule", false)
        b.add("state", p.state)
        b.add("scope", p.scope)
        if let h = p.hypervisor { b.add("hypervisor", h) }
        b.add("provider", p.provider)
        b.add("storagecapabilities", .object(JSONObject([("VOLUME_SNAPSHOT_QUIESCEVM", .string("false"))])))
        b.add("managed", p.managed)
        if let opts = p.details["nfsmountopts"] { b.add("nfsmountopts", opts) }
        b.add("hasannotations", false)
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    static func listPools(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.poolPosition($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { inv.cluster($0) != nil }
        let name = p.value("name"), ip = p.value("ipaddress"), path = p.value("path")
        let scope = p.value("scope")?.uppercased(), status = p.value("status")?.lowercased()
        let pending = s.pendingJobByInstance
        return try InfrastructureHandlers.page(ctx, inv.storagePools, key: "storagepool", where: { sp in
            (id == nil || sp.id == id) && (zoneID == nil || sp.zoneID == zoneID) && (podID == nil || sp.podID == podID)
                && (clusterID == nil || sp.clusterID == clusterID || (sp.scope == "ZONE" && inv.cluster(clusterID)?.zoneID == sp.zoneID))
                && (name == nil || sp.name == name) && (ip == nil || sp.ipAddress == ip) && (path == nil || sp.path == path)
                && (scope == nil || sp.scope == scope) && (status == nil || sp.state.lowercased() == status)
                && InfrastructureHandlers.keywordMatch(ctx, sp.name)
        }) { .object(object($0, inv, pendingJob: pending[$0.id])) }
    }

    static func createPool(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let p = ctx.params
        let label = ctx.commandLabel
        let name = try ctx.required("name")
        let url = try ctx.required("url")
        guard let zoneID = try ctx.uuid("zoneid", exists: { s.inventory.zone($0) != nil }), let zone = s.inventory.zone(zoneID) else {
            throw APIError.missing(label, "zoneid")
        }
        let podID = try ctx.uuid("podid") { s.inventory.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { s.inventory.cluster($0) != nil }
        let providerName = p.value("provider") ?? "DefaultPrimary"
        guard let provider = DataStoreProviderRegistry.provider(named: providerName), provider.types.contains(.primary) else {
            throw APIError.invalid("can't find storage provider: \(providerName)")
        }
        let scope = (p.value("scope") ?? (clusterID == nil && podID == nil ? "zone" : "cluster")).lowercased()
        guard ["cluster", "zone", "host"].contains(scope) else {
            throw APIError.badValue(label, "scope", p.value("scope") ?? scope)
        }
        if scope == "cluster" {
            guard clusterID != nil else { throw APIError.invalid("cluster id can't be null, if scope is cluster") }
            guard podID != nil else { throw APIError.invalid("Cluster id requires pod id") }
        }
        var hypervisor = p.value("hypervisor")
        if scope == "zone" {
            let allowed = ["KVM", "VMware", "Hyperv", "Any", "Simulator"]
            guard let h = hypervisor, let match = allowed.first(where: { $0.lowercased() == h.lowercased() }) else {
                throw APIError.invalid("zone wide storage pool is not supported for hypervisor type \(hypervisor ?? "None")")
            }
            hypervisor = match
        }
        if s.inventory.storagePools.contains(where: { $0.name == name && $0.zoneID == zoneID }) {
            throw APIError.invalid("Storage pool with name \(name) already exists in zone \(zone.name)")
        }
        let input = DataStoreInput(command: label, name: name, url: url, zoneID: zoneID, podID: podID, clusterID: clusterID, scope: scope,
                                   hypervisor: hypervisor, details: p.flatMap("details"), role: .primary)
        let spec = try provider.lifecycle.initialize(input)
        var capacity = spec.capacityBytes
        if let text = p.value("capacitybytes") {
            guard let c = Int64(text.replacingOccurrences(of: ",", with: "")), c > 0 else { throw APIError.badNumber(label, "capacitybytes", text) }
            capacity = c
        }
        var iops: Int64?
        if let text = p.value("capacityiops") {
            guard let c = Int64(text.replacingOccurrences(of: ",", with: "")), c > 0 else { throw APIError.badNumber(label, "capacityiops", text) }
            iops = c
        }
        var pool = StoragePoolRecord(id: s.inventory.newID(), name: name, zoneID: zoneID, podID: podID, clusterID: clusterID, scope: scope.uppercased(),
                                     type: spec.type, ipAddress: spec.host, path: spec.path, url: spec.url, provider: provider.name, state: "Initialized",
                                     capacityBytes: capacity, usedBytes: 0, allocatedBytes: 0, capacityIops: iops, tags: p.value("tags"),
                                     hypervisor: hypervisor, managed: spec.managed ?? p.bool("managed") ?? false, created: APIDate.now(), details: spec.details)
        switch scope {
        case "cluster":
            guard let cluster = s.inventory.cluster(clusterID) else { throw APIError.missing(label, "clusterid") }
            guard s.inventory.hosts.contains(where: { $0.clusterID == cluster.id && $0.state == "Up" }) else {
                throw APIError.internalError("Failed to create storage pool as it is not accessible to hosts.")
            }
            try provider.lifecycle.attachCluster(&pool, cluster: cluster)
        case "host":
            guard let host = s.inventory.hosts.first(where: { $0.clusterID == clusterID }) else { throw APIError.missing(label, "clusterid") }
            try provider.lifecycle.attachHost(&pool, host: host)
        default:
            try provider.lifecycle.attachZone(&pool, zone: zone, hypervisor: hypervisor ?? "Any")
        }
        s.inventory.storagePools.append(pool)
        s.addEvent(type: "STORAGE.POOL.CREATE", description: "creating storage pool \(name)", caller: ctx.caller)
        return JSONObject([("storagepool", .object(object(pool, s.inventory)))])
    }

    static func pool(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let id = try ctx.required("id")
        guard let i = s.inventory.poolPosition(id) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        return i
    }

    static func updatePool(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try pool(s, ctx)
        let p = ctx.params
        var sp = s.inventory.storagePools[i]
        if let name = p.value("name") { sp.name = name }
        if let tags = p["tags"] { sp.tags = tags.isEmpty ? nil : tags }
        if let text = p.value("capacitybytes") {
            guard let c = Int64(text), c > 0 else { throw APIError.badNumber(ctx.commandLabel, "capacitybytes", text) }
            sp.capacityBytes = c
        }
        if let text = p.value("capacityiops") {
            guard let c = Int64(text), c > 0 else { throw APIError.badNumber(ctx.commandLabel, "capacityiops", text) }
            sp.capacityIops = c
        }
        for (k, v) in p.flatMap("details") { sp.details[k] = v }
        if let enabled = p.bool("enabled") {
            if enabled {
                if sp.state == "Disabled" { sp.state = "Up" }
            } else {
                guard sp.state == "Up" || sp.state == "Disabled" else {
                    throw APIError.invalid("Storage pool \(sp.name) is in \(sp.state) state; only an Up pool can be disabled")
                }
                sp.state = "Disabled"
            }
        }
        s.inventory.storagePools[i] = sp
        return JSONObject([("storagepool", .object(object(sp, s.inventory)))])
    }

    static func deletePool(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try pool(s, ctx)
        let sp = s.inventory.storagePools[i]
        let provider = DataStoreProviderRegistry.provider(named: sp.provider) ?? DefaultPrimaryProvider()
        try provider.lifecycle.deleteDataStore(sp)
        if ctx.params.bool("forced") != true, s.inventory.vms.contains(where: { $0.poolID == sp.id && $0.state != .Destroyed && $0.state != .Expunging }) {
            throw APIError(536, 4375, "Cannot delete pool \(sp.name) as there are associated non-destroyed vols for this pool")
        }
        s.inventory.storagePools.remove(at: i)
        s.addEvent(type: "STORAGE.POOL.DELETE", description: "deleting storage pool \(sp.name)", caller: ctx.caller)
        return JSONObject([("success", .bool(true))])
    }

    static func enableMaintenance(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        try maintenanceJob(&s, ctx, step: { try $0.maintain(&$1) }, action: JobAction.prepareMaintenance)
    }

    static func cancelMaintenance(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        try maintenanceJob(&s, ctx, step: { try $0.cancelMaintain(&$1) }, action: JobAction.cancelMaintenance)
    }

    /// Runs the provider's lifecycle step on the pool now (its transitional state shows at once) and queues the job
    /// that finishes it; a step the provider refuses becomes the job's failure, as the server reports it.
    private static func maintenanceJob(_ s: inout SimState, _ ctx: RequestContext,
                                       step: (any DataStoreLifecycle, inout StoragePoolRecord) throws -> Void,
                                       action: (String) -> JobAction) throws -> JSONObject {
        let i = try pool(s, ctx)
        var sp = s.inventory.storagePools[i]
        let provider = DataStoreProviderRegistry.provider(named: sp.provider) ?? DefaultPrimaryProvider()
        var failure: String?
        do { try step(provider.lifecycle, &sp) } catch let e as APIError { failure = e.text }
        s.inventory.storagePools[i] = sp
        let job = JobRunner.submit(&s, ctx, instanceType: "StoragePool", instanceID: sp.id, action: action(sp.id), failure: failure)
        return JSONObject([("jobid", .string(job))])
    }

    static func finishMaintenance(_ id: String, to state: String, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let i = s.inventory.poolPosition(id) else { return .failure(.internalError("Unable to find storage pool \(id)")) }
        s.inventory.storagePools[i].state = state
        return .success(JSONObject([("storagepool", .object(object(s.inventory.storagePools[i], s.inventory)))]))
    }

    /// listStorageTags: one item per (pool, tag) pair, from each pool's comma-separated tags, as the
    /// storage_pool_tags table holds them; ids are the row numbers.
    static func listTags(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        var items: [(pool: StoragePoolRecord, tag: String)] = []
        for pool in s.inventory.storagePools {
            for tag in (pool.tags ?? "").split(separator: ",") {
                let t = tag.trimmingCharacters(in: .whitespaces)
                if !t.isEmpty { items.append((pool, t)) }
            }
        }
        let numbered = items.enumerated().map { (id: $0.offset + 1, pool: $0.element.pool, tag: $0.element.tag) }
        return try InfrastructureHandlers.page(ctx, numbered, key: "storagetag", where: { InfrastructureHandlers.keywordMatch(ctx, $0.tag) }) { item in
            .object(JSONObject([("id", .string(String(item.id))), ("name", .string(item.tag)), ("poolid", .string(item.pool.id)),
                                ("poolname", .string(item.pool.name))]))
        }
    }

    static func listProviders(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let type = try ctx.required("type")
        let role: DataStoreRole
        switch type.lowercased() {
        case "primary": role = .primary
        case "image": role = .image
        default: throw APIError.invalid("Unsupported data store provider type: \(type)")
        }
        let items = DataStoreProviderRegistry.providers(for: role).map { p in
            JSONValue.object(JSONObject([("name", .string(p.name)), ("type", .string(role.rawValue))]))
        }
        return listContent("dataStoreProvider", items, items.count)
    }
}

import Foundation
