import CloudStack

/// Ids of built-in sections that Swift code names (the sections themselves are data, in Sources/Console/Sections).
enum InstancesSection {
    static let id = "instances"
}

/// Ids of the storage sections.
enum StorageSections {
    static let primaryID = "primary-storage"
    static let secondaryID = "secondary-storage"
    static let vmSnapshotsID = "vm-snapshots"

    static func location(_ item: JSONObject) -> String { SecondaryStores.location(item) }
}
