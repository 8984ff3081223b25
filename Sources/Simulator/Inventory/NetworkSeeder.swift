/// Seeds the network area (`Inventory.net` records) after the core inventory exists.
enum NetworkSeeder {
    static func seed(_ inv: inout Inventory, seed: UInt64) {}
}
