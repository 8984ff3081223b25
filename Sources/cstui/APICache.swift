import CloudStack
import Foundation

/// `cstui sync`'s cache of a profile's listApis, as cloudmonkey keeps one: API names and their parameters, for shell
/// completion. One file per profile in `${XDG_CACHE_HOME:-~/.cache}/cstui/<profile>.json`.
struct APICache {
    struct API: Equatable {
        var name: String
        var isAsync: Bool
        var params: [String]
    }

    var apis: [API]

    /// The folder of the cache files.
    static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        XDGDirectory.cache.cstuiFolder(environment: environment) ?? NSHomeDirectory() + "/.cache/cstui"
    }

    /// The cache file of `profile`; a name that is not a plain file name is refused (it comes from the command line).
    static func path(profile: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard !profile.isEmpty, profile.count <= 100, !profile.hasPrefix("."),
              profile.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.@".unicodeScalars.contains($0) })
        else { return nil }
        return directory(environment: environment) + "/" + profile + ".json"
    }

    /// The APIs of a listApis answer's items.
    init(listApis items: [JSONValue]) {
        apis = items.compactMap { item in
            guard let name = item["name"]?.text, !name.isEmpty else { return nil }
            // listApis describes each parameter as an object; the cache keeps only its name.
            let params = item["params"]?.arrayValue?.compactMap { $0["name"]?.text ?? $0.text }.filter { !$0.isEmpty } ?? []
            return API(name: name, isAsync: item["isasync"]?.boolValue ?? false, params: params.sorted())
        }.sorted { $0.name < $1.name }
    }

    init(apis: [API]) { self.apis = apis }

    /// The cache as written: {"apis": [{"name", "isasync", "params": [...]}]}.
    var json: JSONValue {
        .object(JSONObject([("apis", .array(apis.map { api in
            .object(JSONObject([("name", .string(api.name)), ("isasync", .bool(api.isAsync)),
                                ("params", .array(api.params.map { .string($0) }))]))
        }))]))
    }

    /// Writes the cache (folder 0700, file 0600), replacing the file whole.
    func write(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temp, contents: Data(JSONSerializer.string(json).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CloudStackError.configuration("cannot write the API cache \(temp)")
        }
        if rename(temp, path) != 0 {
            unlink(temp)
            throw CloudStackError.configuration("cannot write the API cache \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The cache of a file; nil when it is missing or not a cache (completion then offers nothing).
    static func read(path: String) -> APICache? {
        guard let data = FileManager.default.contents(atPath: path), data.count < 32 << 20,
              let text = String(data: data, encoding: .utf8), let value = try? JSONParser.parse(text),
              let list = value["apis"]?.arrayValue else { return nil }
        return APICache(listApis: list)
    }
}
