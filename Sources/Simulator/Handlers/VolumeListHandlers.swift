import CloudStack

/// listVolumes and the volume object every volume command answers with (VolumeResponse).
enum VolumeListHandlers {
    static let fields = ["id", "name", "zoneid", "zonename", "type", "deviceid", "virtualmachineid", "vmname", "vmdisplayname", "vmstate", "vmtype",
                         "provisioningtype", "size", "miniops", "maxiops", "created", "state", "account", "domainid", "domain", "storagetype",
                         "hypervisor", "diskofferingid", "diskofferingname", "diskofferingdisplaytext", "storage", "storageid", "snapshotid",
                         "attached", "destroyed", "serviceofferingid", "serviceofferingname", "templateid", "templatename", "path",
                         "clusterid", "clustername", "podid", "podname", "physicalsize", "virtualsize", "utilization", "isextractable", "jobid", "jobstatus"]

    static func object(_ v: VolumeRecord, _ inv: Inventory, admin: Bool, pendingJob: String? = nil) -> JSONObject {
        let account = inv.account(v.accountID)
        let vm = v.vmID.flatMap { inv.vmPosition($0) }.map { inv.vms[$0] }
        let pool = inv.poolIndex(of: v).map { inv.storagePools[$0] }
        let offering = inv.volumes.diskOffering(v.diskOfferingID)
        var b = ObjectBuilder(capacity: 44)
        b.add("id", v.id)
        b.add("name", v.name)
        b.add("zoneid", v.zoneID)
        b.add("zonename", inv.zone(v.zoneID)?.name)
        b.add("type", v.type.rawValue)
        if let vm {
            if let d = v.deviceID { b.add("deviceid", d) }
            b.add("virtualmachineid", vm.id)
            b.add("vmname", vm.name)
            b.add("vmdisplayname", vm.displayName)
            b.add("vmstate", vm.state.rawValue)
            b.add("vmtype", "User")
        }
        b.add("provisioningtype", v.provisioningType)
        b.add("size", v.sizeBytes)
        if let iops = offering?.minIops { b.add("miniops", iops) }
        if let iops = offering?.maxIops { b.add("maxiops", iops) }
        b.date("created", v.created)
        b.add("state", v.state.rawValue)
        b.add("account", account?.name)
        b.add("domainid", account?.domainID)
        b.add("domain", "ROOT")
        b.add("storagetype", offering?.storageType ?? "shared")
        if let hv = inv.hypervisor(of: v) { b.add("hypervisor", hv) }
        if let offering {
            b.add("diskofferingid", offering.id)
            b.add("diskofferingname", offering.name)
            b.add("diskofferingdisplaytext", offering.displayText)
        }
        if v.type == .ROOT, let vm, let so = inv.offering(vm.serviceOfferingID) {
            b.add("serviceofferingid", so.id)
            b.add("serviceofferingname", so.name)
            b.add("serviceofferingdisplaytext", so.name)
        }
        if v.type == .ROOT, let t = inv.template(v.templateID) {
            b.add("templateid", t.id)
            b.add("templatename", t.name)
            b.add("templatedisplaytext", t.displayText)
        }
        if let pool, admin {
            b.add("storage", pool.name)
            b.add("storageid", pool.id)
            if let c = inv.cluster(pool.clusterID) {
                b.add("clusterid", c.id)
                b.add("clustername", c.name)
            }
            if let p = inv.pod(pool.podID) {
                b.add("podid", p.id)
                b.add("podname", p.name)
            }
            if let path = v.path { b.add("path", path) }
        }
        if let s = v.snapshotID { b.add("snapshotid", s) }
        if let a = v.attached, vm != nil { b.date("attached", a) }
        b.add("destroyed", v.state == .Destroy || v.state == .Expunging)
        b.add("isextractable", v.type == .DATADISK)
        if pool != nil, v.state != .Allocated {
            // Thin volumes hold part of their size; fixed per volume so the figure does not jump between calls.
            let used = Int64(Double(v.sizeBytes) * (0.15 + Double(stableHash(v.id) % 70) / 100))
            if admin { b.add("physicalsize", used) }
            b.add("virtualsize", v.sizeBytes)
            b.add("utilization", InfrastructureHandlers.format2(Double(used) / Double(max(1, v.sizeBytes)) * 100) + "%")
        }
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    /// The filters of listVolumes, checked first on a VM's fields so the ROOT volumes of non-matching VMs are never built.
    private struct Filter {
        var ids: Set<String>?
        var name: String?
        var type: VolumeType??
        var vmID: String?
        var poolID: String?
        var zoneID: String?
        var poolsInPlace: Set<String>?
        var hostID: String?
        var state: String?
        var offeringID: String?
        var keyword: [UInt8]?
        var accountID: String?

        func keeps(_ v: VolumeRecord, hostOfVM: String?) -> Bool {
            if let accountID, v.accountID != accountID { return false }
            if let ids, !ids.contains(v.id) { return false }
            if let type, v.type != type { return false }
            if let vmID, v.vmID != vmID { return false }
            if let poolID, v.poolID != poolID { return false }
            if let zoneID, v.zoneID != zoneID { return false }
            if let poolsInPlace, !poolsInPlace.contains(v.poolID ?? "") { return false }
            if let hostID, hostOfVM != hostID { return false }
            if let state, v.state.rawValue.lowercased() != state { return false }
            if let offeringID, v.diskOfferingID != offeringID { return false }
            if let name, v.name != name { return false }
            if let keyword, !fastContains(v.name.lowercased(), keyword) { return false }
            return true
        }

        /// The cheap part for a derived ROOT volume: what the VM alone decides.
        func mayKeepRoot(of vm: VirtualMachineRecord) -> Bool {
            if let accountID, vm.accountID != accountID { return false }
            if let type, type != .ROOT { return false }
            if offeringID != nil { return false }
            if let vmID, vm.id != vmID { return false }
            if let poolID, vm.poolID != poolID { return false }
            if let zoneID, vm.zoneID != zoneID { return false }
            if let poolsInPlace, !poolsInPlace.contains(vm.poolID) { return false }
            if let hostID, vm.hostID != hostID { return false }
            if let state, RootVolumes.state(vm).rawValue.lowercased() != state { return false }
            return true
        }
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let p = ctx.params
        var f = Filter()
        if let id = try ctx.uuid("id", exists: { inv.volumeRef($0) != nil }) { f.ids = [id] }
        if let ids = p.value("ids") {
            let set = Set(ids.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            f.ids = f.ids.map { $0.intersection(set) } ?? set
        }
        f.name = p.value("name")
        if let t = p.value("type") { f.type = .some(VolumeType(rawValue: t.uppercased())) }
        f.vmID = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
        f.poolID = try ctx.uuid("storageid") { inv.poolPosition($0) != nil }
        f.zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { inv.cluster($0) != nil }
        if podID != nil || clusterID != nil {
            f.poolsInPlace = Set(inv.storagePools.filter { (podID == nil || $0.podID == podID) && (clusterID == nil || $0.clusterID == clusterID) }.map(\.id))
        }
        f.hostID = try ctx.uuid("hostid") { inv.host($0) != nil }
        f.state = p.value("state")?.lowercased()
        f.offeringID = try ctx.uuid("diskofferingid") { inv.volumes.diskOffering($0) != nil }
        f.keyword = p.value("keyword").map { Array($0.lowercased().utf8) }
        let scope = ctx.visibleAccount(inv)
        f.accountID = scope.all ? nil : scope.accountID
        // A type that is neither ROOT nor DATADISK matches nothing.
        if case .some(.none) = f.type { return listContent("volume", [], 0) }

        let admin = ctx.caller.isAdmin
        let pending = s.pendingJobByInstance
        let range = paging.range(total: Int.max)
        var count = 0
        var page: [JSONValue] = []
        func take(_ v: VolumeRecord) {
            if range.contains(count) { page.append(.object(object(v, inv, admin: admin, pendingJob: pending[v.id]))) }
            count += 1
        }
        func hostOf(_ v: VolumeRecord) -> String? { v.vmID.flatMap { inv.vmPosition($0) }.flatMap { inv.vms[$0].hostID } }

        // Newest records first, then the ROOT volumes derived from VMs in VM order.
        for i in inv.volumes.records.indices.reversed() {
            let v = inv.volumes.records[i]
            if f.keeps(v, hostOfVM: f.hostID == nil ? nil : hostOf(v)) { take(v) }
        }
        // When ids are named, only their VMs can hold them.
        let rootVMs: [Int]? = f.ids.map { ids in ids.compactMap { RootVolumes.vmID(forVolume: $0).flatMap { inv.vmPosition($0) } }.sorted() }
        let anyMaterialized = !inv.volumes.materializedRoots.isEmpty
        func visitRoot(_ k: Int) {
            let vm = inv.vms[k]
            guard f.mayKeepRoot(of: vm) else { return }
            if anyMaterialized, inv.volumes.isMaterialized(vmID: vm.id) { return }
            // Only the name and id of a derived ROOT volume are left to check; neither needs the whole record.
            if let ids = f.ids {
                guard let rootID = RootVolumes.id(forVM: vm.id), ids.contains(rootID) else { return }
            }
            if let name = f.name, RootVolumes.name(vm) != name { return }
            if let keyword = f.keyword, !fastContains(RootVolumes.lowercasedName(vm), keyword) { return }
            if range.contains(count) { take(RootVolumes.record(vm)) } else { count += 1 }
        }
        if let rootVMs { rootVMs.forEach(visitRoot) } else { for k in inv.vms.indices { visitRoot(k) } }
        return listContent("volume", page, count)
    }
}
