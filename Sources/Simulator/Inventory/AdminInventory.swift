/// The admin area's records (`Inventory.admin`): system VMs, management servers, roles, the hosts' transitions that
/// finish after their job, and the values operators gave global settings. Every field decodes as empty from a state
/// file written before it existed, so older files still load.
struct AdminInventory: Codable, Sendable {
    var systemVMs: [SystemVMRecord] = []
    var managementServers: [ManagementServerRecord] = []
    var roles: [RoleRecord] = []
    /// Host id → the resource state it reaches at a given time (PrepareForMaintenance → Maintenance).
    var hostTransitions: [String: HostTransition] = [:]
    /// System VMs the server will create to replace destroyed ones.
    var pendingSystemVMs: [PendingSystemVM] = []
    /// Settings changed from their defaults, keyed by `SettingStore.key(scope:id:name:)`.
    var settingValues: [String: String] = [:]
    /// The instance number in the next system VM's name (s-N-VM, v-N-VM).
    var systemVMSerial: Int = 0

    init() {}

    private enum CodingKeys: String, CodingKey {
        case systemVMs, managementServers, roles, hostTransitions, pendingSystemVMs, settingValues, systemVMSerial
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        systemVMs = try c.decodeIfPresent([SystemVMRecord].self, forKey: .systemVMs) ?? []
        managementServers = try c.decodeIfPresent([ManagementServerRecord].self, forKey: .managementServers) ?? []
        roles = try c.decodeIfPresent([RoleRecord].self, forKey: .roles) ?? []
        hostTransitions = try c.decodeIfPresent([String: HostTransition].self, forKey: .hostTransitions) ?? [:]
        pendingSystemVMs = try c.decodeIfPresent([PendingSystemVM].self, forKey: .pendingSystemVMs) ?? []
        settingValues = try c.decodeIfPresent([String: String].self, forKey: .settingValues) ?? [:]
        systemVMSerial = try c.decodeIfPresent(Int.self, forKey: .systemVMSerial) ?? 0
    }
}
