import CloudStack

/// Volume snapshots: listSnapshots, createSnapshot (async create), deleteSnapshot and revertSnapshot (async).
/// Whether a snapshot can be reverted follows the server's snapshot strategies: DefaultSnapshotStrategy reverts
/// QCOW2 volumes (KVM on file-based pools) and CephSnapshotStrategy RBD ones; XenServer and VMware volumes cannot.
enum SnapshotHandlers {
    static let fields = ["id", "account", "domainid", "domain", "snapshottype", "volumeid", "volumename", "volumetype", "created", "name",
                         "intervaltype", "locationtype", "state", "physicalsize", "virtualsize", "zoneid", "zonename", "revertable",
                         "ostypeid", "osdisplayname", "tags"]
    static let revertablePoolTypes: Set<String> = ["NetworkFilesystem", "SharedMountPoint", "Gluster", "RBD"]
    static let recurringTypes: Set<String> = ["HOURLY", "DAILY", "WEEKLY", "MONTHLY"]

    /// Why the snapshot's volume cannot be reverted to it, or nil when it can.
    static func revertBlocker(_ sn: SnapshotRecord, _ inv: Inventory) -> String? {
        guard let v = inv.volume(sn.volumeID) else { return "its volume \(sn.volumeName) no longer exists" }
        guard let pool = inv.poolIndex(of: v).map({ inv.storagePools[$0] }) else { return "its volume \(v.name) is on no storage pool" }
        let hypervisor = inv.hypervisor(of: v) ?? "None"
        guard hypervisor == "KVM", revertablePoolTypes.contains(pool.type) else {
            return "no snapshot strategy can revert a \(hypervisor) volume on a \(pool.type) pool (\(pool.name))"
        }
        return nil
    }

