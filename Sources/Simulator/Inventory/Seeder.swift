import Foundation

/// Builds a deterministic inventory from a seed: the same seed and size give the same ids, names and states.
enum Seeder {
    /// 2024-01-01T00:00:00Z: the cloud's "installation date"; every seeded date follows it.
    static let epochBase: Int64 = 1_704_067_200

    static let zoneNames = ["zone-ams1", "zone-fra1", "zone-lon1", "zone-nyc1", "zone-sfo1", "zone-sgp1"]
    static let roles = ["web", "api", "db", "cache", "worker", "k8s-node", "mail", "vpn", "ci-runner", "analytics", "lb", "mq",
                        "search", "backup", "monitor", "git", "proxy", "etl"]
    static let envs = ["prod", "stage", "dev", "qa"]
    static let groups = ["frontend", "backend", "data", "platform", "infra"]
    static let otherAccounts = ["acme-corp", "globex", "initech", "umbrella", "hooli"]

    static func credentials(seed: UInt64) -> (admin: (user: String, password: String, key: String, secret: String),
                                             user: (user: String, password: String, key: String, secret: String)) {
        var g = SplitMix64(seed: seed ^ 0xC0FF_EE00_DEAD_BEEF)
        let adminPassword = "admin-" + g.token(10)
        let adminKey = g.token(86)
        let adminSecret = g.token(86)
        let userPassword = "demo-" + g.token(10)
        let userKey = g.token(86)
        let userSecret = g.token(86)
        return (("admin", adminPassword, adminKey, adminSecret), ("demo", userPassword, userKey, userSecret))
    }

