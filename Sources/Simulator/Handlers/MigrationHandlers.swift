import CloudStack

/// findHostsForMigration (sync list) and migrateVirtualMachine (async; root admins only): a running VM to another
/// host of its zone (storage motion when its volumes are on a pool of another cluster), a stopped VM's volumes to
/// another pool through the pools' drivers. Checks and texts of ManagementServerImpl and UserVmManagerImpl.
enum MigrationHandlers {
    static let hostFields = ["id", "name", "state", "type", "ipaddress", "zoneid", "zonename", "podid", "podname", "clusterid", "clustername",
                             "clustertype", "hypervisor", "version", "cpunumber", "cpuspeed", "cpuallocated", "cpuallocatedvalue",
                             "cpuallocatedpercentage", "cpuallocatedwithoverprovisioning", "cpuwithoverprovisioning", "cpuused", "memorytotal",
                             "memoryallocated", "memoryallocatedpercentage", "memoryallocatedbytes", "memoryused", "memorywithoverprovisioning",
                             "disksizetotal", "disksizeallocated", "lastpinged", "created", "resourcestate", "hahost", "suitableformigration",
                             "requiresStorageMotion"]

    /// The VM's volumes on cluster-wide pools: a host of another cluster reaches them only by storage motion.
    static func clustersOfVolumes(_ vmIndex: Int, _ inv: Inventory) -> Set<String> {
        Set(inv.volumes(ofVM: vmIndex).compactMap { v in inv.poolIndex(of: v).flatMap { inv.storagePools[$0].clusterID } })
    }

