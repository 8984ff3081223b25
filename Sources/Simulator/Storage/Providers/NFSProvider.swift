/// NFS secondary storage, also used as a secondary staging store (image cache).
struct NFSProvider: DataStoreProvider {
    let name = "NFS"
    let types: Set<DataStoreRole> = [.image, .imageCache]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            let p = try StoreURL.require(input, schemes: ["nfs"], example: "nfs://<server>/<path>")
            return DataStoreSpec(type: "nfs", host: p.host, path: p.path, url: input.url ?? "", details: input.details,
                                 capacityBytes: StoreURL.capacity(input.url ?? ""))
        }
    }
}
