/// Seeds the admin area after the core inventory exists: the domain tree (and the accounts moved into it), roles,
/// the custom and system offerings, system VMs, management servers, and what the core seed leaves generic in
/// events and alerts (the VM an event is about, the alert types' real numbers and names).
enum AdminSeeder {
    /// Accounts that live in a sub-domain, by the domain path below ROOT; admin and demo stay in ROOT.
    static let accountDomains: [String: [String]] = [
        "acme-corp": ["customers", "acme-corp"], "globex": ["customers", "globex"], "initech": ["customers", "initech"],
        "umbrella": ["customers", "umbrella"], "hooli": ["internal"],
    ]

    /// AlertService.AlertType: the type number and name the server gives each alert.
    static let alertNames: [Int: String] = [
        0: "ALERT.MEMORY", 1: "ALERT.CPU", 2: "ALERT.STORAGE", 3: "ALERT.STORAGE.ALLOCATED", 4: "ALERT.NETWORK.PUBLICIP",
        5: "ALERT.NETWORK.PRIVATEIP", 6: "ALERT.STORAGE.SECONDARY", 7: "ALERT.COMPUTE.HOST", 8: "ALERT.USERVM",
        9: "ALERT.SERVICE.DOMAINROUTER", 10: "ALERT.SERVICE.CONSOLEPROXY", 11: "ALERT.NETWORK.ROUTING", 12: "ALERT.STORAGE.MISC",
        13: "ALERT.USAGE", 14: "ALERT.MANAGEMENT", 15: "ALERT.NETWORK.DOMAINROUTERMIGRATE", 16: "ALERT.SERVICE.CONSOLEPROXYMIGRATE",
        17: "ALERT.USERVM.MIGRATE", 18: "ALERT.NETWORK.VLAN", 19: "ALERT.SERVICE.SSVM", 20: "ALERT.USAGE.RESULT",
        21: "ALERT.STORAGE.DELETE", 22: "ALERT.RESOURCE.COUNT", 23: "ALERT.USAGE.SANITY", 24: "ALERT.NETWORK.DIRECTPUBLICIP",
        25: "ALERT.STORAGE.LOCAL", 26: "ALERT.RESOURCE.EXCEED", 27: "ALERT.TYPE.SYNC", 28: "ALERT.UPLOAD.FAILED",
        29: "ALERT.OOBM.AUTHERROR", 30: "ALERT.HA.ACTION", 31: "ALERT.CA.CERT", 32: "ALERT.VM.SNAPSHOT",
    ]

    /// The first management server's id: hosts and the admin's login answer name it as their management server.
    static let primaryManagementServerID = "c0ffee00-5151-4a11-8000-000000000001"

    static func seed(_ inv: inout Inventory, seed: UInt64) {
        var g = SplitMix64(seed: seed ^ 0xAD31_0000_5EED_0001)
        seedDomains(&inv, &g)
        seedRoles(&inv, &g)
        seedOfferings(&inv, &g)
        seedSystemVMs(&inv, &g)
        seedManagementServers(&inv)
        describeEvents(&inv)
        numberAlerts(&inv)
    }

    private static func seedDomains(_ inv: inout Inventory, _ g: inout SplitMix64) {
        guard let root = inv.domains.first(where: { $0.parentID == nil }) else { return }
        var byPath: [String: DomainRecord] = [root.path: root]
        func domain(_ names: [String]) -> DomainRecord {
            var parent = root
            for name in names {
                let path = parent.path + "/" + name
                if let d = byPath[path] { parent = d; continue }
                let d = DomainRecord(id: g.uuid(), name: name, path: path, parentID: parent.id, state: "Active", created: Seeder.epochBase + 86_400)
                inv.domains.append(d)
                byPath[path] = d
                parent = d
            }
            return parent
        }
        // Created in a fixed order, so the ids do not depend on dictionary order.
        for name in ["acme-corp", "globex", "initech", "umbrella", "hooli"] {
            guard let names = accountDomains[name] else { continue }
            let d = domain(names)
            for i in inv.accounts.indices where inv.accounts[i].name == name { inv.accounts[i].domainID = d.id }
        }
    }

