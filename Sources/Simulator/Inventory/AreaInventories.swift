/// Each area's records, kept apart from the core inventory so areas grow in their own files (the volume area's is
/// in VolumeInventory.swift).
/// Each struct is Codable; a state file written before an area existed decodes it as empty.
/// The network area's struct is in NetworkInventory.swift.
struct AdminInventory: Codable, Sendable {
    init() {}
}
