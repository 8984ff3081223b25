/// Every storage provider the simulator knows; `listStorageProviders` and the add/create commands look here.
enum DataStoreProviderRegistry {
    static let providers: [any DataStoreProvider] = [
        DefaultPrimaryProvider(),
        SampleProvider(),
        PowerFlexProvider(),
        LinstorProvider(),
        NFSProvider(),
        SMBProvider(),
        S3Provider(),
        SwiftProvider(),
    ]

    /// Case-insensitive, as the server's provider lookup is forgiving about "nfs" vs "NFS".
    static func provider(named name: String) -> (any DataStoreProvider)? {
        providers.first { $0.name.lowercased() == name.lowercased() }
    }

    static func providers(for role: DataStoreRole) -> [any DataStoreProvider] {
        providers.filter { $0.types.contains(role) }
    }
}
