import CloudStack

/// The storage plugin contracts of CloudStack's "Storage Plugins" guide, as the simulator models them.
/// A new provider is one type conforming to `DataStoreProvider` plus one line in `DataStoreProviderRegistry`.

/// What a data store is used for (DataStoreProvider.getTypes()).
enum DataStoreRole: String, Sendable {
    case primary = "PRIMARY"
    case image = "IMAGE"
    /// A secondary staging store.
    case imageCache = "ImageCache"
}

/// The user's request to add a store, as the add/create commands received it.
struct DataStoreInput: Sendable {
    var command: String
    var name: String
    var url: String?
    var zoneID: String?
    var podID: String?
    var clusterID: String?
    var scope: String
    var hypervisor: String?
    var details: [String: String]
    var role: DataStoreRole
}

/// What `initialize` learned from the input: how the store is reached.
struct DataStoreSpec: Sendable {
    /// Storage pool type (NetworkFilesystem, RBD, …) for primary stores, protocol (nfs, cifs, s3, swift) for image stores.
    var type: String
    var host: String
    var path: String
    var url: String
    var details: [String: String]
    var capacityBytes: Int64
    /// Set when the provider decides whether the pool is managed (PowerFlex always is); nil: the `managed` parameter.
    var managed: Bool? = nil
}

/// DataStoreLifecycle: creating, attaching, maintaining and deleting a store.
protocol DataStoreLifecycle: Sendable {
    /// Validates the input and describes the store; bad input is a 431 naming the parameter.
    func initialize(_ input: DataStoreInput) throws -> DataStoreSpec
    func attachCluster(_ pool: inout StoragePoolRecord, cluster: ClusterRecord) throws
    func attachZone(_ pool: inout StoragePoolRecord, zone: ZoneRecord, hypervisor: String) throws
    func attachHost(_ pool: inout StoragePoolRecord, host: HostRecord) throws
    /// Starts maintenance: the pool goes to PrepareForMaintenance until the job finishes.
    func maintain(_ pool: inout StoragePoolRecord) throws
    func cancelMaintain(_ pool: inout StoragePoolRecord) throws
    func deleteDataStore(_ pool: StoragePoolRecord) throws
}

/// A data object a driver provisions on a store (a volume or a VM snapshot's disks).
struct DataObject: Sendable {
    var id: String
    var sizeBytes: Int64
}

/// DataStoreDriver: provisioning objects on the store.
protocol DataStoreDriver: Sendable {
    func createAsync(_ object: DataObject, on pool: inout StoragePoolRecord) throws
    func deleteAsync(_ object: DataObject, on pool: inout StoragePoolRecord)
    /// Optional: grow or shrink an object to `bytes`; a driver that cannot throws the reason.
    func resize(_ object: DataObject, to bytes: Int64, on pool: inout StoragePoolRecord) throws
    /// Whether this driver can take part in moving an object from `source` to `destination` (PrimaryDataStoreDriver.canCopy);
    /// a copy needs the drivers of both pools to agree.
    func canCopy(from source: StoragePoolRecord, to destination: StoragePoolRecord) -> Bool
    /// Copies the object onto `destination` (space is taken there; the caller frees the source).
    func copyAsync(_ object: DataObject, from source: StoragePoolRecord, to destination: inout StoragePoolRecord) throws
}

extension DataStoreDriver {
    func resize(_ object: DataObject, to bytes: Int64, on pool: inout StoragePoolRecord) throws {
        throw APIError.internalError("Resize is not supported by the storage provider \(pool.provider)")
    }
    func canCopy(from source: StoragePoolRecord, to destination: StoragePoolRecord) -> Bool { false }
    func copyAsync(_ object: DataObject, from source: StoragePoolRecord, to destination: inout StoragePoolRecord) throws {
        throw APIError.internalError("Copy is not supported by the storage provider \(destination.provider)")
    }
}

/// DataStoreProvider: a named provider, its roles, lifecycle and driver.
protocol DataStoreProvider: Sendable {
    var name: String { get }
    var types: Set<DataStoreRole> { get }
    var lifecycle: any DataStoreLifecycle { get }
    var driver: any DataStoreDriver { get }
}

/// Shared lifecycle behaviour: attaching and the maintenance state machine are the same for every simulated store.
extension DataStoreLifecycle {
    func attachCluster(_ pool: inout StoragePoolRecord, cluster: ClusterRecord) throws {
        pool.scope = "CLUSTER"
        pool.clusterID = cluster.id
        pool.podID = cluster.podID
        pool.hypervisor = cluster.hypervisor
        pool.state = "Up"
    }

    func attachZone(_ pool: inout StoragePoolRecord, zone: ZoneRecord, hypervisor: String) throws {
        pool.scope = "ZONE"
        pool.hypervisor = hypervisor
        pool.state = "Up"
    }

