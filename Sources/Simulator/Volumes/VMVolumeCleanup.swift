/// What destroying a VM does to its volumes (UserVmManagerImpl.destroyVm and expunge): the ROOT volume shows
/// Destroy with the VM and is deleted from its pool when the VM is expunged; data disks named in `volumeids` are
/// detached and destroyed (and deleted on expunge); other data disks are detached at expunge and stay Ready.
enum VMVolumeCleanup {
    /// The data disks named by `volumeids` that are not DATADISK volumes attached to the VM, as the server lists them.
    static func notAttachedDataDisks(_ ids: [String], vmID: String, _ inv: Inventory) -> [String] {
        ids.filter { id in
            guard let v = inv.volume(id) else { return true }
            return v.vmID != vmID || v.type != .DATADISK
        }
    }

    static func vmDestroyed(_ vmID: String, dataVolumeIDs: [String], expunge: Bool, _ inv: inout Inventory) {
        guard let vmIndex = inv.vmPosition(vmID) else { return }
        for id in dataVolumeIDs {
            guard let position = inv.volumes.position(id), inv.volumes.records[position].vmID == vmID else { continue }
            inv.volumes.update(at: position) { r in
                r.vmID = nil
                r.deviceID = nil
                r.attached = nil
                r.state = .Destroy
            }
            if expunge { delete(at: position, &inv) }
        }
        guard expunge else {
            // A ROOT volume kept as a record follows its VM's state like a derived one does.
            for position in inv.volumes.positions(attachedTo: vmID) where inv.volumes.records[position].type == .ROOT {
                inv.volumes.update(at: position) { $0.state = .Destroy }
            }
            return
        }
        if !inv.volumes.isMaterialized(vmID: vmID) {
            free(RootVolumes.record(inv.vms[vmIndex]), &inv)
        }
        inv.volumes.forget(vmID: vmID)
        for position in inv.volumes.positions(attachedTo: vmID).sorted(by: >) {
            if inv.volumes.records[position].type == .ROOT {
                delete(at: position, &inv)
            } else {
                inv.volumes.update(at: position) { r in
                    r.vmID = nil
                    r.deviceID = nil
                    r.attached = nil
                }
            }
        }
    }

    /// Gives the volume's space back to its pool through the pool's driver and removes its record.
    private static func delete(at position: Int, _ inv: inout Inventory) {
        free(inv.volumes.records[position], &inv)
        inv.volumes.remove(at: position)
    }

    private static func free(_ v: VolumeRecord, _ inv: inout Inventory) {
        guard v.state != .Allocated, let p = inv.poolIndex(of: v) else { return }
        var pool = inv.storagePools[p]
        VolumeAccess.driver(pool).deleteAsync(DataObject(id: v.id, sizeBytes: v.sizeBytes), on: &pool)
        inv.storagePools[p] = pool
    }
}
