import CloudStack

/// updateZone, updatePod, updateCluster (sync): allocation state (Enabled/Disabled, spelled as Grouping.AllocationState),
/// names, and a cluster's managed state, answered with the updated object.
enum AllocationStateHandlers {
    static let allocationStates: Set<String> = ["Enabled", "Disabled"]
    static let managedStates: Set<String> = ["Managed", "PrepareUnmanaged", "Unmanaged", "PrepareUnmanagedError"]

    /// The requested allocation state, checked as Grouping.AllocationState.valueOf does (case matters).
    static func allocationState(_ ctx: RequestContext) throws -> String? {
        guard let a = ctx.params.value("allocationstate") else { return nil }
        guard allocationStates.contains(a) else { throw APIError.invalid("Unable to resolve Allocation State '\(a)' to a supported state") }
        return a
    }

    static func updateZone(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let id = try ctx.required("id")
        guard let i = s.inventory.zones.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        let state = try allocationState(ctx)
        if let state { s.inventory.zones[i].allocationState = state }
        if let name = ctx.params.value("name") { s.inventory.zones[i].name = name }
        if let dns = ctx.params.value("dns1") { s.inventory.zones[i].dns1 = dns }
        if let dns = ctx.params.value("internaldns1") { s.inventory.zones[i].internalDNS1 = dns }
        s.addEvent(type: "ZONE.EDIT", description: "editing zone: \(id)", caller: ctx.caller, resourceID: id, resourceType: "Zone")
        return JSONObject([("zone", .object(InfrastructureHandlers.zoneObject(s.inventory.zones[i], admin: true)))])
    }

    static func updatePod(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let id = try ctx.required("id")
        guard let i = s.inventory.pods.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        let state = try allocationState(ctx)
        if let state { s.inventory.pods[i].allocationState = state }
        if let name = ctx.params.value("name") { s.inventory.pods[i].name = name }
        s.addEvent(type: "POD.EDIT", description: "editing pod: \(id)", caller: ctx.caller, resourceID: id, resourceType: "Pod")
        return JSONObject([("pod", .object(InfrastructureHandlers.podObject(s.inventory.pods[i], s.inventory)))])
    }

    static func updateCluster(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let id = try ctx.required("id")
        guard let i = s.inventory.clusters.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        let state = try allocationState(ctx)
        var managed: String?
        if let m = ctx.params.value("managedstate") {
            guard managedStates.contains(m) else { throw APIError.invalid("Unable to resolve Managed State '\(m)' to a supported state") }
            managed = m
        }
        if let state { s.inventory.clusters[i].allocationState = state }
        // The server passes through PrepareUnmanaged while it disconnects the hosts; the simulator lands at once.
        if let managed { s.inventory.clusters[i].managedState = managed == "PrepareUnmanaged" ? "Unmanaged" : managed }
        if let name = ctx.params.value("clustername") { s.inventory.clusters[i].name = name }
        s.addEvent(type: "CLUSTER.UPDATE", description: "updating cluster: \(id)", caller: ctx.caller, resourceID: id, resourceType: "Cluster")
        return JSONObject([("cluster", .object(InfrastructureHandlers.clusterObject(s.inventory.clusters[i], s.inventory)))])
    }
}
