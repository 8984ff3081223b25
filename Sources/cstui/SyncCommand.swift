import ArgumentParser
import CloudStack
import Foundation

/// `cstui sync`: caches the profile's listApis for shell completion, as cloudmonkey's `sync` does.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Cache the profile's API list (listApis) for shell completion of `cstui call`.",
        discussion: "Writes ${XDG_CACHE_HOME:-~/.cache}/cstui/<profile>.json. Run it again after an upgrade of the cloud."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let profile: Profile
        let client: CloudStackClient
        do {
            profile = try connection.resolve()
            client = try CloudStackClient(configuration: profile.configuration, logger: try connection.logger())
        } catch {
            Terminal.warn("cstui: \(error)")
            throw ExitCode(2)
        }
        guard let path = APICache.path(profile: profile.name) else {
            Terminal.warn("cstui: the profile name '\(TerminalSafe.visible(profile.name))' cannot name a cache file")
            await client.close()
            throw ExitCode(2)
        }
        do {
            let items = try await client.call("listApis", []).list.items
            let cache = APICache(listApis: items)
            try cache.write(to: path)
            print("Synced \(cache.apis.count) APIs of profile \(profile.name) to \(path)")
            await client.close()
        } catch {
            Terminal.warn("cstui: sync failed: \(error)")
            await client.close()
            throw ExitCode(1)
        }
    }
}

/// Completion of `cstui call`'s words from the sync cache of the profile on the command line (or the config's default).
enum CallCompletion {
    /// The profile the words name (`--profile X`), else the config's `profile =`, else "default".
    static func profile(in words: [String]) -> String {
        if let i = words.firstIndex(of: "--profile"), i + 1 < words.count { return words[i + 1] }
        if let w = words.first(where: { $0.hasPrefix("--profile=") }) { return String(w.dropFirst("--profile=".count)) }
        var config: String?
        if let i = words.firstIndex(where: { $0 == "-c" || $0 == "--config" }), i + 1 < words.count { config = words[i + 1] }
        let resolver = ProfileResolver(configPath: config)
        return ((try? resolver.loadFile())??.core["profile"]) ?? "default"
    }

    static func cache(_ words: [String]) -> APICache? {
        APICache.path(profile: profile(in: words)).flatMap(APICache.read)
    }

    /// API names starting with what is typed (case does not matter, as the server's command names).
    static func commands(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let cache = cache(words) else { return [] }
        return cache.apis.map(\.name).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// `name=` for each parameter of the command on the line not given yet.
    static func parameters(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let cache = cache(words) else { return [] }
        let names = Set(cache.apis.map { $0.name.lowercased() })
        guard let command = words.first(where: { names.contains($0.lowercased()) }),
              let api = cache.apis.first(where: { $0.name.lowercased() == command.lowercased() }) else { return [] }
        let given = Set(words.compactMap { w in w.firstIndex(of: "=").map { String(w[..<$0]).lowercased() } })
        return api.params.filter { !given.contains($0.lowercased()) && $0.lowercased().hasPrefix(prefix.lowercased()) }.map { $0 + "=" }
    }
}
