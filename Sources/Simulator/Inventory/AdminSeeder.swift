/// Seeds the admin area (`Inventory.admin` records) after the core inventory exists.
enum AdminSeeder {
    static func seed(_ inv: inout Inventory, seed: UInt64) {}
}
