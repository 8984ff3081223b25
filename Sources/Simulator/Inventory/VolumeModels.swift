/// The volume area's records: disk offerings, volumes kept as records, and volume snapshots. Dates are epoch seconds.

struct DiskOfferingRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    /// GB; 0 for a customized offering (the size comes with the request).
    var diskSizeGB: Int64
    var customized: Bool
    /// "shared" or "local".
    var storageType: String
    /// thin, sparse or fat.
    var provisioningType: String
    var tags: String?
    var minIops: Int64?
    var maxIops: Int64?
    var created: Int64
}

/// Volume.Type.
enum VolumeType: String, Codable, Sendable {
    case ROOT, DATADISK
}

/// Volume.State, the states the simulator passes through.
enum VolumeState: String, Codable, Sendable, CaseIterable {
    case Allocated, Creating, Ready, Resizing, Migrating, Destroy, Expunging
}

/// A volume kept as a record: every data disk, every created volume, and a ROOT volume once something changed it
/// (a VM's untouched ROOT volume is derived from the VM instead, see RootVolumes).
struct VolumeRecord: Codable, Sendable {
    var id: String
    var name: String
    var type: VolumeType
    var state: VolumeState
    var sizeBytes: Int64
    var vmID: String?
    var deviceID: Int?
    /// nil while Allocated: the volume exists only in the database until its first attach.
    var poolID: String?
    var zoneID: String
    var diskOfferingID: String?
    var accountID: String
    var created: Int64
    var attached: Int64?
    var path: String?
    var provisioningType: String
    /// The snapshot this volume was created from.
    var snapshotID: String?
    /// ROOT volumes: the template they were made from.
    var templateID: String?
    /// The state to go back to when a Resizing/Migrating job fails.
    var stableState: VolumeState?
}

/// A volume snapshot (Snapshot.State: Creating, BackedUp, Error, Destroyed; Snapshot.Type: MANUAL, HOURLY, DAILY, WEEKLY, MONTHLY).
struct SnapshotRecord: Codable, Sendable {
    var id: String
    var name: String
    var volumeID: String
    var volumeName: String
    var volumeType: VolumeType
    var state: String
    var physicalSize: Int64
    var virtualSize: Int64
    /// MANUAL for snapshots taken on request; the policy's interval (HOURLY, DAILY, …) for recurring ones.
    var snapshotType: String
    var zoneID: String
    var accountID: String
    var created: Int64
    /// PRIMARY or SECONDARY; only on managed storage.
    var locationType: String?
}
