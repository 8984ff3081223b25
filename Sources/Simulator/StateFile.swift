import Foundation

/// `--state FILE`: the inventory as JSON, loaded at start when the file exists and written on shutdown.
/// It holds every account's password and keys, so it is written 0600 (see `PrivateFile`).
enum StateFile {
    static func load(_ path: String) throws -> Inventory? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var inv = try JSONDecoder().decode(Inventory.self, from: data)
        inv.rebuildIndexes()
        return inv
    }

    static func save(_ inventory: Inventory, to path: String) throws {
        let data = try JSONEncoder().encode(inventory)
        try PrivateFile.write(data, to: path)
    }
}
