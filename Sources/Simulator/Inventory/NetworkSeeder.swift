/// Seeds the network area (`Inventory.net` records) after the core inventory exists: offerings, a record per core
/// guest network, shared and L2 networks, VPCs with tiers, virtual routers, public IPs with static NAT, rules on them,
/// load balancers and security groups. Everything is proportional to the networks, so 100,000 VMs cost no more here.
enum NetworkSeeder {
    static func seed(_ inv: inout Inventory, seed: UInt64) {
        var s = State(inv: inv, g: SplitMix64(seed: seed ^ 0x4E45_5457_4F52_4B53))
        s.net.networkOfferings = DefaultNetworkOfferings.networkOfferings(&s.g, created: Seeder.epochBase + 600)
        s.net.vpcOfferings = DefaultNetworkOfferings.vpcOfferings(&s.g, created: Seeder.epochBase + 600)
        s.seedAccountNetworks()
        s.seedSharedAndL2Networks()
        s.seedVPCs()
        s.seedFreeIPs()
        s.seedSecurityGroups()
        inv.net = s.net
    }

    /// The seeder's working state: the generator, the records so far, and lookups built once.
    private struct State {
        let inv: Inventory
        var g: SplitMix64
        var net = NetworkInventory()
        /// The first few running VMs of each network (static NAT, port forwarding, load balancing targets).
        let runningByNetwork: [String: [Int]]
        let upHostsByZone: [String: [HostRecord]]
        /// Addresses handed out per zone so far.
        var ipCount: [String: Int] = [:]
        var nextLinkLocal = 10

        init(inv: Inventory, g: SplitMix64) {
            self.inv = inv
            self.g = g
            var running: [String: [Int]] = [:]
            for i in inv.vms.indices where inv.vms[i].state == .Running {
                let n = inv.vms[i].nic.networkID
                if (running[n]?.count ?? 0) < 3 { running[n, default: []].append(i) }
            }
            runningByNetwork = running
            upHostsByZone = Dictionary(grouping: inv.hosts.filter { $0.state == "Up" }, by: \.zoneID)
        }

        func offeringID(_ name: String) -> String { net.networkOfferings.first { $0.name == name }?.id ?? "" }

        mutating func seedAccountNetworks() {
            for (k, core) in inv.networks.enumerated() {
                let redundant = k % 5 == 3
                let running = runningByNetwork[core.id] ?? []
                let network = GuestNetworkRecord(
                    id: core.id, name: core.name, displayText: core.name, zoneID: core.zoneID, accountID: core.accountID,
                    offeringID: offeringID(redundant ? DefaultNetworkOfferings.redundantIsolated : DefaultNetworkOfferings.isolatedWithSourceNat),
                    vpcID: nil, state: running.isEmpty ? "Allocated" : "Implemented", type: "Isolated", cidr: core.prefix + ".0/24",
                    gateway: core.prefix + ".1", netmask: "255.255.255.0", vlan: 100 + Int(stableHash(core.id) % 3900), redundantRouter: redundant,
                    restartRequired: k % 11 == 7, networkDomain: "cs\(k + 1)cloud.internal", created: Seeder.epochBase + 86_400 + Int64(k) * 3600)
                net.guestNetworks.append(network)
                // An Allocated network has no router or source NAT yet: both come when the first VM implements it.
                guard network.state == "Implemented" else { continue }
                let sourceNat = allocateIP(zoneID: network.zoneID, accountID: network.accountID, networkID: network.id, vpcID: nil, sourceNat: true,
                                           allocated: network.created)
                seedRouters(networkID: network.id, vpcID: nil, zoneID: network.zoneID, accountID: network.accountID, redundant: redundant,
                            publicIP: sourceNat.address, guestIP: network.gateway, serial: k)
                seedRules(network, sourceNat: sourceNat, running: running, serial: k)
            }
        }

