/// One API call to send. createStoragePool is sent as a POST (parameters in the body), as the web UI does.
///
/// Parameter order: the form's `paramOrder` names first (primary: name, zoneid, podid, clusterid, scope, hypervisor,
/// provider, url, tags, managed, capacitybytes, capacityiops; image: provider, name, url, zoneid), then any other
/// top-level parameters in field order, then the details entries in field order.
public struct StorageRequest: Sendable, Equatable {
    public var command: String                 // "createStoragePool", "addImageStore", "createSecondaryStagingStore"
    public var params: [(String, String)]      // in a stable, documented order (Equatable by pairs)
    /// "POST" for createStoragePool (the web UI posts it, §5.2), "GET" for the others.
    public var method: String

    public init(command: String, params: [(String, String)], method: String = "GET") {
        self.command = command
        self.params = params
        self.method = method
    }

    /// The value of the first parameter named `name`.
    public subscript(name: String) -> String? { params.first { $0.0 == name }?.1 }

    public static func == (a: StorageRequest, b: StorageRequest) -> Bool {
        a.command == b.command && a.method == b.method && a.params.count == b.params.count
            && zip(a.params, b.params).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}