    static func findHosts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let paging = try Paging(ctx)
        let inv = s.inventory
        let id = try ctx.required("id")
        guard let i = inv.vmPosition(id) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        let vm = inv.vms[i]
        guard vm.state == .Running, let source = inv.host(vm.hostID) else {
            throw APIError.invalid("VM is not Running, cannot migrate the vm with specified id")
        }
        let keyword = ctx.params.value("keyword")?.lowercased()
        let others = inv.hosts.filter { $0.zoneID == source.zoneID && $0.hypervisor == source.hypervisor && $0.id != source.id
            && (keyword == nil || $0.name.lowercased().contains(keyword ?? "")) }
        let volumeClusters = clustersOfVolumes(i, inv)
        let usage = VMPlacement.usage(inv, hosts: Set(others.map(\.id)))
        let size = ComputeSizes.of(vm, inv)
        let rules = VMPlacement.affinity(vm.id, inv)
        let rows = others.map { h -> JSONValue in
            let motion = volumeClusters.contains { $0 != h.clusterID }
            let used = usage[h.id] ?? (0, 0)
            let suitable = h.state == "Up" && h.resourceState == "Enabled" && !rules.avoid.contains(h.id)
                && (rules.require == nil || rules.require == h.id)
                && VMPlacement.fits(h, cpu: size.cpuNumber * size.cpuSpeed, memoryMB: size.memory, used: used)
                && (!motion || VMPlacement.rootPool(for: h, inv) != nil)
            return .object(hostObject(h, inv, used: used, suitable: suitable, motion: motion))
        }
        return listContent("host", Array(rows[paging.range(total: rows.count)]), rows.count)
    }

    static func hostObject(_ h: HostRecord, _ inv: Inventory, used: (cpu: Int, mem: Int64), suitable: Bool, motion: Bool) -> JSONObject {
        let cpuTotal = h.cpuNumber * h.cpuSpeed
        let cpuPercent = InfrastructureHandlers.format2(Double(used.cpu) / Double(max(1, cpuTotal)) * 100) + "%"
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
        b.add("version", "4.20.0.0")
        b.add("cpunumber", h.cpuNumber)
        b.add("cpuspeed", h.cpuSpeed)
        b.add("cpuallocated", cpuPercent)
        b.add("cpuallocatedvalue", Int64(used.cpu))
        b.add("cpuallocatedpercentage", cpuPercent)
        b.add("cpuallocatedwithoverprovisioning", InfrastructureHandlers.format2(
            Double(used.cpu) / Double(max(1, cpuTotal * InfrastructureHandlers.cpuOverprovisioning)) * 100) + "%")
        b.add("cpuwithoverprovisioning", String(cpuTotal * InfrastructureHandlers.cpuOverprovisioning))
        b.add("cpuused", InfrastructureHandlers.format2(Double(stableHash(h.id) % 8000) / 100) + "%")
        b.add("memorytotal", h.memoryTotal)
        b.add("memoryallocated", used.mem)
        b.add("memoryallocatedpercentage", InfrastructureHandlers.format2(Double(used.mem) / Double(max(1, h.memoryTotal)) * 100) + "%")
        b.add("memoryallocatedbytes", used.mem)
        b.add("memoryused", Int64(Double(used.mem) * 0.7))
        b.add("memorywithoverprovisioning", String(h.memoryTotal))
        b.add("disksizetotal", Int64(0))
        b.add("disksizeallocated", Int64(0))
        b.date("lastpinged", h.lastPinged)
        b.date("created", h.created)
        b.add("resourcestate", h.resourceState)
        b.add("hahost", false)
        b.add("suitableformigration", suitable)
        b.add("requiresStorageMotion", motion)
        return b.object
    }

    static func migrate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let inv = s.inventory
        let vm = inv.vms[i]
        let hostID = try ctx.uuid("hostid") { inv.host($0) != nil }
        let storageID = try ctx.uuid("storageid") { inv.poolPosition($0) != nil }
        let autoSelect = ctx.params.bool("autoselect") ?? true
        var failure: String?
        var destination: String?
        if hostID != nil && storageID != nil {
            failure = "Only one of hostId and storageId can be specified"
        } else if let storageID, let dest = inv.poolPosition(storageID) {
            if vm.state != .Stopped {
                failure = "VM is not Stopped, unable to migrate the vm having the specified id"
            } else {
                failure = inv.volumes(ofVM: i).lazy.compactMap { v in v.poolID == storageID ? nil : VolumeMigrateHandlers.problem(v, to: dest, live: false, inv) }.first
            }
        } else if vm.state != .Running {
            failure = hostID == nil && !autoSelect ? "Either hostId or storageId must be specified" : "VM is not Running, unable to migrate the vm with specified id"
        } else if let hostID, let host = inv.host(hostID) {
            failure = hostProblem(vm, to: host, i, inv)
            destination = hostID
        } else if let host = autoChoice(i, inv) {
            destination = host.id
        } else {
            failure = "Unable to find a suitable destination host to migrate \(ComputeAccess.label(vm))"
        }
        if failure == nil, destination != nil { s.inventory.vms[i].state = .Migrating }
        s.addEvent(type: "VM.MIGRATE", description: "migrating VM. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id, target = destination
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: id, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
            if let destination = target {
                finishHostMigration(k, to: destination, &state.inventory)
            } else if let storageID, let dest = state.inventory.poolPosition(storageID) {
                if let e = moveVolumes(k, to: dest, &state.inventory) { return .failure(e) }
            }
            return .success(JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin)))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    /// Why the running VM cannot go to the host (UserVmManagerImpl.migrateVirtualMachine's order), or nil.
    static func hostProblem(_ vm: VirtualMachineRecord, to host: HostRecord, _ i: Int, _ inv: Inventory) -> String? {
        guard let source = inv.host(vm.hostID) else { return "Unable to find the host (with specified id) of VM with specified id" }
        if host.id == source.id { return "Cannot migrate VM, VM is already present on this host, please specify valid destination host to migrate the VM" }
        if host.state != "Up" || host.resourceState != "Enabled" {
            return "Cannot migrate VM, destination host is not in correct state, has status: \(host.state), state: \(host.resourceState)"
        }
        if host.zoneID != source.zoneID { return "Cannot migrate VM, destination host is not in the same zone as the source host" }
        if host.hypervisor != source.hypervisor {
            return "Source and destination host are not of same hypervisor type: \(source.hypervisor) and \(host.hypervisor)"
        }
        if clustersOfVolumes(i, inv).contains(where: { $0 != host.clusterID }) {
            return "Cannot migrate the VM, destination host is not in the same cluster as current host of the VM"
        }
        let rules = VMPlacement.affinity(vm.id, inv)
        if rules.avoid.contains(host.id) || (rules.require != nil && rules.require != host.id) {
            return "Cannot migrate VM, the destination host violates the affinity groups of \(ComputeAccess.label(vm))"
        }
        let size = ComputeSizes.of(vm, inv)
        let used = VMPlacement.usage(inv, hosts: [host.id])[host.id] ?? (0, 0)
        if !VMPlacement.fits(host, cpu: size.cpuNumber * size.cpuSpeed, memoryMB: size.memory, used: used) {
            return "Cannot migrate VM, destination host \(host.name) does not have enough capacity for \(ComputeAccess.label(vm))"
        }
        return nil
    }

    /// autoselect: the fit host of the VM's cluster with the least memory allocated.
    static func autoChoice(_ i: Int, _ inv: Inventory) -> HostRecord? {
        let vm = inv.vms[i]
        guard let source = inv.host(vm.hostID) else { return nil }
        return inv.hosts.filter { $0.clusterID == source.clusterID && $0.id != source.id && hostProblem(vm, to: $0, i, inv) == nil }
            .min { a, b in
                let ua = VMPlacement.usage(inv, hosts: [a.id])[a.id]?.mem ?? 0
                let ub = VMPlacement.usage(inv, hosts: [b.id])[b.id]?.mem ?? 0
                return ua == ub ? a.name < b.name : ua < ub
            }
    }

    static func finishHostMigration(_ k: Int, to hostID: String, _ inv: inout Inventory) {
        inv.vms[k].state = .Running
        inv.vms[k].hostID = hostID
        inv.vms[k].lastHostID = hostID
    }

    /// A stopped VM's volumes to another pool, each through the pools' drivers, as migrateVolume moves one.
    static func moveVolumes(_ k: Int, to dest: Int, _ inv: inout Inventory) -> APIError? {
        let vmID = inv.vms[k].id
        let destID = inv.storagePools[dest].id
        for v in inv.volumes(ofVM: k) where v.poolID != destID {
            if let text = VolumeMigrateHandlers.problem(v, to: dest, live: false, inv) { return .internalError(text) }
            guard let source = inv.poolIndex(of: v) else { continue }
            if let e = VolumeMigrateHandlers.copy(v, from: source, to: dest, &inv) { return e }
            if let position = inv.volumes.position(v.id) {
                inv.volumes.update(at: position) { $0.poolID = destID }
            }
            // A ROOT volume derived from its VM lives where the VM record says.
            if v.type == .ROOT, let i = inv.vmPosition(vmID) { inv.vms[i].poolID = destID }
        }
        return nil
    }
}