    func attachHost(_ pool: inout StoragePoolRecord, host: HostRecord) throws {
        pool.scope = "HOST"
        pool.clusterID = host.clusterID
        pool.podID = host.podID
        pool.hypervisor = host.hypervisor
        pool.state = "Up"
    }

    func maintain(_ pool: inout StoragePoolRecord) throws {
        guard pool.state == "Up" || pool.state == "ErrorInMaintenance" else {
            throw APIError.invalid("Primary storage with id \(pool.id) is not ready for migration, as the status is:\(pool.state)")
        }
        pool.state = "PrepareForMaintenance"
    }

    func cancelMaintain(_ pool: inout StoragePoolRecord) throws {
        guard ["Maintenance", "PrepareForMaintenance", "ErrorInMaintenance"].contains(pool.state) else {
            throw APIError.invalid("Primary storage with id \(pool.id) is not ready to complete migration, as the status is:\(pool.state)")
        }
        pool.state = "CancelMaintenance"
    }

    func deleteDataStore(_ pool: StoragePoolRecord) throws {
        guard pool.state == "Maintenance" || pool.state == "Disabled" else {
            throw APIError.invalid("Unable to delete storage due to it is not in Maintenance state, id: \(pool.id)")
        }
    }
}

/// A driver that only accounts for space, which is all a simulated store needs; it resizes and copies as
/// CloudStack's default driver does through the hypervisor.
struct AccountingDriver: DataStoreDriver {
    func createAsync(_ object: DataObject, on pool: inout StoragePoolRecord) throws {
        try SpaceAccounting.take(object.sizeBytes, on: &pool)
    }

    func deleteAsync(_ object: DataObject, on pool: inout StoragePoolRecord) {
        SpaceAccounting.give(object.sizeBytes, on: &pool)
    }

    func resize(_ object: DataObject, to bytes: Int64, on pool: inout StoragePoolRecord) throws {
        if bytes > object.sizeBytes { try SpaceAccounting.take(bytes - object.sizeBytes, on: &pool) } else { SpaceAccounting.give(object.sizeBytes - bytes, on: &pool) }
    }

    func canCopy(from source: StoragePoolRecord, to destination: StoragePoolRecord) -> Bool { true }

    func copyAsync(_ object: DataObject, from source: StoragePoolRecord, to destination: inout StoragePoolRecord) throws {
        try SpaceAccounting.take(object.sizeBytes, on: &destination)
    }
}

/// The used/allocated bytes of a pool as objects come and go.
enum SpaceAccounting {
    static func take(_ bytes: Int64, on pool: inout StoragePoolRecord) throws {
        guard pool.usedBytes + bytes <= pool.capacityBytes else {
            throw APIError(533, 4340, "Insufficient free space on storage pool \(pool.name) for \(bytes) bytes")
        }
        pool.usedBytes += bytes
        pool.allocatedBytes += bytes
    }

    static func give(_ bytes: Int64, on pool: inout StoragePoolRecord) {
        pool.usedBytes = max(0, pool.usedBytes - bytes)
        pool.allocatedBytes = max(0, pool.allocatedBytes - bytes)
    }
}

/// Helpers for validating store URLs, each failure naming the parameter.
enum StoreURL {
    /// `scheme://host/path` split, or nil.
    static func split(_ url: String) -> (scheme: String, host: String, path: String)? {
        guard let sep = url.range(of: "://") else { return nil }
        let scheme = String(url[..<sep.lowerBound])
        let rest = url[sep.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return (scheme, String(rest), "") }
        return (scheme, String(rest[..<slash]), String(rest[slash...]))
    }

    static func invalid(_ input: DataStoreInput, _ param: String, _ value: String, _ why: String) -> APIError {
        APIError.invalid("Unable to execute API command \(input.command) due to invalid value. Invalid parameter \(param) value=\(value): \(why)")
    }

    /// `scheme://host/path` with a non-empty host and path, or a 431 naming `url`.
    static func require(_ input: DataStoreInput, schemes: [String], example: String) throws -> (scheme: String, host: String, path: String) {
        guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
        guard let p = split(url), schemes.contains(p.scheme.lowercased()), !p.host.isEmpty, p.path.count > 1 else {
            throw invalid(input, "url", url, "expected \(example)")
        }
        return p
    }

    /// Detail values that must be present, or a 431 naming the first missing one.
    static func requireDetails(_ input: DataStoreInput, _ keys: [String]) throws {
        for k in keys where (input.details[k] ?? "").isEmpty {
            throw APIError.param("Unable to execute API command \(input.command) due to missing parameter \(k) (details[n].key=\(k), details[n].value=…)")
        }
    }

    static func capacity(_ url: String) -> Int64 { Int64(4 + stableHash(url) % 60) * 1_099_511_627_776 }
}
