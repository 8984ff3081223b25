import CloudStack
import Foundation
import PluginKit
import StorageForms
import Testing
import TUI
@testable import Console

/// Mutated hand-written files through the console's readers: section files and plugins' config.json (one reader),
/// plugins.json, themes, and storage forms. Nothing traps; every refusal is a message naming the file.
@Suite("Fuzzing section, plugin, theme and form files")
struct ConsoleFilesFuzzTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(_ folder: String, suffix: String = ".json") -> [[UInt8]] {
        let dir = repo.appendingPathComponent(folder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(suffix) && !$0.hasSuffix("schema.json") }
        return names.sorted().compactMap { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path).map { Array($0) } }
    }

    static var configs: [[UInt8]] {
        let plugins = ["csMyFirstPlugin", "stoppedVMs", "sampleStorage"].compactMap {
            FileManager.default.contents(atPath: repo.appendingPathComponent("plugins/\($0)/config.json").path).map { Array($0) }
        }
        return files("Sources/Console/Sections") + plugins
    }

    @Test("section files and config.json: the reader never traps, and refusals name the file")
    func sectionsAndPlugins() {
        let seeds = Self.configs
        #expect(seeds.count >= 10)
        let mutator = Mutator(corpus: seeds)
        var read = 0
        FuzzBudget("section and plugin files", iterations: 6000, seed: 0x5EED_0101).run { rng, _ in
            let bytes = mutator.mutate(rng.pick(seeds), &rng)
            FuzzBudget.record(bytes, target: "section")
            do {
                let manifest = try PluginManifest.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.json")
                // What was read is usable: views become list views, actions plan calls without trapping.
                if let view = manifest.view {
                    let def = ListViewDefinition(view)
                    let row = Row(id: "r1", fields: JSONObject([("id", "r1"), ("name", "n"), ("state", "Up")]))
                    for a in def.actions { _ = try? a.plannedCall(row: row, inputs: [:]) }
                }
                read += 1
            } catch {
                #expect("\(error)".hasPrefix("fuzz.json"), "\(error)")
            }
        }
        #expect(read > 0)
    }

    @Test("plugins.json and themes: never trap")
    func listsAndThemes() throws {
        let lists = [Array(#"["csMyFirstPlugin", "stoppedVMs", "sampleStorage"]"#.utf8)]
        let themes = Self.files("themes")
        #expect(!themes.isEmpty)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let listPath = dir.appendingPathComponent("plugins.json").path
        let listMutator = Mutator(corpus: lists)
        FuzzBudget("plugins.json", iterations: 1500, seed: 0x5EED_0102).run { rng, _ in
            let bytes = listMutator.mutate(rng.pick(lists), &rng)
            FuzzBudget.record(bytes, target: "plugins-list")
            FileManager.default.createFile(atPath: listPath, contents: Data(bytes))
            if let ids = try? PluginLoader.readList(listPath) { #expect(ids.allSatisfy { !$0.contains("/") && !$0.hasPrefix(".") }) }
        }
        let themeMutator = Mutator(corpus: themes)
        FuzzBudget("themes", iterations: 4000, seed: 0x5EED_0103).run { rng, _ in
            let bytes = themeMutator.mutate(rng.pick(themes), &rng)
            FuzzBudget.record(bytes, target: "theme")
            _ = try? Theme.parse(Data(bytes), file: "fuzz.json")
        }
    }

    @Test("storage forms: the built-in catalog and contributed provider forms never trap")
    func storageForms() {
        let contributed = Self.configs.compactMap { bytes -> [UInt8]? in
            guard let json = try? JSONParser.parse(bytes), let sp = json["storageProviders"] else { return nil }
            return Array(JSONSerializer.string(sp).utf8)
        }
        #expect(!contributed.isEmpty)
        let mutator = Mutator(corpus: contributed)
        FuzzBudget("storage provider forms", iterations: 4000, seed: 0x5EED_0104).run { rng, _ in
            let bytes = mutator.mutate(rng.pick(contributed), &rng)
            FuzzBudget.record(bytes, target: "storage-forms")
            guard let json = try? JSONParser.parse(bytes) else { return }
            var catalog = StorageFormCatalog.builtIn()
            guard (try? catalog.addContributed(json, path: "storageProviders", plugin: "fuzz")) != nil else { return }
            // A catalog that took the forms builds fields and requests for any values without trapping.
            for kind in [StorageKind.primary, .image] {
                let fields = catalog.fields(kind: kind, values: ["provider": "Sample"], providers: ["Sample"], context: FormContext())
                _ = try? catalog.requests(kind: kind, values: Dictionary(fields.map { ($0.key, "x") }, uniquingKeysWith: { a, _ in a }),
                                          providers: ["Sample"], context: FormContext())
            }
        }
    }
}
