import CloudStack

/// createVolume (async create: allocated at once, answered with id and jobid) and deleteVolume (sync).
/// A volume from a disk offering stays Allocated, on no pool, until its first attach; one from a snapshot is
/// created on primary storage by the job, through the chosen pool's driver.
enum VolumeLifecycleHandlers {
    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let offeringID = try ctx.uuid("diskofferingid") { inv.volumes.diskOffering($0) != nil }
        let snapshotID = try ctx.uuid("snapshotid") { inv.volumes.snapshotPosition($0) != nil }
        var zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        var vmIndex: Int?
        if ctx.params.value("virtualmachineid") != nil { vmIndex = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid") }
        let sizeGB = try VolumeAccess.number(ctx, "size")
        let owner = try self.owner(ctx, inv)
        guard snapshotID != nil || offeringID != nil else {
            throw APIError.invalid("At least one of disk Offering ID or snapshot ID must be passed whilst creating volume")
        }
        let snapshot = snapshotID.flatMap { inv.volumes.snapshotPosition($0) }.map { inv.volumes.snapshots[$0] }
        if let snapshot, offeringID != nil, snapshot.volumeType != .ROOT {
            throw APIError.invalid("Disk Offering ID cannot be passed whilst creating volume from snapshot other than ROOT disk snapshots")
        }
        var size: Int64 = 0
        var offering = inv.volumes.diskOffering(offeringID)
        if let o = offering {
            if let sizeGB, sizeGB <= 0 { throw APIError.invalid("Disk size must be larger than 0") }
            if o.customized {
                guard let sizeGB else { throw APIError.invalid("This disk offering requires a custom size specified") }
                if sizeGB < VolumeAccess.customMinGB || sizeGB > VolumeAccess.customMaxGB {
                    throw APIError.invalid("Volume size: \(sizeGB)GB is out of allowed range. Max: \(VolumeAccess.customMaxGB) Min:\(VolumeAccess.customMinGB)")
                }
                size = sizeGB * VolumeAccess.gib
            } else {
                if sizeGB != nil { throw APIError.invalid("This disk offering does not allow custom size") }
                size = o.diskSizeGB * VolumeAccess.gib
            }
        }
        if let snapshot {
            if snapshot.state != "BackedUp" {
                throw APIError.invalid("Snapshot id=\(snapshot.id) is not in BackedUp state yet and can't be used for volume creation")
            }
            guard ctx.owns(snapshot.accountID) else {
                throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(snapshot.id)")
            }
            zoneID = zoneID ?? snapshot.zoneID
            if offering == nil {
                size = snapshot.virtualSize
                offering = inv.volume(snapshot.volumeID).flatMap { inv.volumes.diskOffering($0.diskOfferingID) }
            } else if size < snapshot.virtualSize {
                throw APIError.invalid("Invalid size for volume creation: \(size / VolumeAccess.gib)GB, snapshot size is: \(snapshot.virtualSize / VolumeAccess.gib)GB")
            }
        }
        if let vmIndex, inv.vms[vmIndex].state != .Running && inv.vms[vmIndex].state != .Stopped {
            throw APIError.invalid("Please specify a VM that is either running or stopped.")
        }
        guard let zoneID else { throw APIError.invalid("Unable to find zone by id null") }
        let id = s.inventory.newID()
        let name = ctx.params.value("name") ?? s.inventory.newID()
        s.inventory.volumes.append(VolumeRecord(
            id: id, name: name, type: .DATADISK, state: .Allocated, sizeBytes: size, vmID: nil, deviceID: nil, poolID: nil, zoneID: zoneID,
            diskOfferingID: offering?.id, accountID: owner.id, created: APIDate.now(), attached: nil, path: nil,
            provisioningType: offering?.provisioningType ?? "thin", snapshotID: snapshot?.id, templateID: nil, stableState: nil))
        s.addEvent(type: "VOLUME.CREATE", description: "creating volume Volume Id: \(id)", caller: ctx.caller)
        let vmID = vmIndex.map { inv.vms[$0].id }
        let job = JobRunner.submit(&s, ctx, instanceType: "Volume", instanceID: id, action: .run { state, admin in
            finishCreate(id, vmID: vmID, &state.inventory).map { VolumeAccess.result($0, state.inventory, admin: admin) }
        })
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    /// The account that will own the volume: the caller's, or for an admin the one named by `account`.
    static func owner(_ ctx: RequestContext, _ inv: Inventory) throws -> AccountRecord {
        guard ctx.caller.isAdmin, let name = ctx.params.value("account") else { return ctx.caller.account }
        guard let a = inv.accounts.first(where: { $0.name == name }) else {
            throw APIError.invalid("Unable to find account \(name) in domain ROOT")
        }
        return a
    }

    static func finishCreate(_ id: String, vmID: String?, _ inv: inout Inventory) -> Result<Int, APIError> {
        guard let position = inv.volumes.position(id) else { return .failure(.internalError("Failed to create volume: \(id)")) }
        let v = inv.volumes.records[position]
        if let snapshotID = v.snapshotID {
            // createVolumeFromSnapshot: on the snapshot's volume's pool when it is still usable, else any Up pool of the zone that fits.
            let offeringTags = inv.volumes.diskOffering(v.diskOfferingID)?.tags
            let origin = inv.volumes.snapshotPosition(snapshotID).flatMap { inv.volume(inv.volumes.snapshots[$0].volumeID) }
            let candidates = ([origin.flatMap { inv.poolIndex(of: $0) }].compactMap { $0 } + Array(inv.storagePools.indices)).filter { k in
                let p = inv.storagePools[k]
                return p.zoneID == v.zoneID && p.state == "Up" && VolumeAccess.poolSupports(p, offeringTags: offeringTags)
                    && p.usedBytes + v.sizeBytes <= p.capacityBytes
            }
            guard let k = candidates.first else {
                inv.volumes.remove(at: position)
                return .failure(APIError(533, 4340, "Failed to create volume: \(id): no primary storage pool in the zone has room for \(v.sizeBytes) bytes"))
            }
            var pool = inv.storagePools[k]
            do { try VolumeAccess.driver(pool).createAsync(DataObject(id: id, sizeBytes: v.sizeBytes), on: &pool) } catch {
                inv.volumes.remove(at: position)
                return .failure(.internalError("Failed to create volume: \(id): \(VolumeAttachHandlers.reason(error))"))
            }
            inv.storagePools[k] = pool
            let poolID = pool.id
            inv.volumes.update(at: position) { r in
                r.poolID = poolID
                r.state = .Ready
                r.path = r.id
            }
        }
        guard let vmID else { return .success(position) }
        switch VolumeAttachHandlers.attachNow(volumeID: id, vmID: vmID, device: nil, &inv) {
        case .success(let p): return .success(p)
        case .failure(let e):
            return .failure(.internalError("Volume: \(id) created successfully, but failed to attach the newly created volume to VM: \(vmID) due to error: \(e.text)"))
        }
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let (ref, v) = try VolumeAccess.owned(s, ctx)
        if s.inventory.volumes.snapshots.contains(where: { $0.volumeID == v.id && $0.state == "Creating" }) {
            throw APIError.invalid("There are snapshot operations in progress on the volume, unable to delete it")
        }
        if v.vmID != nil { throw APIError.invalid("Please specify a volume that is not attached to any VM.") }
        guard case .record(let position) = ref else { throw APIError.invalid("Please specify a volume that is not attached to any VM.") }
        if v.state != .Allocated, let p = s.inventory.poolIndex(of: v) {
            var pool = s.inventory.storagePools[p]
            VolumeAccess.driver(pool).deleteAsync(DataObject(id: v.id, sizeBytes: v.sizeBytes), on: &pool)
            s.inventory.storagePools[p] = pool
        }
        s.inventory.volumes.remove(at: position)
        s.addEvent(type: "VOLUME.DELETE", description: "deleting volume Volume Id: \(v.id)", caller: ctx.caller)
        return JSONObject([("success", .bool(true))])
    }
}
