/// Everything the simulated management server knows, with the indexes that keep lookups fast at 200,000 VMs.
struct Inventory: Codable, Sendable {
    var seed: UInt64
    var domains: [DomainRecord] = []
    var accounts: [AccountRecord] = []
    var users: [UserRecord] = []
    var zones: [ZoneRecord] = []
    var pods: [PodRecord] = []
    var clusters: [ClusterRecord] = []
    var hosts: [HostRecord] = []
    var serviceOfferings: [ServiceOfferingRecord] = []
    var templates: [TemplateRecord] = []
    var networks: [NetworkRecord] = []
    var vms: [VirtualMachineRecord] = []
    var storagePools: [StoragePoolRecord] = []
    var imageStores: [ImageStoreRecord] = []
    var vmSnapshots: [VMSnapshotRecord] = []
    var events: [EventRecord] = []
    var alerts: [AlertRecord] = []
    /// For the user-visible counter in names of new objects.
    var serial: Int = 0
    /// Each area's own records, each in its own file (NetworkInventory, AdminInventory, VolumeInventory).
    var net = NetworkInventory()
    var admin = AdminInventory()
    var volumes = VolumeInventory()
    var compute = ComputeInventory()

    private enum CodingKeys: String, CodingKey {
        case seed, domains, accounts, users, zones, pods, clusters, hosts, serviceOfferings, templates, networks, vms,
             storagePools, imageStores, vmSnapshots, events, alerts, serial, net, admin, volumes, compute
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seed = try c.decode(UInt64.self, forKey: .seed)
        domains = try c.decode([DomainRecord].self, forKey: .domains)
        accounts = try c.decode([AccountRecord].self, forKey: .accounts)
        users = try c.decode([UserRecord].self, forKey: .users)
        zones = try c.decode([ZoneRecord].self, forKey: .zones)
        pods = try c.decode([PodRecord].self, forKey: .pods)
        clusters = try c.decode([ClusterRecord].self, forKey: .clusters)
        hosts = try c.decode([HostRecord].self, forKey: .hosts)
        serviceOfferings = try c.decode([ServiceOfferingRecord].self, forKey: .serviceOfferings)
        templates = try c.decode([TemplateRecord].self, forKey: .templates)
        networks = try c.decode([NetworkRecord].self, forKey: .networks)
        vms = try c.decode([VirtualMachineRecord].self, forKey: .vms)
        storagePools = try c.decode([StoragePoolRecord].self, forKey: .storagePools)
        imageStores = try c.decode([ImageStoreRecord].self, forKey: .imageStores)
        vmSnapshots = try c.decode([VMSnapshotRecord].self, forKey: .vmSnapshots)
        events = try c.decode([EventRecord].self, forKey: .events)
        alerts = try c.decode([AlertRecord].self, forKey: .alerts)
        serial = try c.decode(Int.self, forKey: .serial)
        // Areas added later: a state file written before them has none.
        net = try c.decodeIfPresent(NetworkInventory.self, forKey: .net) ?? NetworkInventory()
        admin = try c.decodeIfPresent(AdminInventory.self, forKey: .admin) ?? AdminInventory()
        volumes = try c.decodeIfPresent(VolumeInventory.self, forKey: .volumes) ?? VolumeInventory()
        compute = try c.decodeIfPresent(ComputeInventory.self, forKey: .compute) ?? ComputeInventory()
        // Templates need zones and flags to be listed or deployed: a state file from before the compute area gets them.
        if !c.contains(.compute) { ComputeSeeder.upgrade(&self) }
    }

    init(seed: UInt64) { self.seed = seed }

    // Indexes (rebuilt, not stored).
    private(set) var vmIndex: [String: Int] = [:]
    private(set) var zoneIndex: [String: Int] = [:]
    private(set) var podIndex: [String: Int] = [:]
    private(set) var clusterIndex: [String: Int] = [:]
    private(set) var hostIndex: [String: Int] = [:]
    private(set) var accountIndex: [String: Int] = [:]
    private(set) var userIndex: [String: Int] = [:]
    private(set) var offeringIndex: [String: Int] = [:]
    private(set) var templateIndex: [String: Int] = [:]
    private(set) var networkIndex: [String: Int] = [:]
    private(set) var domainIndex: [String: Int] = [:]
    /// Lowercased "name displayname" per VM, for the name filter without allocating per request.
    private(set) var vmNameKeys: [String] = []
    /// Lowercased name, display name, instance name and IP per VM, for `keyword`.
    private(set) var vmSearchKeys: [String] = []

