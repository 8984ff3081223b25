/// CloudStack's default primary storage provider: NFS, shared mount points, RBD, iSCSI, PreSetup and the other hypervisor-managed types.
struct DefaultPrimaryProvider: DataStoreProvider {
    let name = "DefaultPrimary"
    let types: Set<DataStoreRole> = [.primary]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    /// URL scheme → StoragePoolType.
    static let poolTypes: [String: String] = [
        "nfs": "NetworkFilesystem", "sharedmountpoint": "SharedMountPoint", "rbd": "RBD", "cifs": "SMB", "smb": "SMB",
        "iscsi": "Iscsi", "presetup": "PreSetup", "clvm": "CLVM", "gluster": "Gluster", "vmfs": "VMFS",
        "datastorecluster": "DatastoreCluster", "ocfs2": "OCFS2", "file": "Filesystem",
    ]

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
            guard let parts = StoreURL.split(url), let type = DefaultPrimaryProvider.poolTypes[parts.scheme.lowercased()] else {
                throw StoreURL.invalid(input, "url", url, "the scheme must be one of nfs, SharedMountPoint, rbd, cifs, iscsi, presetup, clvm, gluster, vmfs, ocfs2")
            }
            switch type {
            case "NetworkFilesystem", "SMB", "Gluster", "OCFS2":
                if parts.host.isEmpty || parts.path.count < 2 {
                    throw StoreURL.invalid(input, "url", url, "expected \(parts.scheme)://<server>/<path>")
                }
            case "RBD":
                if parts.host.isEmpty { throw StoreURL.invalid(input, "url", url, "expected rbd://<user>:<secret>@<monitor>/<pool>") }
            case "Iscsi":
                if parts.path.split(separator: "/").count != 2 { throw StoreURL.invalid(input, "url", url, "expected iscsi://<server>/<iqn>/<lun>") }
            case "SharedMountPoint", "CLVM", "PreSetup", "Filesystem":
                if parts.path.count < 2 { throw StoreURL.invalid(input, "url", url, "expected \(parts.scheme)://localhost/<path>") }
            default: break
            }
            if type == "SMB" {
                // The UI sends SMB credentials as details[N].user / password / domain.
                for k in ["user", "password"] where (input.details[k] ?? "").isEmpty {
                    throw APIError.param("Unable to execute API command \(input.command) due to missing parameter \(k) (details[n].\(k)=… for an SMB pool)")
                }
            }
            let host = parts.host.split(separator: "@").last.map(String.init) ?? parts.host
            return DataStoreSpec(type: type, host: host, path: parts.path, url: url, details: input.details, capacityBytes: StoreURL.capacity(url))
        }
    }
}

/// The sample primary-storage plugin (plugins/storage/volume/sample): any `sample://` URL, managed by the plugin.
struct SampleProvider: DataStoreProvider {
    let name = "Sample"
    let types: Set<DataStoreRole> = [.primary]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { SampleDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
            guard let p = StoreURL.split(url), p.scheme.lowercased() == "sample", !p.host.isEmpty else {
                throw StoreURL.invalid(input, "url", url, "expected sample://<array>/<volume-group>")
            }
            return DataStoreSpec(type: "Filesystem", host: p.host, path: p.path.isEmpty ? "/" : p.path, url: url, details: input.details,
                                 capacityBytes: StoreURL.capacity(url))
        }
    }
}

/// The sample plugin's driver (SamplePrimaryDataStoreDriverImpl): it creates and deletes, but its `resize` and
/// `copyAsync` are empty and `canCopy` is false, so volumes on it can be neither resized nor migrated.
struct SampleDriver: DataStoreDriver {
    func createAsync(_ object: DataObject, on pool: inout StoragePoolRecord) throws {
        try SpaceAccounting.take(object.sizeBytes, on: &pool)
    }

    func deleteAsync(_ object: DataObject, on pool: inout StoragePoolRecord) {
        SpaceAccounting.give(object.sizeBytes, on: &pool)
    }

    func resize(_ object: DataObject, to bytes: Int64, on pool: inout StoragePoolRecord) throws {
        throw APIError.internalError("the storage provider Sample of pool \(pool.name) does not implement resize")
    }
}