    static func build(seed: UInt64, vms vmCount: Int) -> Inventory {
        var g = SplitMix64(seed: seed)
        var inv = Inventory(seed: seed)

        // Domains, accounts, users.
        let root = DomainRecord(id: g.uuid(), name: "ROOT", path: "ROOT", parentID: nil)
        inv.domains = [root]
        let adminRole = g.uuid(), userRole = g.uuid()
        let creds = credentials(seed: seed)
        let adminAccount = AccountRecord(id: g.uuid(), name: "admin", accountType: 1, roleID: adminRole, roleType: "Admin",
                                         roleName: "Root Admin", domainID: root.id, created: epochBase)
        let demoAccount = AccountRecord(id: g.uuid(), name: "demo", accountType: 0, roleID: userRole, roleType: "User",
                                        roleName: "User", domainID: root.id, created: epochBase + 3600)
        inv.accounts = [adminAccount, demoAccount]
        inv.users = [
            UserRecord(id: g.uuid(), username: creds.admin.user, password: creds.admin.password, firstName: "Admin", lastName: "User",
                       email: "admin@cloud.example", accountID: adminAccount.id, apiKey: creds.admin.key, secretKey: creds.admin.secret, created: epochBase),
            UserRecord(id: g.uuid(), username: creds.user.user, password: creds.user.password, firstName: "Demo", lastName: "User",
                       email: "demo@cloud.example", accountID: demoAccount.id, apiKey: creds.user.key, secretKey: creds.user.secret, created: epochBase + 3600),
        ]
        for (k, name) in otherAccounts.enumerated() {
            let a = AccountRecord(id: g.uuid(), name: name, accountType: 0, roleID: userRole, roleType: "User", roleName: "User",
                                  domainID: root.id, created: epochBase + Int64(k + 2) * 86_400)
            inv.accounts.append(a)
            inv.users.append(UserRecord(id: g.uuid(), username: name + "-ops", password: g.token(16), firstName: name.capitalized, lastName: "Ops",
                                        email: "ops@\(name).example", accountID: a.id, apiKey: g.token(86), secretKey: g.token(86), created: a.created))
        }

        // Offerings and templates.
        let offeringSpecs: [(String, Int, Int, Int)] = [("Small Instance", 1, 1000, 512), ("Medium Instance", 2, 2000, 2048),
                                                        ("Large Instance", 4, 2000, 8192), ("XLarge Instance", 8, 2400, 16384),
                                                        ("Memory Optimized", 4, 2400, 32768)]
        inv.serviceOfferings = offeringSpecs.map { ServiceOfferingRecord(id: g.uuid(), name: $0.0, cpuNumber: $0.1, cpuSpeed: $0.2, memory: $0.3) }
        let templateSpecs: [(String, String)] = [("Ubuntu 22.04 LTS", "Ubuntu 22.04 LTS"), ("Ubuntu 24.04 LTS", "Ubuntu 24.04 LTS"),
                                                 ("Rocky Linux 9", "Rocky Linux 9"), ("Debian 12", "Debian GNU/Linux 12 (64-bit)"),
                                                 ("Windows Server 2022", "Windows Server 2022 (64-bit)"), ("CentOS 7.9", "CentOS 7 (64-bit)")]
        inv.templates = templateSpecs.map { TemplateRecord(id: g.uuid(), name: $0.0, displayText: $0.0, osTypeID: g.uuid(), osDisplayName: $0.1) }

        // Infrastructure: zones, pods, clusters, hosts (about 20 VMs per host, so capacity looks like a healthy cloud).
        let zoneCount = min(zoneNames.count, max(2, vmCount / 25_000 + 2))
        let hostTotal = max(8, vmCount / 20)
        let clusterTotal = zoneCount * 2 * 2
        let hostsPerCluster = max(2, (hostTotal + clusterTotal - 1) / clusterTotal)
        let hypervisors = ["KVM", "KVM", "VMware", "XenServer"]
        var hostCounter = 0
        for z in 0..<zoneCount {
            let zone = ZoneRecord(id: g.uuid(), name: zoneNames[z], dns1: "8.8.8.8", internalDNS1: "10.\(z).0.2", guestCIDR: "10.1.0.0/16")
            inv.zones.append(zone)
            for p in 0..<2 {
                let pod = PodRecord(id: g.uuid(), name: "\(zone.name)-pod\(p + 1)", zoneID: zone.id, gateway: "172.\(16 + z).\(p).1",
                                    netmask: "255.255.255.0", startIP: "172.\(16 + z).\(p).10", endIP: "172.\(16 + z).\(p).250")
                inv.pods.append(pod)
                for c in 0..<2 {
                    let hv = hypervisors[(z * 4 + p * 2 + c) % hypervisors.count]
                    let cluster = ClusterRecord(id: g.uuid(), name: "\(pod.name)-c\(c + 1)", podID: pod.id, zoneID: zone.id, hypervisor: hv)
                    inv.clusters.append(cluster)
                    for _ in 0..<hostsPerCluster {
                        hostCounter += 1
                        let sockets = g.pick([1, 2, 2, 4])
                        let cores = sockets * g.pick([8, 12, 16])
                        let state = g.chance(0.01) ? "Disconnected" : (g.chance(0.005) ? "Down" : "Up")
                        inv.hosts.append(HostRecord(
                            id: g.uuid(), name: "\(hv.lowercased())-\(zone.name.dropFirst(5))-\(String(hostCounter))",
                            clusterID: cluster.id, podID: pod.id, zoneID: zone.id,
                            ipAddress: "172.\(16 + z).\(p).\(10 + hostCounter % 240)", hypervisor: hv,
                            hypervisorVersion: hv == "KVM" ? "" : (hv == "VMware" ? "8.0" : "8.2.1"),
                            cpuSockets: sockets, cpuNumber: cores, cpuSpeed: g.pick([2100, 2400, 2600, 3000]),
                            memoryTotal: Int64(g.pick([128, 256, 384, 512])) * 1_073_741_824,
                            state: state, resourceState: g.chance(0.01) ? "Maintenance" : "Enabled",
                            created: epochBase + Int64(g.below(30 * 86_400)), lastPinged: epochBase))
                    }
                }
            }
        }

        // Primary storage: one NFS pool per cluster, plus zone-wide pools of other types.
        for cluster in inv.clusters {
            guard let zoneIdx = inv.zones.firstIndex(where: { $0.id == cluster.zoneID }) else { continue }
            let capacity = Int64(g.pick([10, 20, 40, 80])) * 1_099_511_627_776
            let server = "nfs\(zoneIdx + 1).storage.example"
            let path = "/export/primary/\(cluster.name)"
            inv.storagePools.append(StoragePoolRecord(
                id: g.uuid(), name: "ps-\(cluster.name)", zoneID: cluster.zoneID, podID: cluster.podID, clusterID: cluster.id, scope: "CLUSTER",
                type: "NetworkFilesystem", ipAddress: server, path: path, url: "nfs://\(server)\(path)", provider: "DefaultPrimary", state: "Up",
                capacityBytes: capacity, usedBytes: Int64(Double(capacity) * (0.2 + 0.6 * g.unit())),
                allocatedBytes: Int64(Double(capacity) * (0.3 + 0.6 * g.unit())), capacityIops: nil, tags: g.chance(0.5) ? "ssd" : nil,
                hypervisor: cluster.hypervisor, managed: false, created: epochBase + Int64(g.below(86_400)), details: [:]))
        }
        for (z, zone) in inv.zones.enumerated() {
            let capacity = Int64(100) * 1_099_511_627_776
            inv.storagePools.append(StoragePoolRecord(
                id: g.uuid(), name: "ceph-\(zone.name)", zoneID: zone.id, podID: nil, clusterID: nil, scope: "ZONE", type: "RBD",
                ipAddress: "ceph-mon\(z + 1).storage.example", path: "rbd-pool", url: "rbd://cloudstack@ceph-mon\(z + 1).storage.example/rbd-pool",
                provider: "DefaultPrimary", state: z == 1 ? "Maintenance" : "Up", capacityBytes: capacity,
                usedBytes: Int64(Double(capacity) * (0.1 + 0.5 * g.unit())), allocatedBytes: Int64(Double(capacity) * (0.2 + 0.5 * g.unit())),
                capacityIops: nil, tags: "ceph", hypervisor: "KVM", managed: false, created: epochBase + 86_400, details: [:]))
            inv.storagePools.append(StoragePoolRecord(
                id: g.uuid(), name: "smp-\(zone.name)", zoneID: zone.id, podID: nil, clusterID: nil, scope: "ZONE", type: "SharedMountPoint",
                ipAddress: "localhost", path: "/mnt/shared", url: "SharedMountPoint://localhost/mnt/shared", provider: "DefaultPrimary",
                state: z == 0 ? "Disabled" : "Up", capacityBytes: capacity / 4, usedBytes: capacity / 20, allocatedBytes: capacity / 10,
                capacityIops: nil, tags: nil, hypervisor: "KVM", managed: false, created: epochBase + 2 * 86_400, details: [:]))
            // Secondary storage: NFS per zone, and a region-wide object store.
            let nfsTotal = Int64(50) * 1_099_511_627_776
            inv.imageStores.append(ImageStoreRecord(
                id: g.uuid(), name: "nfs-secondary-\(zone.name)", zoneID: zone.id, url: "nfs://nfs\(z + 1).storage.example/export/secondary",
                protocolName: "nfs", provider: "NFS", scope: "ZONE", role: "Image", readonly: false, totalBytes: nfsTotal,
                usedBytes: Int64(Double(nfsTotal) * (0.2 + 0.5 * g.unit())), details: [:], created: epochBase))
        }
        inv.imageStores.append(ImageStoreRecord(
            id: g.uuid(), name: "s3-templates", zoneID: nil, url: "https://s3.storage.example", protocolName: "https", provider: "S3",
            scope: "REGION", role: "Image", readonly: false, totalBytes: 0, usedBytes: 0,
            details: ["bucket": "cloudstack-templates", "endpoint": "s3.storage.example"], created: epochBase + 86_400))

        // Guest networks: one per account and zone.
        for account in inv.accounts {
            for (z, zone) in inv.zones.enumerated() {
                let n = inv.networks.count
                inv.networks.append(NetworkRecord(id: g.uuid(), name: "\(account.name)-net-\(zone.name.dropFirst(5))", zoneID: zone.id,
                                                  accountID: account.id, prefix: "10.\(1 + z).\(n % 250)"))
            }
        }
        inv.rebuildIndexes()

        // Virtual machines.
        let hostsByZone = Dictionary(grouping: inv.hosts.indices, by: { inv.hosts[$0].zoneID })
        let poolsByCluster = Dictionary(grouping: inv.storagePools.indices.filter { inv.storagePools[$0].clusterID != nil },
                                        by: { inv.storagePools[$0].clusterID ?? "" })
        let networksByAccountZone = Dictionary(uniqueKeysWithValues: inv.networks.map { ("\($0.accountID)/\($0.zoneID)", $0) })
        inv.vms.reserveCapacity(vmCount)
        var instanceCounter = 0
        for i in 0..<vmCount {
            let r = g.below(100)
            let accountIdx: Int = r < 20 ? 0 : (r < 30 ? 1 : 2 + g.below(otherAccounts.count))
            let account = inv.accounts[accountIdx]
            let zone = inv.zones[g.below(inv.zones.count)]
            let hostCandidates = hostsByZone[zone.id] ?? []
            let host = inv.hosts[hostCandidates.isEmpty ? 0 : hostCandidates[g.below(hostCandidates.count)]]
            let stateRoll = g.below(100)
            let state: VMState = stateRoll < 78 ? .Running : (stateRoll < 96 ? .Stopped : (stateRoll < 98 ? .Destroyed : .Error))
            let offering = inv.serviceOfferings[g.below(inv.serviceOfferings.count)]
            let template = inv.templates[g.below(inv.templates.count)]
            let name = "\(roles[g.below(roles.count)])-\(envs[g.below(envs.count)])-\(String(i + 1))"
            instanceCounter += 1
            let userID = inv.users[accountIdx].id
            let network = networksByAccountZone["\(account.id)/\(zone.id)"]
            let octet = 2 + (i % 250)
            let macTail = UInt64(i) & 0xFF_FFFF
            let mac = "02:00:" + hex2(macTail >> 16) + ":" + hex2(macTail >> 8) + ":" + hex2(macTail) + ":" + hex2(UInt64(g.below(256)))
            let pools = poolsByCluster[host.clusterID] ?? []
            let poolID = pools.isEmpty ? (inv.storagePools.first?.id ?? "") : inv.storagePools[pools[0]].id
            inv.vms.append(VirtualMachineRecord(
                id: g.uuid(), name: name, displayName: name, instanceName: "i-\(accountIdx + 2)-\(String(instanceCounter))-VM", state: state,
                accountID: account.id, userID: userID, zoneID: zone.id, hostID: state == .Running ? host.id : nil, lastHostID: host.id,
                templateID: template.id, serviceOfferingID: offering.id, created: epochBase + 86_400 + Int64(g.below(600 * 86_400)),
                nic: NicRecord(id: g.uuid(), networkID: network?.id ?? "", ipAddress: "\(network?.prefix ?? "10.0.0").\(octet)", macAddress: mac),
                haEnable: g.chance(0.3), group: g.chance(0.4) ? groups[g.below(groups.count)] : nil, poolID: poolID))
        }

        // VM snapshots, events, alerts.
        for i in 0..<min(vmCount, 40) {
            let vm = inv.vms[(i * 7919) % vmCount]
            inv.vmSnapshots.append(VMSnapshotRecord(id: g.uuid(), name: "\(vm.instanceName)_VS_\(String(i))", displayName: "before-upgrade-\(i + 1)",
                                                    description: "Snapshot before maintenance", state: "Ready", type: g.chance(0.5) ? "Disk" : "DiskAndMemory",
                                                    current: true, parentID: nil, vmID: vm.id, accountID: vm.accountID, created: vm.created + 86_400))
        }
        let eventTypes = [("VM.START", "INFO", "starting Vm"), ("VM.STOP", "INFO", "stopping Vm"), ("VM.CREATE", "INFO", "deploying Vm"),
                          ("USER.LOGIN", "INFO", "user has logged in from IP Address 10.0.0.5"), ("SNAPSHOT.CREATE", "INFO", "creating snapshot"),
                          ("VM.REBOOT", "INFO", "rebooting Vm"), ("HOST.RECONNECT", "WARN", "reconnecting host"), ("VM.DESTROY", "INFO", "destroying Vm")]
        for i in 0..<min(max(200, vmCount / 50), 5000) {
            let t = eventTypes[g.below(eventTypes.count)]
            let accountIdx = g.below(inv.accounts.count)
            inv.events.append(EventRecord(id: g.uuid(), type: t.0, level: t.1, description: t.2 + (t.0.hasPrefix("VM") ? ". Vm Id: \(i + 1)" : ""),
                                          accountID: inv.accounts[accountIdx].id, userID: inv.users[accountIdx].id, state: "Completed",
                                          created: epochBase + 500 * 86_400 + Int64(i) * 600))
        }
        let alertSpecs: [(Int, String, String)] = [(7, "ALERT.HOST", "Host is down, name: %h"), (0, "ALERT.MEMORY", "System Alert: Low Available Memory in cluster %c"),
                                                   (2, "ALERT.STORAGE", "System Alert: Low Available Storage in cluster %c"),
                                                   (25, "ALERT.MANAGEMENT", "Management server node 10.0.0.10 is up"),
                                                   (1, "ALERT.CPU", "System Alert: Low Unallocated CPU in cluster %c")]
        for i in 0..<30 {
            let spec = alertSpecs[g.below(alertSpecs.count)]
            let host = inv.hosts[g.below(inv.hosts.count)]
            let cluster = inv.cluster(host.clusterID)?.name ?? ""
            let text = spec.2.replacingOccurrences(of: "%h", with: host.name).replacingOccurrences(of: "%c", with: cluster)
            inv.alerts.append(AlertRecord(id: g.uuid(), type: spec.0, name: spec.1, description: text, zoneID: host.zoneID,
                                          sent: epochBase + 560 * 86_400 + Int64(i) * 7200))
        }
        inv.rebuildIndexes()
        // Each area seeds from its own stream, so adding to one area never changes another's ids.
        NetworkSeeder.seed(&inv, seed: seed)
        AdminSeeder.seed(&inv, seed: seed)
        VolumeSeeder.seed(&inv, seed: seed)
        ComputeSeeder.seed(&inv, seed: seed)
        return inv
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
    private static func hex2(_ v: UInt64) -> String {
        let b = Int(v & 0xFF)
        return String([hexDigits[b >> 4], hexDigits[b & 0xF]])
    }
}