    static func object(_ sn: SnapshotRecord, _ inv: Inventory, pendingJob: String? = nil) -> JSONObject {
        let account = inv.account(sn.accountID)
        var b = ObjectBuilder(capacity: 24)
        b.add("id", sn.id)
        b.add("account", account?.name)
        b.add("domainid", account?.domainID)
        b.add("domain", "ROOT")
        b.add("snapshottype", sn.snapshotType)
        b.add("volumeid", sn.volumeID)
        b.add("volumename", sn.volumeName)
        b.add("volumetype", sn.volumeType.rawValue)
        b.date("created", sn.created)
        b.add("name", sn.name)
        b.add("intervaltype", sn.snapshotType)
        if let l = sn.locationType { b.add("locationtype", l) }
        b.add("state", sn.state)
        b.add("physicalsize", sn.physicalSize)
        b.add("virtualsize", sn.virtualSize)
        b.add("zoneid", sn.zoneID)
        b.add("zonename", inv.zone(sn.zoneID)?.name)
        b.add("revertable", sn.state == "BackedUp" && revertBlocker(sn, inv) == nil)
        if sn.volumeType == .ROOT, let t = inv.volume(sn.volumeID).flatMap({ inv.template($0.templateID) }) {
            b.add("ostypeid", t.osTypeID)
            b.add("osdisplayname", t.osDisplayName)
        }
        b.add("tags", .array([]))
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.volumes.snapshotPosition($0) != nil }
        let ids = p.value("ids").map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let volumeID = try ctx.uuid("volumeid") { id in inv.volumeRef(id) != nil || inv.volumes.snapshots.contains { $0.volumeID == id } }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let name = p.value("name")
        let type = p.value("snapshottype")?.uppercased()
        let interval = p.value("intervaltype")?.uppercased()
        let scope = ctx.visibleAccount(inv)
        let pending = s.pendingJobByInstance
        return try InfrastructureHandlers.page(ctx, Array(inv.volumes.snapshots.reversed()), key: "snapshot", where: { sn in
            (scope.all || sn.accountID == scope.accountID) && (id == nil || sn.id == id) && (ids == nil || ids?.contains(sn.id) == true)
                && (volumeID == nil || sn.volumeID == volumeID) && (zoneID == nil || sn.zoneID == zoneID) && (name == nil || sn.name == name)
                && (type == nil || sn.snapshotType == type || (type == "RECURRING" && recurringTypes.contains(sn.snapshotType)))
                && (interval == nil || sn.snapshotType == interval) && InfrastructureHandlers.keywordMatch(ctx, sn.name)
        }) { .object(object($0, inv, pendingJob: pending[$0.id])) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let (_, v) = try VolumeAccess.owned(s, ctx, "volumeid")
        if v.state != .Ready {
            throw APIError.invalid("VolumeId: \(v.id) is not in Ready state but \(v.state.rawValue). Cannot take snapshot.")
        }
        guard v.poolID != nil else { throw APIError.invalid("VolumeId: \(v.id) please attach this volume to a VM before create snapshot for it") }
        let now = APIDate.now()
        let vmName = v.vmID.flatMap { s.inventory.vmPosition($0) }.map { s.inventory.vms[$0].displayName }
        let stamp = APIDate.string(now).filter(\.isNumber).prefix(14)
        let id = s.inventory.newID()
        let name = ctx.params.value("name") ?? ((vmName.map { $0 + "_" } ?? "") + v.name + "_" + stamp)
        let managed = s.inventory.poolIndex(of: v).map { s.inventory.storagePools[$0].managed } ?? false
        s.inventory.volumes.snapshots.append(SnapshotRecord(
            id: id, name: name, volumeID: v.id, volumeName: v.name, volumeType: v.type, state: "Allocated", physicalSize: 0, virtualSize: v.sizeBytes,
            snapshotType: "MANUAL", zoneID: v.zoneID, accountID: v.accountID, created: now, locationType: managed ? "PRIMARY" : nil))
        s.addEvent(type: "SNAPSHOT.CREATE", description: "taking snapshot for volume: \(v.id)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "Snapshot", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.volumes.snapshotPosition(id) else { return .failure(.internalError("Unable to find snapshot \(id)")) }
            var sn = state.inventory.volumes.snapshots[k]
            guard state.inventory.volume(sn.volumeID) != nil else {
                state.inventory.volumes.snapshots[k].state = "Error"
                return .failure(.internalError("Creating snapshot failed due to volume:\(sn.volumeID) doesn't exist"))
            }
            sn.state = "BackedUp"
            // Backed-up snapshots are compressed copies of the data the volume holds.
            sn.physicalSize = Int64(Double(sn.virtualSize) * (0.1 + Double(stableHash(sn.id) % 50) / 100))
            state.inventory.volumes.snapshots[k] = sn
            return .success(JSONObject([("snapshot", .object(object(sn, state.inventory)))]))
        })
        if let k = s.inventory.volumes.snapshotPosition(id) { s.inventory.volumes.snapshots[k].state = "Creating" }
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func owned(_ s: SimState, _ ctx: RequestContext) throws -> SnapshotRecord {
        let id = try ctx.required("id")
        guard let k = s.inventory.volumes.snapshotPosition(id) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        let sn = s.inventory.volumes.snapshots[k]
        guard ctx.owns(sn.accountID) else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
        }
        return sn
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let sn = try owned(s, ctx)
        let failure = ["BackedUp", "Error", "Destroyed"].contains(sn.state) ? nil
            : "Can't delete snapshot \(sn.id) due to it is in \(sn.state) Status"
        s.addEvent(type: "SNAPSHOT.DELETE", description: "deleting snapshot: \(sn.id)", caller: ctx.caller)
        let id = sn.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Snapshot", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.volumes.snapshotPosition(id) else { return .failure(.internalError("Unable to find snapshot \(id)")) }
            state.inventory.volumes.snapshots.remove(at: k)
            return .success(JSONObject([("success", .bool(true))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    /// Why the volume cannot be reverted now (SnapshotManagerImpl.revertSnapshot's checks), or nil.
    static func revertProblem(_ sn: SnapshotRecord, _ inv: Inventory) -> String? {
        if sn.state != "BackedUp" { return "Snapshot \(sn.id) is not in BackedUp state (current state: \(sn.state)); only a BackedUp snapshot can be reverted to" }
        guard let v = inv.volume(sn.volumeID) else { return "Failed to revert snapshot: its volume \(sn.volumeName) no longer exists" }
        if v.state != .Ready { return "The volume is not in Ready state." }
        if let vmID = v.vmID, let k = inv.vmPosition(vmID) {
            if inv.vms[k].state != .Stopped { return "The VM the specified disk is attached to is not in the shutdown state." }
            if VolumeAccess.hasVMSnapshots(inv, vmID: vmID) {
                return "Unable to revert snapshot for VM, please remove VM snapshots before reverting VM from snapshot"
            }
        }
        if let why = revertBlocker(sn, inv) { return "Failed to revert snapshot: \(why)" }
        return nil
    }

    static func revert(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let sn = try owned(s, ctx)
        let failure = revertProblem(sn, s.inventory)
        s.addEvent(type: "SNAPSHOT.REVERT", description: "revert snapshot: \(sn.id)", caller: ctx.caller)
        let id = sn.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Snapshot", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.volumes.snapshotPosition(id) else { return .failure(.internalError("Unable to find snapshot \(id)")) }
            let sn = state.inventory.volumes.snapshots[k]
            if let text = revertProblem(sn, state.inventory) { return .failure(.internalError(text)) }
            // The volume takes the snapshot's size back; its pool accounts for the difference.
            if let ref = state.inventory.volumeRef(sn.volumeID), state.inventory.volume(ref).sizeBytes != sn.virtualSize {
                let position = state.inventory.volumePosition(ref)
                let old = state.inventory.volumes.records[position]
                if let p = state.inventory.poolIndex(of: old) {
                    var pool = state.inventory.storagePools[p]
                    try? VolumeAccess.driver(pool).resize(DataObject(id: old.id, sizeBytes: old.sizeBytes), to: sn.virtualSize, on: &pool)
                    state.inventory.storagePools[p] = pool
                }
                state.inventory.volumes.update(at: position) { $0.sizeBytes = sn.virtualSize }
            }
            return .success(JSONObject([("snapshot", .object(object(sn, state.inventory)))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
