import CloudStack

/// migrateVolume (async): a Ready volume to another pool of its zone, through the source driver's canCopy and the
/// destination's copyAsync; the volume shows Migrating while the job runs.
enum VolumeMigrateHandlers {
    static func migrate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let (ref, v) = try VolumeAccess.owned(s, ctx, "volumeid")
        let poolText = try ctx.required("storageid")
        guard let dest = s.inventory.poolPosition(poolText) else { throw APIError.badValue(ctx.commandLabel, "storageid", poolText) }
        let live = ctx.params.bool("livemigrate") == true
        let failure = problem(v, to: dest, live: live, s.inventory)
        var instance = v.id
        if failure == nil {
            let position = s.inventory.volumePosition(ref)
            s.inventory.volumes.update(at: position) { r in
                r.stableState = r.state
                r.state = .Migrating
            }
            instance = s.inventory.volumes.records[position].id
        }
        let volumeID = v.id, destID = poolText
        s.addEvent(type: "VOLUME.MIGRATE", description: "Attempting to migrate volume with ID: \(v.id) to storage pool: \(poolText)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "Volume", instanceID: instance, action: .run { state, admin in
            finish(volumeID: volumeID, destID: destID, &state.inventory).map { VolumeAccess.result($0, state.inventory, admin: admin) }
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    /// Why the volume cannot go to the pool, in the order VolumeApiServiceImpl.migrateVolume checks.
    static func problem(_ v: VolumeRecord, to destIndex: Int, live: Bool, _ inv: Inventory) -> String? {
        let dest = inv.storagePools[destIndex]
        let desc = VolumeAccess.describe(v)
        if v.state != .Ready { return "Volume must be in ready state" }
        if v.poolID == dest.id { return "Volume \(desc) is already on the destination storage pool" }
        let vm = v.vmID.flatMap { inv.vmPosition($0) }.map { inv.vms[$0] }
        if let vm, VolumeAccess.hasVMSnapshots(inv, vmID: vm.id) {
            return "Volume cannot be migrated, please remove all VM snapshots for VM to which this volume is attached"
        }
        let running = vm?.state == .Running
        if running && !live { return "The volume \(desc)is attached to a vm and for migrating it the parameter livemigrate should be specified" }
        if dest.zoneID != v.zoneID {
            return "Cannot migrate volume \(desc) to the destination storage pool \(dest.name) as it is in another zone than the volume"
        }
        if VolumeAccess.inMaintenance(dest) {
            return "Cannot migrate volume \(desc)to the destination storage pool \(dest.name) as the storage pool is in maintenance mode."
        }
        if dest.usedBytes + v.sizeBytes > dest.capacityBytes { return "Storage pool \(dest.name) does not have enough space to migrate volume \(v.name)" }
        let offering = inv.volumes.diskOffering(v.diskOfferingID)
        if !VolumeAccess.poolSupports(dest, offeringTags: offering?.tags) {
            return "Migration target pool [\(dest.name), tags:\(dest.tags ?? "null")] has no matching tags for volume [\(v.name), uuid:\(v.id), tags:\(offering?.tags ?? "null")]"
        }
        if running, let vm, let destCluster = dest.clusterID, let hostCluster = inv.host(vm.hostID ?? vm.lastHostID)?.clusterID, destCluster != hostCluster {
            return "Cannot migrate a volume of a virtual machine to a storage pool in a different cluster"
        }
        if let source = inv.poolIndex(of: v).map({ inv.storagePools[$0] }), !canCopy(from: source, to: dest) {
            return copyRefusal(v, from: source, to: dest)
        }
        return nil
    }

    /// Both pools' drivers must agree to the copy (the data motion service asks the source's and the destination's).
    static func canCopy(from source: StoragePoolRecord, to dest: StoragePoolRecord) -> Bool {
        VolumeAccess.driver(source).canCopy(from: source, to: dest) && VolumeAccess.driver(dest).canCopy(from: source, to: dest)
    }

    static func copyRefusal(_ v: VolumeRecord, from source: StoragePoolRecord, to dest: StoragePoolRecord) -> String {
        "Can't find strategy to move data. Source Volume '\(v.id)' on pool \(source.name) (provider \(source.provider)) cannot be copied to pool \(dest.name) (provider \(dest.provider))"
    }

    /// Copies the volume's bytes from one pool to another through the drivers and frees the source; nil when done.
    static func copy(_ v: VolumeRecord, from sourceIndex: Int, to destIndex: Int, _ inv: inout Inventory) -> APIError? {
        let source = inv.storagePools[sourceIndex]
        var dest = inv.storagePools[destIndex]
        let object = DataObject(id: v.id, sizeBytes: v.sizeBytes)
        guard canCopy(from: source, to: dest) else { return .internalError(copyRefusal(v, from: source, to: dest)) }
        do { try VolumeAccess.driver(dest).copyAsync(object, from: source, to: &dest) } catch {
            return .internalError(VolumeAttachHandlers.reason(error))
        }
        inv.storagePools[destIndex] = dest
        var freed = inv.storagePools[sourceIndex]
        VolumeAccess.driver(freed).deleteAsync(object, on: &freed)
        inv.storagePools[sourceIndex] = freed
        return nil
    }

    static func finish(volumeID: String, destID: String, _ inv: inout Inventory) -> Result<Int, APIError> {
        guard let position = inv.volumes.position(volumeID), let dest = inv.poolPosition(destID) else {
            return .failure(.internalError("Unable to find volume \(volumeID) or storage pool \(destID)"))
        }
        let v = inv.volumes.records[position]
        let back = v.stableState ?? .Ready
        if let source = inv.poolIndex(of: v), let e = copy(v, from: source, to: dest, &inv) {
            inv.volumes.update(at: position) { $0.state = back; $0.stableState = nil }
            return .failure(e)
        }
        inv.volumes.update(at: position) { r in
            r.poolID = destID
            r.state = back
            r.stableState = nil
        }
        // The VM record keeps its ROOT volume's pool, for listVirtualMachines storageid.
        if v.type == .ROOT, let vmID = v.vmID, let k = inv.vmPosition(vmID) { inv.vms[k].poolID = destID }
        return .success(position)
    }
}
