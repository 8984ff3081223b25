/// Each area's records, kept apart from the core inventory so areas grow in their own files.
/// Each struct is Codable; a state file written before an area existed decodes it as empty.
struct NetworkInventory: Codable, Sendable {
    init() {}
}

struct VolumeInventory: Codable, Sendable {
    init() {}
}