    private static func seedRoles(_ inv: inout Inventory, _ g: inout SplitMix64) {
        // Root Admin and User keep the ids the accounts already carry.
        let adminRole = inv.accounts.first { $0.roleType == "Admin" }?.roleID ?? g.uuid()
        let userRole = inv.accounts.first { $0.roleType == "User" }?.roleID ?? g.uuid()
        inv.admin.roles = [
            RoleRecord(id: adminRole, name: "Root Admin", type: "Admin", description: "Default root admin role", isDefault: true, isPublic: true),
            RoleRecord(id: g.uuid(), name: "Resource Admin", type: "ResourceAdmin", description: "Default resource admin role", isDefault: true, isPublic: true),
            RoleRecord(id: g.uuid(), name: "Domain Admin", type: "DomainAdmin", description: "Default domain admin role", isDefault: true, isPublic: true),
            RoleRecord(id: userRole, name: "User", type: "User", description: "Default user role", isDefault: true, isPublic: true),
            RoleRecord(id: g.uuid(), name: "Read-Only Operator", type: "User", description: "Custom role: list and get commands only",
                       isDefault: false, isPublic: true),
        ]
    }

    private static func seedOfferings(_ inv: inout Inventory, _ g: inout SplitMix64) {
        for i in inv.serviceOfferings.indices {
            let o = inv.serviceOfferings[i]
            inv.serviceOfferings[i].displayText = "\(o.name): \(o.cpuNumber) vCPU, \(o.cpuSpeed) MHz, \(o.memory) MB"
            inv.serviceOfferings[i].created = Seeder.epochBase + Int64(i) * 60
            inv.serviceOfferings[i].offerHA = o.name == "XLarge Instance"
            inv.serviceOfferings[i].limitCPUUse = false
            inv.serviceOfferings[i].hostTags = o.name == "Memory Optimized" ? "highmem" : nil
            inv.serviceOfferings[i].isSystem = false
            inv.serviceOfferings[i].isCustomized = false
        }
        // Appended after the VMs were seeded, so no seeded VM uses them.
        inv.serviceOfferings.append(ServiceOfferingRecord(
            id: g.uuid(), name: "Custom Instance", cpuNumber: 0, cpuSpeed: 0, memory: 0, displayText: "Custom CPU and memory, chosen at deployment",
            created: Seeder.epochBase + 600, offerHA: false, limitCPUUse: false, isSystem: false, isCustomized: true))
        let system: [(String, String, Int, Int, Int)] = [
            ("System Offering For Software Router", "domainrouter", 1, 500, 512),
            ("System Offering For Console Proxy", "consoleproxy", 1, 500, 1024),
            ("System Offering For Secondary Storage VM", "secondarystoragevm", 1, 500, 512),
        ]
        for (name, type, cpu, speed, memory) in system {
            inv.serviceOfferings.append(ServiceOfferingRecord(
                id: g.uuid(), name: name, cpuNumber: cpu, cpuSpeed: speed, memory: memory, displayText: name, created: Seeder.epochBase,
                offerHA: false, limitCPUUse: false, isSystem: true, systemVMType: type, isCustomized: false))
        }
    }

    private static func seedSystemVMs(_ inv: inout Inventory, _ g: inout SplitMix64) {
        let upHosts = Dictionary(grouping: inv.hosts.filter { $0.state == "Up" && $0.resourceState == "Enabled" }, by: \.zoneID)
        for (z, zone) in inv.zones.enumerated() {
            guard let hosts = upHosts[zone.id], !hosts.isEmpty else { continue }
            for type in ["secondarystoragevm", "consoleproxy"] {
                let host = hosts[g.below(hosts.count)]
                // The last zone's console proxy is stuck in Starting, as one sometimes is after an agent problem.
                let stuck = z == inv.zones.count - 1 && type == "consoleproxy"
                let vm = makeSystemVM(&inv, id: g.uuid(), type: type, zone: zone, host: host, zoneIndex: z,
                                      state: stuck ? "Starting" : "Running", created: Seeder.epochBase + 3600, sessions: g.below(6))
                inv.admin.systemVMs.append(vm)
            }
        }
    }