        /// Static NAT to the first running VM, port forwarding and firewall rules, egress rules, a load balancer on every other network.
        mutating func seedRules(_ network: GuestNetworkRecord, sourceNat: PublicIPRecord, running: [Int], serial k: Int) {
            guard let first = running.first else { return }
            let created = network.created + 7200
            var staticNat = allocateIP(zoneID: network.zoneID, accountID: network.accountID, networkID: network.id, vpcID: nil, sourceNat: false,
                                       allocated: created)
            staticNat.staticNatVMID = inv.vms[first].id
            staticNat.staticNatVMIP = inv.vms[first].nic.ipAddress
            replaceIP(staticNat)
            addRule(.firewall, ip: staticNat.id, network, proto: "tcp", ports: (22, 22), cidrs: ["0.0.0.0/0"], created: created)
            addRule(.firewall, ip: staticNat.id, network, proto: "icmp", icmp: (-1, -1), cidrs: ["0.0.0.0/0"], created: created)
            if k % 2 == 0 {
                addRule(.staticNat, ip: staticNat.id, network, proto: "tcp", ports: (80, 443), vm: inv.vms[first], created: created)
            }
            let target = inv.vms[running.count > 1 ? running[1] : first]
            addRule(.portForwarding, ip: sourceNat.id, network, proto: "tcp", ports: (2222, 2222), privatePorts: (22, 22), vm: target, created: created)
            addRule(.firewall, ip: sourceNat.id, network, proto: "tcp", ports: (2222, 2222), cidrs: ["0.0.0.0/0"], created: created)
            if k % 3 == 0 {
                addRule(.portForwarding, ip: sourceNat.id, network, proto: "udp", ports: (5353, 5353), privatePorts: (53, 53), vm: target, created: created)
                addRule(.egressFirewall, ip: nil, network, proto: "tcp", ports: (80, 443), cidrs: [network.cidr ?? "0.0.0.0/0"], dest: ["0.0.0.0/0"],
                        created: created)
            }
            if k % 2 == 1 {
                let vip = allocateIP(zoneID: network.zoneID, accountID: network.accountID, networkID: network.id, vpcID: nil, sourceNat: false,
                                     allocated: created)
                net.loadBalancers.append(LoadBalancerRecord(
                    id: g.uuid(), name: "web-lb-\(k + 1)", description: "HTTP to the web tier", ipAddressID: vip.id, networkID: network.id,
                    accountID: network.accountID, zoneID: network.zoneID, algorithm: k % 4 == 1 ? "roundrobin" : "leastconn", privatePort: 80,
                    publicPort: 80, protocol: "tcp", cidrList: [], state: "Active", vmIDs: running.map { inv.vms[$0].id }, created: created))
                addRule(.firewall, ip: vip.id, network, proto: "tcp", ports: (80, 80), cidrs: ["0.0.0.0/0"], created: created)
            }
        }

        mutating func addRule(_ kind: NetworkRuleKind, ip: String?, _ network: GuestNetworkRecord, proto: String, ports: (Int, Int)? = nil,
                              privatePorts: (Int, Int)? = nil, icmp: (Int, Int)? = nil, vm: VirtualMachineRecord? = nil, cidrs: [String] = [],
                              dest: [String] = [], created: Int64) {
            net.rules.append(NetworkRuleRecord(
                id: g.uuid(), kind: kind, ipAddressID: ip, networkID: network.id, accountID: network.accountID, protocol: proto,
                startPort: ports?.0, endPort: ports?.1, privatePort: privatePorts?.0, privateEndPort: privatePorts?.1, vmID: vm?.id,
                vmGuestIP: vm?.nic.ipAddress, cidrList: cidrs, destCidrList: dest, icmpType: icmp?.0, icmpCode: icmp?.1, state: "Active", created: created))
        }

