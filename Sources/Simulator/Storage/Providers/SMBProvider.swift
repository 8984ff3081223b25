/// SMB/CIFS secondary storage (Hyper-V zones); credentials come as details user, password, domain.
struct SMBProvider: DataStoreProvider {
    let name = "SMB"
    let types: Set<DataStoreRole> = [.image]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            let p = try StoreURL.require(input, schemes: ["cifs", "smb"], example: "cifs://<server>/<share>")
            try StoreURL.requireDetails(input, ["user", "password"])
            return DataStoreSpec(type: "cifs", host: p.host, path: p.path, url: input.url ?? "", details: input.details,
                                 capacityBytes: StoreURL.capacity(input.url ?? ""))
        }
    }
}
