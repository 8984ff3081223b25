/// LINSTOR primary storage (KVM): the controller's URL `http(s)://host[:port]` and the resource group to
/// place volumes in, sent as `details[0].resourceGroup=<group>`.
struct LinstorProvider: DataStoreProvider {
    let name = "Linstor"
    let types: Set<DataStoreRole> = [.primary]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
            guard let p = StoreURL.split(url), ["http", "https"].contains(p.scheme.lowercased()), !p.host.isEmpty,
                  p.path.isEmpty || p.path == "/" else {
                throw StoreURL.invalid(input, "url", url, "expected http://<controller>[:port] or https://<controller>[:port]")
            }
            let hostPort = p.host.split(separator: ":", omittingEmptySubsequences: false)
            if hostPort.count > 2 || hostPort[0].isEmpty || (hostPort.count == 2 && Int(hostPort[1]).map { !(1...65535).contains($0) } ?? true) {
                throw StoreURL.invalid(input, "url", url, "expected http://<controller>[:port] or https://<controller>[:port]")
            }
            // Detail names are matched as the server's map lookup would, but forgiving about case.
            let group = input.details.first { $0.key.lowercased() == "resourcegroup" }?.value ?? ""
            if group.isEmpty {
                throw APIError.param("Unable to execute API command \(input.command) due to missing parameter resourceGroup (details[0].resourceGroup=… for a Linstor pool)")
            }
            return DataStoreSpec(type: "Linstor", host: String(hostPort[0]), path: "/" + group, url: url, details: input.details,
                                 capacityBytes: StoreURL.capacity(url))
        }
    }
}
