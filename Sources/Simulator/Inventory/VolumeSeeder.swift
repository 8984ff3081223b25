/// Seeds the volume area after the core inventory exists: disk offerings, a primary pool whose provider cannot
/// resize or copy (the Sample plugin), data disks on some VMs, detached volumes, and volume snapshots.
/// ROOT volumes are not seeded: each VM's is derived from it (RootVolumes).
enum VolumeSeeder {
    static let gib: Int64 = 1_073_741_824
    /// The pool of the Sample provider: zone-wide in the first zone.
    static let samplePoolName = "sample-array1"

    static func seed(_ inv: inout Inventory, seed: UInt64) {
        var g = SplitMix64(seed: seed ^ 0x564F_4C55_4D45_5301)
        let base = Seeder.epochBase
        let offerings: [(String, String, Int64, Bool, String?, Int64?, Int64?)] = [
            ("Small", "Small Disk, 5 GB", 5, false, nil, nil, nil),
            ("Medium", "Medium Disk, 20 GB", 20, false, nil, nil, nil),
            ("Large", "Large Disk, 100 GB", 100, false, nil, nil, nil),
            ("Custom", "Custom Disk", 0, true, nil, nil, nil),
            ("SSD 50 GB", "Fast disk on SSD pools, 50 GB", 50, false, "ssd", 1000, 5000),
        ]
        inv.volumes.diskOfferings = offerings.map { o in
            DiskOfferingRecord(id: g.uuid(), name: o.0, displayText: o.1, diskSizeGB: o.2, customized: o.3, storageType: "shared",
                               provisioningType: "thin", tags: o.4, minIops: o.5, maxIops: o.6, created: base)
        }
        guard let zone = inv.zones.first else { return }

        let capacity = Int64(20) * 1_099_511_627_776
        let sample = StoragePoolRecord(
            id: g.uuid(), name: samplePoolName, zoneID: zone.id, podID: nil, clusterID: nil, scope: "ZONE", type: "Filesystem",
            ipAddress: "sample-array1.storage.example", path: "/vg-cloud", url: "sample://sample-array1.storage.example/vg-cloud",
            provider: "Sample", state: "Up", capacityBytes: capacity, usedBytes: capacity / 10, allocatedBytes: capacity / 8,
            capacityIops: nil, tags: nil, hypervisor: "KVM", managed: false, created: base + 3 * 86_400, details: [:])
        inv.storagePools.append(sample)

        let plain = Array(inv.volumes.diskOfferings.prefix(4))
        let ssd = inv.volumes.diskOfferings[4]
        var serial = inv.vms.count
        var onSample = 0
        func dataDisk(vm: VirtualMachineRecord?, pool: StoragePoolRecord?, account: String, zoneID: String, device: Int?, created: Int64) -> VolumeRecord {
            let tagged = pool?.tags?.split(separator: ",").contains("ssd") == true
            let offering = tagged && g.chance(0.3) ? ssd : plain[g.below(plain.count)]
            let size = offering.customized ? Int64(10 + 10 * g.below(20)) * gib : offering.diskSizeGB * gib
            serial += 1
            let id = g.uuid()
            return VolumeRecord(id: id, name: "DATA-\(serial)", type: .DATADISK, state: pool == nil ? .Allocated : .Ready, sizeBytes: size,
                                vmID: vm?.id, deviceID: vm == nil ? nil : device, poolID: pool?.id, zoneID: zoneID, diskOfferingID: offering.id,
                                accountID: account, created: created, attached: vm == nil ? nil : created, path: pool == nil ? nil : g.uuid(),
                                provisioningType: offering.provisioningType, snapshotID: nil, templateID: nil, stableState: nil)
        }

        // Data disks on about one VM in twelve; a few KVM VMs of the first zone keep theirs on the Sample pool.
        for vm in inv.vms where g.chance(0.08) {
            let count = g.chance(0.25) ? 2 : 1
            let hv = inv.host(vm.lastHostID)?.hypervisor
            for k in 0..<count {
                var pool = inv.storagePools.first { $0.id == vm.poolID }
                if vm.zoneID == zone.id, hv == "KVM", onSample < 4 {
                    pool = sample
                    onSample += 1
                }
                inv.volumes.append(dataDisk(vm: vm, pool: pool, account: vm.accountID, zoneID: vm.zoneID, device: k + 1,
                                            created: vm.created + Int64(g.below(30 * 86_400))))
            }
        }

        // Detached volumes: Ready ones on a pool of their zone (two on the Sample pool), and Allocated ones on none.
        for k in 0..<12 {
            let account = inv.accounts[k % inv.accounts.count]
            let z = inv.zones[k % inv.zones.count]
            let pools = inv.storagePools.filter { $0.zoneID == z.id && $0.scope == "CLUSTER" && $0.state == "Up" }
            var pool: StoragePoolRecord? = k % 3 == 2 || pools.isEmpty ? nil : pools[g.below(pools.count)]
            if k < 2 { pool = sample }
            inv.volumes.append(dataDisk(vm: nil, pool: pool, account: account.id, zoneID: pool?.zoneID ?? z.id, device: nil,
                                        created: base + 400 * 86_400 + Int64(k) * 3600))
        }
        inv.volumes.serial = serial

        // Volume snapshots: mostly of ROOT volumes, some of data disks; a few recurring, one failed.
        guard !inv.vms.isEmpty else { return }
        let recurring = ["HOURLY", "DAILY", "WEEKLY"]
        for k in 0..<min(inv.vms.count, 40) {
            let volume: VolumeRecord
            if k % 4 == 3, !inv.volumes.records.isEmpty {
                volume = inv.volumes.records[(k * 131) % inv.volumes.records.count]
            } else {
                volume = RootVolumes.record(inv.vms[(k * 7907) % inv.vms.count])
            }
            let vmName = volume.vmID.flatMap { inv.vmPosition($0) }.map { inv.vms[$0].displayName }
            let created = max(volume.created, base + 450 * 86_400) + Int64(k) * 7200
            let stamp = APIDate.string(created).filter(\.isNumber).prefix(14)
            let type = k % 5 == 1 ? recurring[k % recurring.count] : "MANUAL"
            let prefix: String = vmName.map { $0 + "_" } ?? ""
            let name: String = prefix + volume.name + "_" + String(stamp)
            let physical = Int64(Double(volume.sizeBytes) * (0.1 + 0.5 * g.unit()))
            inv.volumes.snapshots.append(SnapshotRecord(
                id: g.uuid(), name: name, volumeID: volume.id, volumeName: volume.name, volumeType: volume.type,
                state: k == 17 ? "Error" : "BackedUp", physicalSize: physical, virtualSize: volume.sizeBytes,
                snapshotType: type, zoneID: volume.zoneID, accountID: volume.accountID, created: created, locationType: nil))
        }
    }
}