    /// A new system VM of `type` in `zone` on `host`, named with the next instance number.
    static func makeSystemVM(_ inv: inout Inventory, id: String, type: String, zone: ZoneRecord, host: HostRecord, zoneIndex: Int,
                             state: String, created: Int64, readyAt: Double? = nil, sessions: Int = 0) -> SystemVMRecord {
        inv.admin.systemVMSerial += 1
        let n = inv.admin.systemVMSerial
        let running = state == "Running"
        return SystemVMRecord(
            id: id, name: (type == "consoleproxy" ? "v-" : "s-") + String(n) + "-VM", type: type, state: state,
            agentState: running ? "Up" : "Disconnected", hostID: host.id, lastHostID: host.id, podID: host.podID, zoneID: zone.id,
            publicIP: "203.0.\(113 + zoneIndex % 10).\(10 + n % 240)", privateIP: "172.\(16 + zoneIndex % 16).0.\(200 + n % 50)",
            linkLocalIP: "169.254.\(n % 250).\(2 + n % 250)", created: created, version: "4.20.0.0",
            activeViewerSessions: type == "consoleproxy" && running ? sessions : 0, readyAt: readyAt,
            disconnected: running ? nil : created)
    }

    private static func seedManagementServers(_ inv: inout Inventory) {
        inv.admin.managementServers = [
            ManagementServerRecord(id: primaryManagementServerID, name: "cloudstack-mgmt-01", state: "Up", version: "4.20.0.0",
                                   javaVersion: "17.0.12", javaDistribution: "OpenJDK 64-Bit Server VM", osDistribution: "Ubuntu 22.04.4 LTS",
                                   kernelVersion: "5.15.0-113-generic", serviceIP: "10.0.0.10", lastServerStart: Seeder.epochBase + 540 * 86_400,
                                   lastServerStop: Seeder.epochBase + 540 * 86_400 - 600, lastBoot: Seeder.epochBase + 540 * 86_400 - 900),
            ManagementServerRecord(id: "c0ffee00-5151-4a11-8000-000000000002", name: "cloudstack-mgmt-02", state: "Down", version: "4.20.0.0",
                                   javaVersion: "17.0.12", javaDistribution: "OpenJDK 64-Bit Server VM", osDistribution: "Ubuntu 22.04.4 LTS",
                                   kernelVersion: "5.15.0-113-generic", serviceIP: "10.0.0.11", lastServerStart: Seeder.epochBase + 500 * 86_400,
                                   lastServerStop: Seeder.epochBase + 555 * 86_400, lastBoot: Seeder.epochBase + 499 * 86_400),
        ]
    }

    /// The core seed writes VM events with a running number; the server names the VM and links the event to it.
    private static func describeEvents(_ inv: inout Inventory) {
        guard !inv.vms.isEmpty else { return }
        for i in inv.events.indices where inv.events[i].type.hasPrefix("VM.") {
            let vm = inv.vms[(i &* 7919) % inv.vms.count]
            let verb = inv.events[i].description.components(separatedBy: ". Vm Id:").first ?? inv.events[i].description
            inv.events[i].description = "\(verb). Vm Id: \(vm.id)"
            inv.events[i].resourceID = vm.id
            inv.events[i].resourceType = "VirtualMachine"
        }
        for i in inv.events.indices where inv.events[i].type == "USER.LOGIN" {
            inv.events[i].resourceID = inv.events[i].userID
            inv.events[i].resourceType = "User"
        }
    }

    /// The core seed's alert names are generic; the server names each type as AlertService.AlertType does, and a
    /// management server alert is type 14.
    private static func numberAlerts(_ inv: inout Inventory) {
        for i in inv.alerts.indices {
            if inv.alerts[i].name == "ALERT.MANAGEMENT" { inv.alerts[i].type = 14 }
            if let name = alertNames[inv.alerts[i].type] { inv.alerts[i].name = name }
        }
    }
}