    static func nameKey(_ vm: VirtualMachineRecord) -> String { asciiLowercased([vm.name, vm.displayName]) }
    static func searchKey(_ vm: VirtualMachineRecord) -> String {
        asciiLowercased([vm.name, vm.displayName, vm.instanceName, vm.nic.ipAddress])
    }

    /// The parts joined by U+0001 and lowercased; a byte loop for ASCII (String.lowercased is slow at 200,000 rows).
    static func asciiLowercased(_ parts: [String]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for (k, part) in parts.enumerated() {
            if k > 0 { out.append(1) }
            for b in part.utf8 {
                if b >= 0x80 { return parts.joined(separator: "\u{1}").lowercased() }
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func rebuildIndexes() {
        func index<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
            var d = [String: Int](minimumCapacity: items.count)
            for (i, item) in items.enumerated() { d[id(item)] = i }
            return d
        }
        vmIndex = index(vms, \.id)
        zoneIndex = index(zones, \.id)
        podIndex = index(pods, \.id)
        clusterIndex = index(clusters, \.id)
        hostIndex = index(hosts, \.id)
        accountIndex = index(accounts, \.id)
        userIndex = index(users, \.id)
        offeringIndex = index(serviceOfferings, \.id)
        templateIndex = index(templates, \.id)
        networkIndex = index(networks, \.id)
        domainIndex = index(domains, \.id)
        vmNameKeys = vms.map(Self.nameKey)
        vmSearchKeys = vms.map(Self.searchKey)
    }

    mutating func appendVM(_ vm: VirtualMachineRecord) {
        vmIndex[vm.id] = vms.count
        vms.append(vm)
        vmNameKeys.append(Self.nameKey(vm))
        vmSearchKeys.append(Self.searchKey(vm))
    }

    /// Recomputes the search keys of a VM whose name or display name changed.
    mutating func refreshVMKeys(at i: Int) {
        vmNameKeys[i] = Self.nameKey(vms[i])
        vmSearchKeys[i] = Self.searchKey(vms[i])
    }

    /// Adds a registered template or ISO without rebuilding the other indexes.
    mutating func appendTemplate(_ t: TemplateRecord) {
        templateIndex[t.id] = templates.count
        templates.append(t)
    }

    mutating func removeVM(at i: Int) {
        vms.remove(at: i)
        vmNameKeys.remove(at: i)
        vmSearchKeys.remove(at: i)
        var d = [String: Int](minimumCapacity: vms.count)
        for (k, vm) in vms.enumerated() { d[vm.id] = k }
        vmIndex = d
    }

    func zone(_ id: String?) -> ZoneRecord? { id.flatMap { zoneIndex[$0] }.map { zones[$0] } }
    func pod(_ id: String?) -> PodRecord? { id.flatMap { podIndex[$0] }.map { pods[$0] } }
    func cluster(_ id: String?) -> ClusterRecord? { id.flatMap { clusterIndex[$0] }.map { clusters[$0] } }
    func host(_ id: String?) -> HostRecord? { id.flatMap { hostIndex[$0] }.map { hosts[$0] } }
    func account(_ id: String?) -> AccountRecord? { id.flatMap { accountIndex[$0] }.map { accounts[$0] } }
    func user(_ id: String?) -> UserRecord? { id.flatMap { userIndex[$0] }.map { users[$0] } }
    func offering(_ id: String?) -> ServiceOfferingRecord? { id.flatMap { offeringIndex[$0] }.map { serviceOfferings[$0] } }
    func template(_ id: String?) -> TemplateRecord? { id.flatMap { templateIndex[$0] }.map { templates[$0] } }
    func network(_ id: String?) -> NetworkRecord? { id.flatMap { networkIndex[$0] }.map { networks[$0] } }
    func domain(_ id: String?) -> DomainRecord? { id.flatMap { domainIndex[$0] }.map { domains[$0] } }
    func vmPosition(_ id: String) -> Int? { vmIndex[id] }
    func poolPosition(_ id: String) -> Int? { storagePools.firstIndex { $0.id == id } }
    func imageStorePosition(_ id: String) -> Int? { imageStores.firstIndex { $0.id == id } }
    func snapshotPosition(_ id: String) -> Int? { vmSnapshots.firstIndex { $0.id == id } }

    /// A fresh UUID for a newly created object; derived from the seed so reruns are repeatable.
    mutating func newID() -> String {
        serial += 1
        var g = SplitMix64(seed: seed ^ 0xA5A5_5A5A_0000_0000 &+ UInt64(serial) &* 0x9E37_79B9)
        return g.uuid()
    }
}
