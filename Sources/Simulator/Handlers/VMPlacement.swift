/// Where a VM goes, as the deployment planner and the guest network guru decide: an Up, Enabled host of the zone
/// with the template's hypervisor and room for the VM, honouring the VM's affinity groups; a primary pool its hosts
/// reach; the lowest free address of each network.
enum VMPlacement {
    /// CPU (MHz) and memory (bytes) the running VMs allocate on each of `hosts`.
    static func usage(_ inv: Inventory, hosts: Set<String>) -> [String: (cpu: Int, mem: Int64)] {
        var d: [String: (cpu: Int, mem: Int64)] = [:]
        for vm in inv.vms where vm.state == .Running || vm.state == .Starting || vm.state == .Migrating {
            guard let h = vm.hostID, hosts.contains(h) else { continue }
            let size = ComputeSizes.of(vm, inv)
            var e = d[h] ?? (0, 0)
            e.cpu += size.cpuNumber * size.cpuSpeed
            e.mem += Int64(size.memory) * 1_048_576
            d[h] = e
        }
        return d
    }

    /// The hosts a VM of the zone may run on: Up, Enabled, of the hypervisor (any when nil).
    static func candidates(_ inv: Inventory, zoneID: String, hypervisor: String?) -> [HostRecord] {
        inv.hosts.filter { $0.zoneID == zoneID && $0.state == "Up" && $0.resourceState == "Enabled" && (hypervisor == nil || $0.hypervisor == hypervisor) }
    }

    /// Whether a host has room for the VM (CPU over-provisioned as listCapacity counts it, memory not).
    static func fits(_ host: HostRecord, cpu: Int, memoryMB: Int, used: (cpu: Int, mem: Int64)) -> Bool {
        let cpuTotal = host.cpuNumber * host.cpuSpeed * InfrastructureHandlers.cpuOverprovisioning
        return used.cpu + cpu <= cpuTotal && used.mem + Int64(memoryMB) * 1_048_576 <= host.memoryTotal
    }

    /// What the VM's affinity groups say of hosts, from the other members: hosts ruled out (host anti-affinity), the
    /// host required (host affinity), and for the non-strict kinds the hosts to avoid or to prefer when others fit.
    struct Affinity {
        var avoid = Set<String>()
        var require: String?
        var softAvoid = Set<String>()
        var softPrefer = Set<String>()
        var applied = false
    }

    static func affinity(_ vmID: String, _ inv: Inventory) -> Affinity {
        var rules = Affinity()
        for id in inv.compute.details(vmID)?.affinityGroupIDs ?? [] {
            guard let g = inv.compute.affinityGroup(id) else { continue }
            rules.applied = true
            let hosts: [String] = inv.compute.members(ofAffinityGroup: id).compactMap { other in
                guard other != vmID, let k = inv.vmPosition(other) else { return nil }
                let vm = inv.vms[k]
                // As HostAntiAffinityProcessor: a member's host, or the last host of a stopped one.
                return vm.hostID ?? (vm.state == .Stopped && !vm.lastHostID.isEmpty ? vm.lastHostID : nil)
            }
            switch g.type {
            case "host anti-affinity": rules.avoid.formUnion(hosts)
            case "host affinity": if let first = hosts.first { rules.require = first }
            case "non-strict host anti-affinity": rules.softAvoid.formUnion(hosts)
            case "non-strict host affinity": rules.softPrefer.formUnion(hosts)
            default: break
            }
        }
        return rules
    }

    /// The host for the VM: the requested one if it is fit, else the fit host with the least memory allocated.
    static func chooseHost(forVM vmIndex: Int, _ inv: Inventory, hypervisor: String?, requested: String? = nil) -> HostRecord? {
        let vm = inv.vms[vmIndex]
        let size = ComputeSizes.of(vm, inv)
        var hosts = candidates(inv, zoneID: vm.zoneID, hypervisor: hypervisor)
        let rules = affinity(vm.id, inv)
        hosts.removeAll { rules.avoid.contains($0.id) }
        if let required = rules.require { hosts.removeAll { $0.id != required } }
        if let requested { hosts.removeAll { $0.id != requested } }
        let used = usage(inv, hosts: Set(hosts.map(\.id)))
        let fit = hosts.filter { fits($0, cpu: size.cpuNumber * size.cpuSpeed, memoryMB: size.memory, used: used[$0.id] ?? (0, 0)) }
        let preferred = fit.filter { !rules.softAvoid.contains($0.id) && (rules.softPrefer.isEmpty || rules.softPrefer.contains($0.id)) }
        let pool = preferred.isEmpty ? fit : preferred
        return pool.min { a, b in
            let ua = Double((used[a.id] ?? (0, 0)).mem) / Double(max(1, a.memoryTotal))
            let ub = Double((used[b.id] ?? (0, 0)).mem) / Double(max(1, b.memoryTotal))
            return ua == ub ? a.name < b.name : ua < ub
        }
    }

    /// The primary pool for a VM's ROOT volume on `host`: an Up pool of its cluster, else an Up zone-wide one it reaches.
    static func rootPool(for host: HostRecord, _ inv: Inventory) -> StoragePoolRecord? {
        let up = inv.storagePools.filter { $0.zoneID == host.zoneID && $0.state == "Up" }
        return up.first { $0.clusterID == host.clusterID }
            ?? up.first { $0.scope == "ZONE" && ($0.hypervisor == nil || $0.hypervisor == "Any" || $0.hypervisor == host.hypervisor) }
    }

    /// The network's CIDR: the network area's record, else the core network's /24.
    static func cidr(_ networkID: String, _ inv: Inventory) -> String? {
        if let n = inv.net.network(networkID) { return n.cidr }
        return inv.network(networkID).map { $0.prefix + ".0/24" }
    }

    /// The lowest free guest address of the network (the gateway and broadcast excluded); nil when none is free.
    /// An L2 network has no addresses: its NICs get none ("").
    static func allocateIP(_ networkID: String, _ inv: Inventory) -> String? {
        guard let cidrText = cidr(networkID, inv) else { return "" }
        guard let c = IPv4.parseCIDR(cidrText), c.bits < 31 else { return nil }
        let gateway = inv.net.network(networkID)?.gateway.flatMap(IPv4.parse) ?? c.network + 1
        var used = Set<UInt32>([gateway])
        for vm in inv.vms where vm.nic.networkID == networkID { if let a = IPv4.parse(vm.nic.ipAddress) { used.insert(a) } }
        for (_, d) in inv.compute.vmDetails {
            for nic in d.extraNics ?? [] where nic.networkID == networkID { if let a = IPv4.parse(nic.ipAddress) { used.insert(a) } }
        }
        let last = c.network | ~IPv4.mask(c.bits)
        var a = c.network + 1
        while a < last {
            if !used.contains(a) { return IPv4.format(a) }
            a += 1
        }
        return nil
    }

    /// The names of the VMs with a NIC on the network (listDistinctHostNames), for the unique-name check.
    static func hostNames(_ networkID: String, _ inv: Inventory) -> Set<String> {
        var names = Set<String>()
        for vm in inv.vms where vm.nic.networkID == networkID { names.insert(vm.name) }
        for (vmID, d) in inv.compute.vmDetails where (d.extraNics ?? []).contains(where: { $0.networkID == networkID }) {
            if let k = inv.vmPosition(vmID) { names.insert(inv.vms[k].name) }
        }
        return names
    }
}
