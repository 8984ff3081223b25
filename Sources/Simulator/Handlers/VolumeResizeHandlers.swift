import CloudStack

/// resizeVolume (async): a new size (GB) for customized offerings and ROOT volumes, or a new disk offering; the pool's
/// driver does the work, and a driver that cannot resize fails the job with its reason.
enum VolumeResizeHandlers {
    static func resize(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let (ref, v) = try VolumeAccess.owned(s, ctx)
        let sizeGB = try VolumeAccess.number(ctx, "size")
        let newOfferingID = try ctx.uuid("diskofferingid") { s.inventory.volumes.diskOffering($0) != nil }
        let shrinkOK = ctx.params.bool("shrinkok") == true
        let plan = self.plan(v, sizeGB: sizeGB, newOfferingID: newOfferingID, shrinkOK: shrinkOK, s.inventory)
        var failure: String?
        var target = (size: v.sizeBytes, offering: v.diskOfferingID)
        switch plan {
        case .failure(let text): failure = text
        case .success(let t):
            target = t
            if v.state == .Ready {
                let position = s.inventory.volumePosition(ref)
                s.inventory.volumes.update(at: position) { r in
                    r.stableState = r.state
                    r.state = .Resizing
                }
            }
        }
        let volumeID = v.id, size = target.size, offering = target.offering
        s.addEvent(type: "VOLUME.RESIZE", description: "resizing volume Volume Id: \(v.id)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "Volume", instanceID: v.id, action: .run { state, admin in
            finish(volumeID: volumeID, size: size, offeringID: offering, &state.inventory).map { VolumeAccess.result($0, state.inventory, admin: admin) }
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    enum Plan { case success((size: Int64, offering: String?)), failure(String) }

    /// The new size and offering, or the server's reason for refusing (VolumeApiServiceImpl.resizeVolume's checks).
    static func plan(_ v: VolumeRecord, sizeGB: Int64?, newOfferingID: String?, shrinkOK: Bool, _ inv: Inventory) -> Plan {
        if inv.volumes.snapshots.contains(where: { $0.volumeID == v.id && $0.state == "Creating" }) {
            return .failure("There is/are unbacked up snapshot(s) on this volume, resize volume is not permitted, please try again later.")
        }
        if v.state != .Ready && v.state != .Allocated {
            return .failure("Volume should be in ready or allocated state before attempting a resize. Volume \(v.id) is in state \(v.state.rawValue).")
        }
        let current = inv.volumes.diskOffering(v.diskOfferingID)
        var newSize = v.sizeBytes
        var offeringID = v.diskOfferingID
        if let newOfferingID, newOfferingID != v.diskOfferingID, let next = inv.volumes.diskOffering(newOfferingID) {
            if let tags = current?.tags {
                if VolumeAccess.tags(tags) != VolumeAccess.tags(next.tags) { return .failure("The tags on the new and old disk offerings must match.") }
            } else if next.tags != nil {
                return .failure("There are no tags on the current disk offering. The new disk offering needs to have no tags, as well.")
            }
            if next.customized {
                guard let sizeGB else { return .failure("The new disk offering requires that a size be specified.") }
                newSize = sizeGB << 30
            } else {
                if sizeGB != nil { return .failure("You cannnot pass in a custom disk size to a non-custom disk offering.") }
                newSize = next.diskSizeGB * VolumeAccess.gib
            }
            if newSize != v.sizeBytes && v.type != .DATADISK { return .failure("Only data volumes can be resized via a new disk offering.") }
            offeringID = next.id
        } else if let sizeGB {
            if current?.customized != true && v.type != .ROOT {
                return .failure("To change a volume's size without providing a new disk offering, its current disk offering must be customizable or it must be a root volume (if providing a disk offering, make sure it is different from the current disk offering).")
            }
            newSize = sizeGB << 30
        }
        if newSize != v.sizeBytes {
            if let vmID = v.vmID, VolumeAccess.hasVMSnapshots(inv, vmID: vmID) {
                return .failure("A volume that is attached to a VM with any VM snapshots cannot be resized.")
            }
            if newSize < VolumeAccess.gib { return .failure("Please specify a size of at least 1 GB.") }
            if newSize > VolumeAccess.maxVolumeSizeGB * VolumeAccess.gib {
                return .failure("Requested volume size is \(newSize), but the maximum size allowed is \(VolumeAccess.maxVolumeSizeGB) GB.")
            }
            let vm = v.vmID.flatMap { inv.vmPosition($0) }.map { inv.vms[$0] }
            if let p = inv.poolIndex(of: v), inv.storagePools[p].managed, let vm, inv.host(vm.lastHostID)?.hypervisor == "KVM", vm.state != .Stopped {
                return .failure("This kind of KVM disk cannot be resized while it is connected to a VM that's not in the Stopped state.")
            }
            if v.sizeBytes > newSize && !shrinkOK {
                return .failure("Going from existing size of \(v.sizeBytes) to size of \(newSize) would shrink the volume.Need to sign off by supplying the shrinkok parameter with value of true.")
            }
            if v.state == .Ready {
                if let p = inv.poolIndex(of: v), inv.storagePools[p].usedBytes + max(0, newSize - v.sizeBytes) > inv.storagePools[p].capacityBytes {
                    return .failure("Storage pool \(inv.storagePools[p].name) does not have enough space to resize volume \(v.name)")
                }
                if let vm, inv.host(vm.lastHostID)?.hypervisor == "XenServer", vm.state != .Stopped {
                    return .failure("The VM must be stopped or the disk detached in order to resize with the XenServer Hypervisor.")
                }
                // The pool's driver is asked now too, so a provider that cannot resize says so before anything changes.
                if let p = inv.poolIndex(of: v) {
                    var probe = inv.storagePools[p]
                    do { try VolumeAccess.driver(probe).resize(DataObject(id: v.id, sizeBytes: v.sizeBytes), to: newSize, on: &probe) } catch {
                        return .failure(refusal(v, error))
                    }
                }
            }
        }
        return .success((newSize, offeringID))
    }

    static func refusal(_ v: VolumeRecord, _ error: any Error) -> String {
        "Exception caught during resize volume operation of volume UUID: \(v.id): \(VolumeAttachHandlers.reason(error))"
    }

    static func finish(volumeID: String, size: Int64, offeringID: String?, _ inv: inout Inventory) -> Result<Int, APIError> {
        guard let ref = inv.volumeRef(volumeID) else { return .failure(.internalError("No such volume")) }
        let position = inv.volumePosition(ref)
        let v = inv.volumes.records[position]
        let back = v.stableState ?? v.state
        if v.state != .Allocated, size != v.sizeBytes, let p = inv.poolIndex(of: v) {
            var pool = inv.storagePools[p]
            do { try VolumeAccess.driver(pool).resize(DataObject(id: v.id, sizeBytes: v.sizeBytes), to: size, on: &pool) } catch {
                inv.volumes.update(at: position) { $0.state = back; $0.stableState = nil }
                return .failure(.internalError(refusal(v, error)))
            }
            inv.storagePools[p] = pool
        }
        inv.volumes.update(at: position) { r in
            r.sizeBytes = size
            r.diskOfferingID = offeringID
            r.state = back
            r.stableState = nil
        }
        return .success(position)
    }
}