        /// A shared network per zone (the admin's, for every account in the domain) and an L2 network in the first zone.
        mutating func seedSharedAndL2Networks() {
            guard let admin = inv.accounts.first else { return }
            for (z, zone) in inv.zones.enumerated() {
                net.guestNetworks.append(GuestNetworkRecord(
                    id: g.uuid(), name: "shared-\(zone.name.dropFirst(5))", displayText: "Shared network for every account in \(zone.name)",
                    zoneID: zone.id, accountID: admin.id, offeringID: offeringID(DefaultNetworkOfferings.shared), vpcID: nil, state: "Setup",
                    type: "Shared", cidr: "10.100.\(z).0/24", gateway: "10.100.\(z).1", netmask: "255.255.255.0", vlan: 3000 + z, redundantRouter: false,
                    restartRequired: false, networkDomain: "shared.cloud.internal", created: Seeder.epochBase + 7200))
            }
            if let zone = inv.zones.first {
                net.guestNetworks.append(GuestNetworkRecord(
                    id: g.uuid(), name: "l2-storage-backend", displayText: "L2 segment for the storage backend", zoneID: zone.id, accountID: admin.id,
                    offeringID: offeringID(DefaultNetworkOfferings.l2), vpcID: nil, state: "Implemented", type: "L2", cidr: nil, gateway: nil, netmask: nil,
                    vlan: 3500, redundantRouter: false, restartRequired: false, networkDomain: "", created: Seeder.epochBase + 7200))
            }
        }

        /// Two VPCs: a single-router one with web and db tiers, and a redundant one with one tier.
        mutating func seedVPCs() {
            let owners = [inv.accounts.first { $0.name == "acme-corp" }, inv.accounts.first { $0.name == "demo" }]
            for (v, owner) in owners.enumerated() {
                guard let owner, inv.zones.count > v else { continue }
                let zone = inv.zones[v]
                let redundant = v == 1
                let vpc = VPCRecord(
                    id: g.uuid(), name: "\(owner.name)-vpc", displayText: "\(owner.name) production VPC", zoneID: zone.id, accountID: owner.id,
                    offeringID: net.vpcOfferings[redundant ? 1 : 0].id, cidr: "10.\(200 + v).0.0/16", state: "Enabled", redundantRouter: redundant,
                    restartRequired: false, networkDomain: "\(owner.name).vpc.internal", created: Seeder.epochBase + 2 * 86_400)
                net.vpcs.append(vpc)
                let sourceNat = allocateIP(zoneID: zone.id, accountID: owner.id, networkID: nil, vpcID: vpc.id, sourceNat: true, allocated: vpc.created)
                seedRouters(networkID: nil, vpcID: vpc.id, zoneID: zone.id, accountID: owner.id, redundant: redundant, publicIP: sourceNat.address,
                            guestIP: nil, serial: 100 + v)
                for (t, tier) in (redundant ? ["app"] : ["web", "db"] as [String]).enumerated() {
                    net.guestNetworks.append(GuestNetworkRecord(
                        id: g.uuid(), name: "\(owner.name)-\(tier)", displayText: "\(tier) tier", zoneID: zone.id, accountID: owner.id,
                        offeringID: offeringID(DefaultNetworkOfferings.vpcTier), vpcID: vpc.id, state: "Implemented", type: "Isolated",
                        cidr: "10.\(200 + v).\(t + 1).0/24", gateway: "10.\(200 + v).\(t + 1).1", netmask: "255.255.255.0", vlan: 3600 + 10 * v + t,
                        redundantRouter: redundant, restartRequired: false, networkDomain: vpc.networkDomain, created: vpc.created + 3600))
                }
            }
        }

        /// A router for a network or VPC (a PRIMARY/BACKUP pair when redundant). Some run an older systemvm template, some are Stopped.
        mutating func seedRouters(networkID: String?, vpcID: String?, zoneID: String, accountID: String, redundant: Bool, publicIP: String,
                                  guestIP: String?, serial k: Int) {
            let hosts = upHostsByZone[zoneID] ?? inv.hosts.filter { $0.zoneID == zoneID }
            for member in 0..<(redundant ? 2 : 1) {
                guard !hosts.isEmpty else { return }
                let host = hosts[g.below(hosts.count)]
                let number = net.nextRouterNumber
                net.nextRouterNumber += 1
                let stopped = k % 13 == 5 && member == 0
                let state: VMState = stopped ? .Stopped : .Running
                nextLinkLocal += 1
                let guest = redundant ? guestIP.map { gateway in String(gateway.dropLast(1)) + String(2 + member) } : guestIP
                net.routers.append(RouterRecord(
                    id: g.uuid(), name: "r-\(number)-VM", state: state, hostID: stopped ? nil : host.id, lastHostID: host.id, podID: host.podID,
                    zoneID: zoneID, networkID: networkID, vpcID: vpcID, accountID: accountID, publicIP: publicIP, guestIP: guest,
                    linkLocalIP: "169.254.\(nextLinkLocal / 250).\(nextLinkLocal % 250 + 2)", isRedundant: redundant,
                    redundantState: !redundant ? "UNKNOWN" : (stopped ? "UNKNOWN" : (member == 0 ? "PRIMARY" : "BACKUP")),
                    version: k % 7 == 2 ? "4.18.1" : RouterRecord.currentVersion, created: Seeder.epochBase + 86_400 + Int64(k) * 3600))
            }
        }

