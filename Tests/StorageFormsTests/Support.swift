import CloudStack
import StorageForms
import Testing

let catalog = StorageFormCatalog.builtIn()
let primaryProviders = ["DefaultPrimary", "SolidFire", "PowerFlex", "Linstor"]
let imageProviders = ["NFS", "S3", "Swift", "Sample"]
let clusterBase: [String: String] = ["scope": "cluster", "zone": "z1", "pod": "p1", "cluster": "c1", "name": "ps1"]
let clusterParams: [(String, String)] = [("name", "ps1"), ("zoneid", "z1"), ("podid", "p1"), ("clusterid", "c1"), ("scope", "cluster")]

func ctx(_ hypervisor: String?, apis: Set<String> = []) -> FormContext {
    FormContext(clusterHypervisor: hypervisor, availableAPIs: apis)
}

func merged(_ a: [String: String], _ b: [String: String]) -> [String: String] { a.merging(b) { _, new in new } }

/// The requests for primary storage values on top of the cluster-scope base.
func primaryRequests(
    _ values: [String: String], hypervisor: String? = "KVM", apis: Set<String> = [], providers: [String] = primaryProviders,
    base: [String: String] = clusterBase
) throws -> [StorageRequest] {
    try catalog.requests(kind: .primary, values: merged(base, values), providers: providers, context: ctx(hypervisor, apis: apis))
}

func primaryURL(_ values: [String: String], hypervisor: String? = "KVM", apis: Set<String> = []) throws -> String? {
    try primaryRequests(values, hypervisor: hypervisor, apis: apis).first?["url"]
}

func imageRequests(_ values: [String: String], providers: [String] = imageProviders) throws -> [StorageRequest] {
    try catalog.requests(kind: .image, values: values, providers: providers, context: FormContext())
}

func keys(_ fields: [FieldSpec]) -> [String] { fields.map(\.key) }

func pairs(_ r: StorageRequest?) -> [String] { (r?.params ?? []).map { "\($0.0)=\($0.1)" } }

func strings(_ ps: [(String, String)]) -> [String] { ps.map { "\($0.0)=\($0.1)" } }

func parseJSON(_ text: String) -> JSONValue { try! JSONParser.parse(text) }
