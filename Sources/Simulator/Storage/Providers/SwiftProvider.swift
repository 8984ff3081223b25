/// OpenStack Swift object storage as region-wide secondary storage: url plus details account, username, key.
struct SwiftProvider: DataStoreProvider {
    let name = "Swift"
    let types: Set<DataStoreRole> = [.image]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
            guard let p = StoreURL.split(url), ["http", "https"].contains(p.scheme.lowercased()), !p.host.isEmpty else {
                throw StoreURL.invalid(input, "url", url, "expected http(s)://<swift-proxy>:<port>/auth/v1.0")
            }
            try StoreURL.requireDetails(input, ["account", "username", "key"])
            return DataStoreSpec(type: "swift", host: p.host, path: p.path, url: url, details: input.details, capacityBytes: 0)
        }
    }
}