        /// The next address of the zone's public range (198.18.0.0/15, set aside for tests), allocated or free.
        mutating func allocateIP(zoneID: String, accountID: String?, networkID: String?, vpcID: String?, sourceNat: Bool, allocated: Int64?) -> PublicIPRecord {
            let n = ipCount[zoneID, default: 0]
            ipCount[zoneID] = n + 1
            let z = inv.zones.firstIndex { $0.id == zoneID } ?? 0
            let ip = PublicIPRecord(
                id: g.uuid(), address: "198.18.\(z * 16 + n / 250).\(n % 250 + 2)", zoneID: zoneID, state: accountID == nil ? "Free" : "Allocated",
                accountID: accountID, networkID: networkID, vpcID: vpcID, isSourceNat: sourceNat, staticNatVMID: nil, staticNatVMIP: nil,
                allocated: accountID == nil ? nil : allocated, vlanID: PublicIPRecord.vlanID(zoneIndex: z))
            net.publicIPs.append(ip)
            return ip
        }

        mutating func replaceIP(_ ip: PublicIPRecord) {
            if let k = net.publicIPs.firstIndex(where: { $0.id == ip.id }) { net.publicIPs[k] = ip }
        }

        /// Free addresses in every zone, so that associateIpAddress has some to give.
        mutating func seedFreeIPs() {
            for zone in inv.zones {
                for _ in 0..<12 { _ = allocateIP(zoneID: zone.id, accountID: nil, networkID: nil, vpcID: nil, sourceNat: false, allocated: nil) }
            }
        }

        /// A "default" group per account (as the server creates with the account), and two with rules.
        mutating func seedSecurityGroups() {
            for account in inv.accounts {
                net.securityGroups.append(SecurityGroupRecord(id: g.uuid(), name: "default", description: "Default Security Group", accountID: account.id,
                                                              ingress: [], egress: [], created: account.created))
            }
            if let demo = inv.accounts.first(where: { $0.name == "demo" }) {
                net.securityGroups.append(SecurityGroupRecord(
                    id: g.uuid(), name: "web", description: "HTTP, HTTPS and ping from anywhere", accountID: demo.id,
                    ingress: [rule("tcp", 80, 80, "0.0.0.0/0"), rule("tcp", 443, 443, "0.0.0.0/0"), rule("icmp", icmp: (-1, -1), "0.0.0.0/0")],
                    egress: [rule("tcp", 1, 65535, "0.0.0.0/0")], created: demo.created + 86_400))
            }
            if let admin = inv.accounts.first {
                net.securityGroups.append(SecurityGroupRecord(
                    id: g.uuid(), name: "ssh-from-office", description: "SSH from the office network", accountID: admin.id,
                    ingress: [rule("tcp", 22, 22, "192.0.2.0/24")], egress: [], created: admin.created + 86_400))
            }
        }

        mutating func rule(_ proto: String, _ start: Int? = nil, _ end: Int? = nil, icmp: (Int, Int)? = nil, _ cidr: String) -> SecurityGroupRuleRecord {
            SecurityGroupRuleRecord(id: g.uuid(), protocol: proto, startPort: start, endPort: end, cidr: cidr, icmpType: icmp?.0, icmpCode: icmp?.1)
        }
    }
}
