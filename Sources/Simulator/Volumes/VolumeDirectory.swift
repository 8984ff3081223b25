/// Where a volume lives: a record, or derived from its VM (an untouched ROOT volume).
enum VolumeRef: Sendable, Equatable {
    case record(Int)
    case root(vm: Int)
}

/// Finding volumes by id or by VM, whether kept as records or derived from VMs.
extension Inventory {
    func volumeRef(_ id: String) -> VolumeRef? {
        if let i = volumes.position(id) { return .record(i) }
        guard let vmID = RootVolumes.vmID(forVolume: id), let v = vmPosition(vmID), !volumes.isMaterialized(vmID: vmID) else { return nil }
        return .root(vm: v)
    }

    func volume(_ ref: VolumeRef) -> VolumeRecord {
        switch ref {
        case .record(let i): return volumes.records[i]
        case .root(let v): return RootVolumes.record(vms[v])
        }
    }

    func volume(_ id: String) -> VolumeRecord? { volumeRef(id).map(volume) }

    /// The record position of a volume, keeping a derived ROOT volume as a record first (before anything changes it).
    mutating func volumePosition(_ ref: VolumeRef) -> Int {
        switch ref {
        case .record(let i): return i
        case .root(let v): return volumes.materialize(RootVolumes.record(vms[v]), vmID: vms[v].id)
        }
    }

    /// Every volume attached to the VM: its ROOT (derived or a record) and its data disks.
    func volumes(ofVM vmIndex: Int) -> [VolumeRecord] {
        let vm = vms[vmIndex]
        var out: [VolumeRecord] = volumes.isMaterialized(vmID: vm.id) ? [] : [RootVolumes.record(vm)]
        out += volumes.positions(attachedTo: vm.id).map { volumes.records[$0] }
        return out.sorted { ($0.deviceID ?? 0) < ($1.deviceID ?? 0) }
    }

    /// The pool a volume is on, as its index.
    func poolIndex(of volume: VolumeRecord) -> Int? { volume.poolID.flatMap { poolPosition($0) } }

    /// The hypervisor of the hosts that use the volume: its VM's, else its pool's.
    func hypervisor(of volume: VolumeRecord) -> String? {
        if let vmID = volume.vmID, let v = vmPosition(vmID) { return host(vms[v].lastHostID)?.hypervisor }
        return poolIndex(of: volume).flatMap { storagePools[$0].hypervisor }
    }
}
