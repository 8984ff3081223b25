/// Domain names and paths as the API shows them, for rows that name an owner's domain.
extension Inventory {
    /// The domain with `id`, by a scan: a cloud has a handful of domains, and this needs no index to be current.
    func domainRecord(_ id: String?) -> DomainRecord? {
        guard let id else { return nil }
        return domains.first { $0.id == id }
    }

    /// The domain's name ("ROOT" for the root domain).
    func domainName(_ id: String?) -> String { domainRecord(id)?.name ?? "ROOT" }

    /// The path as DomainResponse and AccountResponse show it: "ROOT", "ROOT/customers/acme-corp".
    func domainPath(_ id: String?) -> String { domainRecord(id)?.path ?? "ROOT" }

    /// 0 for ROOT, 1 for its children, …
    func domainLevel(_ d: DomainRecord) -> Int { d.path.split(separator: "/").count - 1 }

    /// The domain and every domain below it.
    func domainSubtree(_ id: String) -> Set<String> {
        guard let d = domainRecord(id) else { return [] }
        return Set(domains.filter { $0.id == d.id || $0.path.hasPrefix(d.path + "/") }.map(\.id))
    }
}
