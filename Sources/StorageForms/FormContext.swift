/// What the console knows that the JSON cannot: the selected cluster's hypervisor, the APIs listApis offers.
public struct FormContext: Sendable, Equatable {
    public var clusterHypervisor: String?      // hypervisortype of the chosen cluster (cluster/host scope)
    public var availableAPIs: Set<String>      // e.g. contains "importVsphereStoragePolicies"

    public init(clusterHypervisor: String? = nil, availableAPIs: Set<String> = []) {
        self.clusterHypervisor = clusterHypervisor
        self.availableAPIs = availableAPIs
    }
}
