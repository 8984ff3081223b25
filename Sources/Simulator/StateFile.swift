import Foundation

/// `--state FILE`: the inventory as JSON, loaded at start when the file exists and written on shutdown.
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
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
