import CloudStack

/// listSystemVms and the SystemVmResponse every system VM command answers with.
enum SystemVMHandlers {
    static let fields = ["id", "name", "systemvmtype", "state", "agentstate", "hostid", "hostname", "podid", "podname", "zoneid", "zonename",
                         "publicip", "privateip", "linklocalip", "activeviewersessions", "created", "version", "templatename", "hypervisor"]

    static func object(_ vm: SystemVMRecord, _ inv: Inventory, pendingJob: String? = nil) -> JSONObject {
        var b = ObjectBuilder(capacity: 28)
        b.add("id", vm.id)
        b.add("systemvmtype", vm.type)
        b.add("zoneid", vm.zoneID)
        b.add("zonename", inv.zone(vm.zoneID)?.name)
        b.add("dns1", inv.zone(vm.zoneID)?.dns1)
        b.add("gateway", vm.publicIP.split(separator: ".").prefix(3).joined(separator: ".") + ".1")
        b.add("name", vm.name)
        b.add("podid", vm.podID)
        b.add("podname", inv.pod(vm.podID)?.name)
        if let host = inv.host(vm.hostID) {
            b.add("hostid", host.id)
            b.add("hostname", host.name)
        }
        let hypervisor = inv.host(vm.lastHostID)?.hypervisor ?? "KVM"
        b.add("hypervisor", hypervisor)
        b.add("privateip", vm.privateIP)
        b.add("privatenetmask", "255.255.255.0")
        b.add("linklocalip", vm.linkLocalIP)
        b.add("linklocalnetmask", "255.255.0.0")
        b.add("publicip", vm.publicIP)
        b.add("publicnetmask", "255.255.255.0")
        b.add("templatename", "SystemVM Template (\(hypervisor))")
        b.date("created", vm.created)
        b.add("state", vm.state)
        b.add("agentstate", vm.agentState)
        if vm.isConsoleProxy { b.add("activeviewersessions", vm.activeViewerSessions) }
        if let d = vm.disconnected { b.date("disconnected", d) }
        b.add("version", vm.version)
        b.add("isdynamicallyscalable", false)
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { id in inv.admin.systemVMs.contains { $0.id == id } }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let hostID = try ctx.uuid("hostid") { inv.host($0) != nil }
        let name = p.value("name")
        let state = p.value("state")?.lowercased()
        let type = p.value("systemvmtype")?.lowercased()
        let pending = s.pendingJobByInstance
        return try InfrastructureHandlers.page(ctx, inv.admin.systemVMs, key: "systemvm", where: { vm in
            (id == nil || vm.id == id) && (zoneID == nil || vm.zoneID == zoneID) && (podID == nil || vm.podID == podID)
                && (hostID == nil || vm.hostID == hostID) && (name == nil || vm.name == name) && (state == nil || vm.state.lowercased() == state)
                && (type == nil || vm.type == type) && InfrastructureHandlers.keywordMatch(ctx, vm.name)
        }) { .object(object($0, inv, pendingJob: pending[$0.id])) }
    }
}
