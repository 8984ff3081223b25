/// Seeds the volume area (`Inventory.volumes` records) after the core inventory exists.
enum VolumeSeeder {
    static func seed(_ inv: inout Inventory, seed: UInt64) {}
}
