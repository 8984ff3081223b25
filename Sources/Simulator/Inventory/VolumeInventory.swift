/// The volume area's records: disk offerings, the volumes kept as records, volume snapshots.
/// A VM's ROOT volume is not stored until something changes it (RootVolumes derives it), so 100,000 VMs cost no
/// ROOT records; `materializedRoots` names the VMs whose ROOT volume has become a record.
struct VolumeInventory: Codable, Sendable {
    var diskOfferings: [DiskOfferingRecord] = []
    private(set) var records: [VolumeRecord] = []
    var snapshots: [SnapshotRecord] = []
    private(set) var materializedRoots: Set<String> = []
    /// The number in the next DATA-N name.
    var serial: Int = 0

    // Indexes (rebuilt, not stored).
    private var recordIndex: [String: Int] = [:]
    private var recordsByVM: [String: [Int]] = [:]
    private var recordsByPool: [String: Int] = [:]

    private enum CodingKeys: String, CodingKey {
        case diskOfferings, records, snapshots, materializedRoots, serial
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        diskOfferings = try c.decode([DiskOfferingRecord].self, forKey: .diskOfferings)
        records = try c.decode([VolumeRecord].self, forKey: .records)
        snapshots = try c.decode([SnapshotRecord].self, forKey: .snapshots)
        materializedRoots = try c.decode(Set<String>.self, forKey: .materializedRoots)
        serial = try c.decode(Int.self, forKey: .serial)
        rebuildIndexes()
    }

    mutating func rebuildIndexes() {
        recordIndex = [:]
        recordsByVM = [:]
        recordsByPool = [:]
        recordIndex.reserveCapacity(records.count)
        for (i, r) in records.enumerated() {
            recordIndex[r.id] = i
            if let vm = r.vmID { recordsByVM[vm, default: []].append(i) }
            if let pool = r.poolID { recordsByPool[pool, default: 0] += 1 }
        }
    }

    func position(_ id: String) -> Int? { recordIndex[id] }
    /// The records owned by `accounts`.
    func recordsOfAccounts(_ accounts: Set<String>) -> [VolumeRecord] { records.filter { accounts.contains($0.accountID) } }

    func record(_ id: String) -> VolumeRecord? { recordIndex[id].map { records[$0] } }
    /// Positions of the records attached to a VM (its data disks, and its ROOT once materialized).
    func positions(attachedTo vmID: String) -> [Int] { recordsByVM[vmID] ?? [] }
    func isMaterialized(vmID: String) -> Bool { materializedRoots.contains(vmID) }
    /// Whether any record lives on the pool (for listVirtualMachines storageid without a scan when none does).
    func hasRecords(onPool poolID: String) -> Bool { (recordsByPool[poolID] ?? 0) > 0 }

    mutating func append(_ record: VolumeRecord) {
        recordIndex[record.id] = records.count
        if let vm = record.vmID { recordsByVM[vm, default: []].append(records.count) }
        if let pool = record.poolID { recordsByPool[pool, default: 0] += 1 }
        records.append(record)
    }

    /// Replaces the record at `i`, keeping the VM and pool indexes in step with it.
    mutating func update(at i: Int, _ change: (inout VolumeRecord) -> Void) {
        var r = records[i]
        let before = (r.vmID, r.poolID)
        change(&r)
        records[i] = r
        if before.0 != r.vmID {
            if let old = before.0 { recordsByVM[old]?.removeAll { $0 == i } }
            if let new = r.vmID { recordsByVM[new, default: []].append(i) }
        }
        if before.1 != r.poolID {
            if let old = before.1 { recordsByPool[old, default: 1] -= 1 }
            if let new = r.poolID { recordsByPool[new, default: 0] += 1 }
        }
    }

    mutating func remove(at i: Int) {
        records.remove(at: i)
        rebuildIndexes()
    }

    /// Keeps a derived ROOT volume as a record from now on.
    mutating func materialize(_ root: VolumeRecord, vmID: String) -> Int {
        materializedRoots.insert(vmID)
        append(root)
        return records.count - 1
    }

    /// The VM is gone: its ROOT volume is no longer derived (a record, if any, is handled by the caller).
    mutating func forget(vmID: String) { materializedRoots.remove(vmID) }

    func diskOffering(_ id: String?) -> DiskOfferingRecord? { id.flatMap { i in diskOfferings.first { $0.id == i } } }
    func snapshotPosition(_ id: String) -> Int? { snapshots.firstIndex { $0.id == id } }
}
