import CloudStack

/// Zones, pods, clusters, hosts, and the dashboard lists: events, alerts, capacity.
enum InfrastructureHandlers {
    /// Filters, pages and renders `items`, the shape every plain list command shares.
    static func page<T>(_ ctx: RequestContext, _ items: [T], key: String, where keep: (T) -> Bool, render: (T) -> JSONValue) throws -> JSONObject {
        let paging = try Paging(ctx)
        let matches = items.filter(keep)
        return listContent(key, matches[paging.range(total: matches.count)].map(render), matches.count)
    }

    static func keywordMatch(_ ctx: RequestContext, _ names: String...) -> Bool {
        guard let k = ctx.params.value("keyword")?.lowercased() else { return true }
        return names.contains { $0.lowercased().contains(k) }
    }

    static func listZones(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.zone($0) != nil }
        let name = ctx.params.value("name")
        // A Disabled zone takes no new resources: users do not see it, and available=true leaves it out.
        let enabledOnly = !ctx.caller.isAdmin || ctx.params.bool("available") == true
        return try page(ctx, inv.zones, key: "zone", where: { z in
            (id == nil || z.id == id) && (name == nil || z.name == name) && keywordMatch(ctx, z.name)
                && (!enabledOnly || (z.allocationState ?? "Enabled") == "Enabled")
        }) { .object(zoneObject($0, admin: ctx.caller.isAdmin)) }
    }

    static func zoneObject(_ z: ZoneRecord, admin: Bool) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", z.id)
        b.add("name", z.name)
        b.add("description", "Simulated zone \(z.name)")
        if admin {
            b.add("dns1", z.dns1)
            b.add("internaldns1", z.internalDNS1)
            b.add("guestcidraddress", z.guestCIDR)
        }
        b.add("networktype", "Advanced")
        b.add("securitygroupsenabled", false)
        b.add("allocationstate", z.allocationState ?? "Enabled")
        b.add("zonetoken", String(stableHash(z.id), radix: 16))
        b.add("dhcpprovider", "VirtualRouter")
        b.add("localstorageenabled", false)
        b.add("type", "Core")
        b.add("tags", .array([]))
        return b.object
    }

    static func listPods(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.pod($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let name = ctx.params.value("name")
        let allocation = ctx.params.value("allocationstate")
        return try page(ctx, inv.pods, key: "pod", where: { p in
            (id == nil || p.id == id) && (zoneID == nil || p.zoneID == zoneID) && (name == nil || p.name == name) && keywordMatch(ctx, p.name)
                && (allocation == nil || (p.allocationState ?? "Enabled") == allocation)
        }) { .object(podObject($0, inv)) }
    }

    static func podObject(_ p: PodRecord, _ inv: Inventory) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", p.id)
        b.add("name", p.name)
        b.add("zoneid", p.zoneID)
        b.add("zonename", inv.zone(p.zoneID)?.name)
        b.add("gateway", p.gateway)
        b.add("netmask", p.netmask)
        b.add("startip", .array([.string(p.startIP)]))
        b.add("endip", .array([.string(p.endIP)]))
        b.add("allocationstate", p.allocationState ?? "Enabled")
        return b.object
    }

    static func listClusters(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { inv.cluster($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let name = ctx.params.value("name")
        let hv = ctx.params.value("hypervisor")?.lowercased()
        let allocation = ctx.params.value("allocationstate")
        let managed = ctx.params.value("managedstate")
        return try page(ctx, inv.clusters, key: "cluster", where: { c in
            (id == nil || c.id == id) && (zoneID == nil || c.zoneID == zoneID) && (podID == nil || c.podID == podID)
                && (name == nil || c.name == name) && (hv == nil || c.hypervisor.lowercased() == hv) && keywordMatch(ctx, c.name)
                && (allocation == nil || (c.allocationState ?? "Enabled") == allocation) && (managed == nil || (c.managedState ?? "Managed") == managed)
        }) { .object(clusterObject($0, inv)) }
    }

    static func clusterObject(_ c: ClusterRecord, _ inv: Inventory) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", c.id)
        b.add("name", c.name)
        b.add("podid", c.podID)
        b.add("podname", inv.pod(c.podID)?.name)
        b.add("zoneid", c.zoneID)
        b.add("zonename", inv.zone(c.zoneID)?.name)
        b.add("hypervisortype", c.hypervisor)
        b.add("clustertype", c.hypervisor == "VMware" ? "ExternalManaged" : "CloudManaged")
        b.add("allocationstate", c.allocationState ?? "Enabled")
        b.add("managedstate", c.managedState ?? "Managed")
        b.add("cpuovercommitratio", "2.0")
        b.add("memoryovercommitratio", "1.0")
        return b.object
    }

    static let cpuOverprovisioning = 3

    static func hostUsage(_ inv: Inventory) -> [String: (cpu: Int, mem: Int64, count: Int)] {
        var d: [String: (cpu: Int, mem: Int64, count: Int)] = [:]
        for vm in inv.vms where vm.state == .Running {
            guard let h = vm.hostID, let o = inv.offering(vm.serviceOfferingID) else { continue }
            var e = d[h] ?? (0, 0, 0)
            e.cpu += o.cpuNumber * o.cpuSpeed
            e.mem += Int64(o.memory) * 1_048_576
            e.count += 1
            d[h] = e
        }
        return d
    }

    static func listHosts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.host($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { inv.cluster($0) != nil }
        let name = p.value("name")?.lowercased()
        let state = p.value("state")?.lowercased()
        let type = p.value("type")?.lowercased()
        let resourceState = p.value("resourcestate")?.lowercased()
        let usage = hostUsage(inv)
        let pending = s.pendingJobByInstance
        return try page(ctx, inv.hosts, key: "host", where: { h in
            (id == nil || h.id == id) && (zoneID == nil || h.zoneID == zoneID) && (podID == nil || h.podID == podID)
                && (clusterID == nil || h.clusterID == clusterID) && (name == nil || h.name.lowercased().contains(name ?? ""))
                && (state == nil || h.state.lowercased() == state) && (type == nil || type == "routing")
                && (resourceState == nil || h.resourceState.lowercased() == resourceState) && keywordMatch(ctx, h.name, h.ipAddress)
        }) { h in .object(hostObject(h, inv, usage: usage[h.id] ?? (0, 0, 0), pendingJob: pending[h.id])) }
    }

    static func hostObject(_ h: HostRecord, _ inv: Inventory, usage u: (cpu: Int, mem: Int64, count: Int), pendingJob: String? = nil) -> JSONObject {
        let cpuTotal = h.cpuNumber * h.cpuSpeed
        let hash = stableHash(h.id)
        var b = ObjectBuilder(capacity: 40)
        b.add("id", h.id)
        b.add("name", h.name)
        b.add("state", h.state)
        b.add("type", "Routing")
        b.add("ipaddress", h.ipAddress)
        b.add("zoneid", h.zoneID)
        b.add("zonename", inv.zone(h.zoneID)?.name)
        b.add("podid", h.podID)
        b.add("podname", inv.pod(h.podID)?.name)
        b.add("clusterid", h.clusterID)
        b.add("clustername", inv.cluster(h.clusterID)?.name)
        b.add("clustertype", h.hypervisor == "VMware" ? "ExternalManaged" : "CloudManaged")
        b.add("hypervisor", h.hypervisor)
        if !h.hypervisorVersion.isEmpty { b.add("hypervisorversion", h.hypervisorVersion) }
        b.add("version", "4.20.0.0")
        b.add("cpusockets", h.cpuSockets)
        b.add("cpunumber", h.cpuNumber)
        b.add("cpuspeed", h.cpuSpeed)
        b.add("cpuallocated", String(format2(Double(u.cpu) / Double(max(1, cpuTotal)) * 100)) + "%")
        b.add("cpuallocatedvalue", Int64(u.cpu))
        b.add("cpuallocatedpercentage", String(format2(Double(u.cpu) / Double(max(1, cpuTotal)) * 100)) + "%")
        b.add("cpuused", String(format2(Double(hash % 8000) / 100)) + "%")
        b.add("cpuloadaverage", Double(hash % 400) / 100)
        b.add("memorytotal", h.memoryTotal)
        b.add("memorywithoverprovisioning", String(h.memoryTotal))
        b.add("memoryallocated", u.mem)
        b.add("memoryallocatedpercentage", String(format2(Double(u.mem) / Double(max(1, h.memoryTotal)) * 100)) + "%")
        b.add("memoryallocatedbytes", u.mem)
        b.add("memoryused", Int64(Double(u.mem) * 0.7))
        b.add("disksizetotal", Int64(0))
        b.add("disksizeallocated", Int64(0))
        b.date("lastpinged", h.lastPinged)
        b.add("managementserverid", AdminSeeder.primaryManagementServerID)
        b.date("created", h.created)
        b.add("events", "AgentDisconnected; Remove; ShutdownRequested; PingTimeout; Ping; StartAgentRebalance; HostDown; ManagementServerDown; AgentConnected")
        b.add("resourcestate", h.resourceState)
        b.add("hahost", false)
        b.add("ueficapability", true)
        b.add("encryptionsupported", true)
        b.add("instances", "\(u.count)")
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    static func format2(_ d: Double) -> String {
        let v = (d * 100).rounded() / 100
        let whole = Int(v)
        let frac = Int(((v - Double(whole)) * 100).rounded())
        return "\(whole).\(frac < 10 ? "0" : "")\(frac)"
    }

    static func listEvents(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = ctx.params.value("id")
        let type = ctx.params.value("type")?.uppercased()
        let level = ctx.params.value("level")?.uppercased()
        let resourceID = ctx.params.value("resourceid")
        let resourceType = ctx.params.value("resourcetype")?.lowercased()
        let archived = ctx.params.bool("archived") ?? false
        let dates = try DateRange(ctx)
        let scope = ctx.visibleAccount(inv)
        return try page(ctx, Array(inv.events.reversed()), key: "event", where: { e in
            (scope.all || e.accountID == scope.accountID) && (id == nil || e.id == id) && (type == nil || e.type == type)
                && (level == nil || e.level == level) && (e.archived ?? false) == archived && dates.contains(e.created)
                && (resourceID == nil || e.resourceID == resourceID) && (resourceType == nil || e.resourceType?.lowercased() == resourceType)
                && keywordMatch(ctx, e.type, e.description)
        }) { e in
            let account = inv.account(e.accountID)
            var b = ObjectBuilder()
            b.add("id", e.id)
            b.add("username", inv.user(e.userID)?.username)
            b.add("type", e.type)
            b.add("level", e.level)
            b.add("description", e.description)
            b.add("account", account?.name)
            b.add("domainid", account?.domainID)
            b.add("domain", inv.domainName(account?.domainID))
            b.add("domainpath", inv.domainPath(account?.domainID))
            if let r = e.resourceID { b.add("resourceid", r) }
            if let t = e.resourceType { b.add("resourcetype", t) }
            b.date("created", e.created)
            b.add("state", e.state)
            b.add("parentid", "00000000-0000-0000-0000-000000000000")
            b.add("archived", e.archived ?? false)
            return b.value
        }
    }

    static func listAlerts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = ctx.params.value("id")
        let type = ctx.params.value("type")
        let name = ctx.params.value("name")
        return try page(ctx, Array(inv.alerts.reversed()), key: "alert", where: { a in
            !(a.archived ?? false) && (id == nil || a.id == id) && (type == nil || String(a.type) == type) && (name == nil || a.name == name)
                && keywordMatch(ctx, a.description)
        }) { a in
            var b = ObjectBuilder()
            b.add("id", a.id)
            b.add("type", a.type)
            b.add("name", a.name)
            b.add("description", a.description)
            b.date("sent", a.sent)
            return b.value
        }
    }

    /// Capacity per zone, computed from hosts, VMs and storage (Capacity types: 0 memory, 1 CPU, 2 storage, 3 storage allocated, 6 secondary storage).
    static func listCapacity(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let type = ctx.params.value("type").flatMap(Int.init)
        let usage = hostUsage(inv)
        var rows: [(Int, String, ZoneRecord, Int64, Int64)] = []
        for z in inv.zones where zoneID == nil || z.id == zoneID {
            let hosts = inv.hosts.filter { $0.zoneID == z.id }
            let memTotal = hosts.reduce(Int64(0)) { $0 + $1.memoryTotal }
            let memUsed = hosts.reduce(Int64(0)) { $0 + (usage[$1.id]?.mem ?? 0) }
            // capacitytotal includes cpu.overprovisioning.factor, as the server reports it (operators commonly set 2-4).
            let cpuTotal = hosts.reduce(Int64(0)) { $0 + Int64($1.cpuNumber * $1.cpuSpeed) } * Int64(Self.cpuOverprovisioning)
            let cpuUsed = hosts.reduce(Int64(0)) { $0 + Int64(usage[$1.id]?.cpu ?? 0) }
            let pools = inv.storagePools.filter { $0.zoneID == z.id }
            let stTotal = pools.reduce(Int64(0)) { $0 + $1.capacityBytes }
            let stUsed = pools.reduce(Int64(0)) { $0 + $1.usedBytes }
            let stAlloc = pools.reduce(Int64(0)) { $0 + $1.allocatedBytes }
            let sec = inv.imageStores.filter { $0.zoneID == z.id }
            rows += [(0, "MEMORY", z, memTotal, memUsed), (1, "CPU", z, cpuTotal, cpuUsed), (2, "STORAGE", z, stTotal, stUsed),
                     (3, "STORAGE_ALLOCATED", z, stTotal, stAlloc),
                     (6, "SECONDARY_STORAGE", z, sec.reduce(Int64(0)) { $0 + $1.totalBytes }, sec.reduce(Int64(0)) { $0 + $1.usedBytes })]
        }
        return try page(ctx, rows, key: "capacity", where: { type == nil || $0.0 == type }) { r in
            var b = ObjectBuilder()
            b.add("type", r.0)
            b.add("name", r.1)
            b.add("zoneid", r.2.id)
            b.add("zonename", r.2.name)
            b.add("capacityallocated", r.4)
            b.add("capacityused", r.4)
            b.add("capacitytotal", r.3)
            b.add("percentused", format2(r.3 == 0 ? 0 : Double(r.4) / Double(r.3) * 100))
            return b.value
        }
    }
}
