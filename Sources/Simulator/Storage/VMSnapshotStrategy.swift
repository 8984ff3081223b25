/// VMSnapshotStrategy: how a VM snapshot is taken, reverted and deleted; the first strategy that can handle it is used.
protocol VMSnapshotStrategy: Sendable {
    func canHandle(_ snapshot: VMSnapshotRecord, vm: VirtualMachineRecord, pool: StoragePoolRecord?) -> Bool
    func takeVMSnapshot(_ snapshot: inout VMSnapshotRecord, vm: VirtualMachineRecord, pool: inout StoragePoolRecord?) throws
    func revertVMSnapshot(_ snapshot: VMSnapshotRecord, vm: inout VirtualMachineRecord) throws
    func deleteVMSnapshot(_ snapshot: VMSnapshotRecord, pool: inout StoragePoolRecord?)
}

/// The hypervisor-based default: disks (and memory when asked) are captured by the hypervisor; space is taken on the root disk's pool.
struct DefaultVMSnapshotStrategy: VMSnapshotStrategy {
    func canHandle(_ snapshot: VMSnapshotRecord, vm: VirtualMachineRecord, pool: StoragePoolRecord?) -> Bool { true }

    static func size(_ snapshot: VMSnapshotRecord) -> Int64 { snapshot.type == "DiskAndMemory" ? 12 * 1_073_741_824 : 8 * 1_073_741_824 }

    func takeVMSnapshot(_ snapshot: inout VMSnapshotRecord, vm: VirtualMachineRecord, pool: inout StoragePoolRecord?) throws {
        if var p = pool {
            let provider = DataStoreProviderRegistry.provider(named: p.provider) ?? DefaultPrimaryProvider()
            try provider.driver.createAsync(DataObject(id: snapshot.id, sizeBytes: Self.size(snapshot)), on: &p)
            pool = p
        }
        snapshot.state = "Ready"
    }

    func revertVMSnapshot(_ snapshot: VMSnapshotRecord, vm: inout VirtualMachineRecord) throws {
        // A disk-only snapshot leaves the VM stopped; one with memory resumes it running.
        vm.state = snapshot.type == "DiskAndMemory" ? .Running : .Stopped
        vm.hostID = vm.state == .Running ? vm.lastHostID : nil
    }

    func deleteVMSnapshot(_ snapshot: VMSnapshotRecord, pool: inout StoragePoolRecord?) {
        if var p = pool {
            let provider = DataStoreProviderRegistry.provider(named: p.provider) ?? DefaultPrimaryProvider()
            provider.driver.deleteAsync(DataObject(id: snapshot.id, sizeBytes: Self.size(snapshot)), on: &p)
            pool = p
        }
    }
}

/// Storage-based snapshots on managed pools (as StorageVMSnapshotStrategy does for KVM): disks only, no memory.
struct ManagedStorageVMSnapshotStrategy: VMSnapshotStrategy {
    func canHandle(_ snapshot: VMSnapshotRecord, vm: VirtualMachineRecord, pool: StoragePoolRecord?) -> Bool {
        pool?.managed == true && snapshot.type == "Disk"
    }

    func takeVMSnapshot(_ snapshot: inout VMSnapshotRecord, vm: VirtualMachineRecord, pool: inout StoragePoolRecord?) throws {
        snapshot.state = "Ready"
    }

    func revertVMSnapshot(_ snapshot: VMSnapshotRecord, vm: inout VirtualMachineRecord) throws {
        vm.state = .Stopped
        vm.hostID = nil
    }

    func deleteVMSnapshot(_ snapshot: VMSnapshotRecord, pool: inout StoragePoolRecord?) {}
}

enum VMSnapshotStrategies {
    static let all: [any VMSnapshotStrategy] = [ManagedStorageVMSnapshotStrategy(), DefaultVMSnapshotStrategy()]

    static func strategy(for snapshot: VMSnapshotRecord, vm: VirtualMachineRecord, pool: StoragePoolRecord?) -> any VMSnapshotStrategy {
        all.first { $0.canHandle(snapshot, vm: vm, pool: pool) } ?? DefaultVMSnapshotStrategy()
    }
}
