import Foundation

/// Dell PowerFlex (ScaleIO) primary storage: managed, reached through its REST gateway.
/// URL `powerflex://<user>:<password>@<gateway>/<storage pool>`, every part required and percent-decoded
/// (the web UI encodes user, password and pool with encodeURIComponent).
struct PowerFlexProvider: DataStoreProvider {
    let name = "PowerFlex"
    let types: Set<DataStoreRole> = [.primary]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    static let example = "powerflex://<user>:<password>@<gateway>/<storage pool>"

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            guard let url = input.url, !url.isEmpty else { throw APIError.missing(input.command, "url") }
            let parts = try PowerFlexProvider.parse(url, input)
            return DataStoreSpec(type: "PowerFlex", host: parts.gateway, path: "/" + parts.pool, url: url, details: input.details,
                                 capacityBytes: StoreURL.capacity(url), managed: true)
        }
    }

    /// The four parts of a PowerFlex URL, decoded; a 431 naming `url` and the missing part otherwise.
    static func parse(_ url: String, _ input: DataStoreInput) throws -> (user: String, password: String, gateway: String, pool: String) {
        func bad(_ why: String) -> APIError { StoreURL.invalid(input, "url", url, "\(why); expected \(example)") }
        guard let p = StoreURL.split(url), p.scheme.lowercased() == "powerflex" else { throw bad("the scheme must be powerflex") }
        // host of split() is everything up to the first "/": user:password@gateway
        guard let at = p.host.lastIndex(of: "@") else { throw bad("the gateway user and password are missing") }
        let userInfo = p.host[..<at]
        let gateway = String(p.host[p.host.index(after: at)...])
        let colon = userInfo.firstIndex(of: ":")
        let rawUser = colon.map { String(userInfo[..<$0]) } ?? String(userInfo)
        let rawPassword = colon.map { String(userInfo[userInfo.index(after: $0)...]) } ?? ""
        let rawPool = String(p.path.dropFirst())
        func decode(_ s: String, _ part: String) throws -> String {
            guard let d = s.removingPercentEncoding else { throw bad("the \(part) is not valid percent-encoding") }
            return d
        }
        let user = try decode(rawUser, "gateway user"), password = try decode(rawPassword, "gateway password")
        let pool = try decode(rawPool, "storage pool")
        if user.isEmpty { throw bad("the gateway user is missing") }
        if password.isEmpty { throw bad("the gateway password is missing") }
        if gateway.isEmpty { throw bad("the gateway is missing") }
        if pool.isEmpty || pool.contains("/") { throw bad(pool.isEmpty ? "the storage pool is missing" : "the storage pool must be one name") }
        return (user, password, gateway, pool)
    }
}
