import CloudStack

/// listVirtualMachines and the VM lifecycle: start, stop, reboot, destroy (async).
enum VirtualMachineHandlers {
    static let fields = ["id", "name", "displayname", "instancename", "state", "account", "userid", "username", "domainid", "domain", "created",
                         "zoneid", "zonename", "hostid", "hostname", "hypervisor", "templateid", "templatename", "templatedisplaytext",
                         "serviceofferingid", "serviceofferingname", "cpunumber", "cpuspeed", "memory", "cpuused", "networkkbsread",
                         "networkkbswrite", "diskkbsread", "diskkbswrite", "diskioread", "diskiowrite", "guestosid", "ostypeid", "osdisplayname",
                         "rootdeviceid", "rootdevicetype", "haenable", "group", "groupid", "nic", "securitygroup", "affinitygroup", "tags", "details",
                         "passwordenabled", "password", "isoid", "isoname", "isodisplaytext", "keypairs", "isdynamicallyscalable"]

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.vmPosition($0) != nil }
        let ids = p.value("ids").map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let hostID = try ctx.uuid("hostid") { inv.host($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { inv.cluster($0) != nil }
        let storageID = try ctx.uuid("storageid") { inv.poolPosition($0) != nil }
        let templateID = try ctx.uuid("templateid") { inv.template($0) != nil }
        let offeringID = try ctx.uuid("serviceofferingid") { inv.offering($0) != nil }
        let networkID = try ctx.uuid("networkid") { GuestNetworkHandlers.exists(inv, $0) }
        let name = p.value("name")?.lowercased()
        let state = p.value("state")?.lowercased()
        let keyword = p.value("keyword")?.lowercased()
        let ha = p.bool("haenable")
        let scope = ctx.visibleAccount(inv)
        // The compute area's filters, from the few VMs that carry details (no scan of every VM to build them).
        let isoID = try ctx.uuid("isoid") { inv.template($0) != nil }
        let keyPair = p.value("keypair")
        let affinityGroupID = try ctx.uuid("affinitygroupid") { inv.compute.affinityGroup($0) != nil }
        let groupID = try ctx.uuid("groupid") { inv.compute.instanceGroupPosition($0) != nil }
        let detailMatches: Set<String>? = (isoID == nil && keyPair == nil && affinityGroupID == nil) ? nil : Set(inv.compute.vmDetails.compactMap { (vmID, d) in
            if let isoID, d.isoID != isoID { return nil }
            if let keyPair, !(d.keyPairs ?? []).contains(keyPair) { return nil }
            if let affinityGroupID, !(d.affinityGroupIDs ?? []).contains(affinityGroupID) { return nil }
            return vmID
        })
        let vmsWithExtraNic: Set<String> = networkID.map { nid in
            Set(inv.compute.vmDetails.compactMap { (vmID, d) in (d.extraNics ?? []).contains { $0.networkID == nid } ? vmID : nil })
        } ?? []
        let group = groupID.flatMap { inv.compute.instanceGroupPosition($0) }.map { inv.compute.instanceGroups[$0] }
        let hostsInPod: Set<String>? = podID.map { pid in Set(inv.hosts.filter { $0.podID == pid }.map(\.id)) }
        let hostsInCluster: Set<String>? = clusterID.map { cid in Set(inv.hosts.filter { $0.clusterID == cid }.map(\.id)) }
        // hypervisor: a VM's is its (last) host's.
        let hostsOfHypervisor: Set<String>? = p.value("hypervisor").map { hv in
            Set(inv.hosts.filter { $0.hypervisor.lowercased() == hv.lowercased() }.map(\.id))
        }
        // storageid: the pool of a VM's ROOT volume, or of any volume attached to it.
        let vmsWithVolumesOnPool: Set<String> = storageID.map { pid in
            inv.volumes.hasRecords(onPool: pid) ? Set(inv.volumes.records.filter { $0.poolID == pid }.compactMap(\.vmID)) : []
        } ?? []

        let nameBytes = name.map { Array($0.utf8) }
        let keywordBytes = keyword.map { Array($0.utf8) }
        // nil: no filter; .some(nil): "Present" (not Destroyed or Expunging); an unknown state matches nothing.
        let stateFilter: VMState?? = state.map { s in s == "present" ? nil : VMState.allCases.first { $0.rawValue.lowercased() == s } }
        let unknownState = state != nil && state != "present" && stateFilter == .some(nil)
        // allow.user.view.destroyed.vm is false (listCapabilities says so): users never see Destroyed or Expunging VMs.
        let hideDestroyed = !ctx.caller.isAdmin
        let filtered = hideDestroyed || id != nil || ids != nil || zoneID != nil || hostID != nil || hostsInPod != nil || hostsInCluster != nil || storageID != nil
            || templateID != nil || offeringID != nil || networkID != nil || ha != nil || state != nil || name != nil || keyword != nil
            || detailMatches != nil || group != nil || hostsOfHypervisor != nil

        // Reads fields in place (no copy of the record), since this runs for every VM of a 200,000-VM cloud.
        func matches(_ i: Int) -> Bool {
            if !scope.all, inv.vms[i].accountID != scope.accountID { return false }
            if !filtered { return true }
            if unknownState { return false }
            if hideDestroyed, inv.vms[i].state == .Destroyed || inv.vms[i].state == .Expunging { return false }
            if let id, inv.vms[i].id != id { return false }
            if let ids, !ids.contains(inv.vms[i].id) { return false }
            if let zoneID, inv.vms[i].zoneID != zoneID { return false }
            if let hostID, inv.vms[i].hostID != hostID { return false }
            if let hostsInPod, !hostsInPod.contains(inv.vms[i].hostID ?? inv.vms[i].lastHostID) { return false }
            if let hostsInCluster, !hostsInCluster.contains(inv.vms[i].hostID ?? inv.vms[i].lastHostID) { return false }
            if let hostsOfHypervisor, !hostsOfHypervisor.contains(inv.vms[i].lastHostID) { return false }
            if let storageID, inv.vms[i].poolID != storageID, !vmsWithVolumesOnPool.contains(inv.vms[i].id) { return false }
            if let templateID, inv.vms[i].templateID != templateID { return false }
            if let offeringID, inv.vms[i].serviceOfferingID != offeringID { return false }
            if let networkID, inv.vms[i].nic.networkID != networkID, !vmsWithExtraNic.contains(inv.vms[i].id) { return false }
            if let ha, inv.vms[i].haEnable != ha { return false }
            if let detailMatches, !detailMatches.contains(inv.vms[i].id) { return false }
            if let group, inv.vms[i].accountID != group.accountID || inv.vms[i].group != group.name { return false }
            if let stateFilter {
                let st = inv.vms[i].state
                if let wanted = stateFilter {
                    if st != wanted { return false }
                } else if st == .Destroyed || st == .Expunging { return false }
            }
            if let nameBytes, !fastContains(inv.vmNameKeys[i], nameBytes) { return false }
            if let keywordBytes, !fastContains(inv.vmSearchKeys[i], keywordBytes) { return false }
            return true
        }

        let range = paging.range(total: Int.max)
        var count = 0
        var page: [JSONValue] = []
        page.reserveCapacity(min(range.count, 500))
        let detail = try Detail(p.value("details"))
        let pending = s.pendingJobByInstance
        if let id, let i = inv.vmPosition(id) {
            if matches(i) {
                count = 1
                if range.contains(0) { page.append(.object(object(inv.vms[i], inv, admin: ctx.caller.isAdmin, detail: detail, pendingJob: pending[inv.vms[i].id]))) }
            }
        } else if scope.all && !filtered {
            count = inv.vms.count
            for i in range.clamped(to: 0..<count) { page.append(.object(object(inv.vms[i], inv, admin: ctx.caller.isAdmin, detail: detail, pendingJob: pending[inv.vms[i].id]))) }
        } else {
            for i in inv.vms.indices where matches(i) {
                if range.contains(count) { page.append(.object(object(inv.vms[i], inv, admin: ctx.caller.isAdmin, detail: detail, pendingJob: pending[inv.vms[i].id]))) }
                count += 1
            }
        }
        return listContent("virtualmachine", page, count)
    }

    /// Which parts of a VM to write, from `details=`, as UserVmJoinDaoImpl decides: each group is written when
    /// `details` names it or `all`; no `details` means `all`; `min` names no group. The values are the VMDetails
    /// enum's names, matched exactly as `VMDetails.valueOf` does, and anything else is refused as the server refuses it.
    struct Detail {
        static let groups = ["all", "group", "nics", "stats", "secgrp", "tmpl", "servoff", "diskoff", "backoff", "iso", "volume", "min", "affgrp"]
        private var named: Set<String>

        init(_ text: String?) throws {
            guard let text, !text.isEmpty else {
                named = ["all"]
                return
            }
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.allSatisfy(Self.groups.contains) else {
                throw APIError.invalid("The details parameter contains a non permitted value. The allowed values are [\(Self.groups.joined(separator: ", "))]")
            }
            named = Set(parts)
        }

        private init(all: Void) { named = ["all"] }
        static let full = Detail(all: ())

        /// Whether the group is written.
        func has(_ group: String) -> Bool { named.contains("all") || named.contains(group) }
    }

    static func object(_ vm: VirtualMachineRecord, _ inv: Inventory, admin: Bool, detail: Detail = .full, pendingJob: String? = nil,
                       password: String? = nil) -> JSONObject {
        let account = inv.account(vm.accountID)
        let user = inv.user(vm.userID)
        let zone = inv.zone(vm.zoneID)
        let host = inv.host(vm.hostID)
        let template = inv.template(vm.templateID)
        let offering = inv.offering(vm.serviceOfferingID)
        let extra = inv.compute.details(vm.id)
        let size = ComputeSizes.of(vm, inv)
        let hypervisor = inv.host(vm.lastHostID)?.hypervisor ?? template?.hypervisor ?? "KVM"
        var b = ObjectBuilder(capacity: 56)
        b.add("id", vm.id)
        b.add("name", vm.name)
        b.add("displayname", vm.displayName)
        b.add("account", account?.name)
        b.add("userid", vm.userID)
        b.add("username", user?.username)
        b.add("domainid", account?.domainID)
        b.add("domain", "ROOT")
        b.date("created", vm.created)
        b.add("state", vm.state.rawValue)
        b.add("haenable", vm.haEnable)
        if detail.has("group"), let g = vm.group {
            b.add("groupid", inv.compute.instanceGroup(named: g, accountID: vm.accountID)?.id)
            b.add("group", g)
        }
        b.add("zoneid", vm.zoneID)
        b.add("zonename", zone?.name)
        if admin, let host {
            b.add("hostid", host.id)
            b.add("hostname", host.name)
        }
        if admin { b.add("instancename", vm.instanceName) }
        if detail.has("tmpl") {
            b.add("templateid", vm.templateID)
            b.add("templatename", template?.name)
            b.add("templatedisplaytext", template?.displayText)
            b.add("passwordenabled", template?.passwordEnabled ?? false)
        }
        if detail.has("iso"), let isoID = extra?.isoID {
            let iso = inv.template(isoID)
            b.add("isoid", isoID)
            b.add("isoname", iso?.name)
            b.add("isodisplaytext", iso?.displayText)
        }
        if detail.has("servoff") {
            b.add("serviceofferingid", vm.serviceOfferingID)
            b.add("serviceofferingname", offering?.name)
        }
        if detail.has("servoff") || detail.has("stats") {
            b.add("cpunumber", size.cpuNumber)
            b.add("cpuspeed", size.cpuSpeed)
            b.add("memory", size.memory)
        }
        if detail.has("stats") {
            let h = stableHash(vm.id)
            let running = vm.state == .Running
            b.add("cpuused", running ? "\(Double(h % 9000) / 100)%" : "0%")
            b.add("networkkbsread", running ? Int64(h % 5_000_000) : 0)
            b.add("networkkbswrite", running ? Int64((h >> 20) % 3_000_000) : 0)
            b.add("diskkbsread", running ? Int64((h >> 8) % 9_000_000) : 0)
            b.add("diskkbswrite", running ? Int64((h >> 16) % 7_000_000) : 0)
            b.add("diskioread", running ? Int64((h >> 24) % 400_000) : 0)
            b.add("diskiowrite", running ? Int64((h >> 32) % 300_000) : 0)
            b.add("memorykbs", Int64(size.memory * 1024))
            b.add("memoryintfreekbs", running ? Int64((h >> 40) % UInt64(max(1, size.memory * 512))) : 0)
        }
        let osTypeID = extra?.osTypeID ?? template?.osTypeID
        b.add("guestosid", osTypeID)
        b.add("ostypeid", osTypeID)
        b.add("osdisplayname", extra?.osTypeID.flatMap { inv.compute.osType($0)?.description } ?? template?.osDisplayName)
        if detail.has("volume") {
            b.add("rootdeviceid", 0)
            b.add("rootdevicetype", "ROOT")
        }
        b.add("hypervisor", hypervisor)
        b.add("isdynamicallyscalable", extra?.dynamicallyScalable ?? false)
        if let keys = extra?.keyPairs, !keys.isEmpty { b.add("keypairs", keys.joined(separator: ",")) }
        if let password { b.add("password", password) }
        if detail.has("nics") {
            var nics: [JSONValue] = []
            if let n = nicObject(vm.nic, vm: vm, device: 0, isDefault: true, inv) { nics.append(n) }
            for (k, nic) in (extra?.extraNics ?? []).enumerated() {
                if let n = nicObject(nic, vm: vm, device: k + 1, isDefault: false, inv) { nics.append(n) }
            }
            if !nics.isEmpty { b.add("nic", .array(nics)) }
        }
        if detail.has("secgrp") { b.add("securitygroup", .array([])) }
        if detail.has("affgrp") {
            b.add("affinitygroup", .array((extra?.affinityGroupIDs ?? []).compactMap { id in
                inv.compute.affinityGroup(id).map { .object(AffinityGroupHandlers.nested($0, inv)) }
            }))
        }
        // Tags and the VM's details map are written whatever `details` says.
        b.add("tags", .array([]))
        b.add("details", .object(JSONObject()))
        if let pendingJob {
            b.add("jobid", pendingJob)
            b.add("jobstatus", 0)
        }
        return b.object
    }

    /// A NIC as listVirtualMachines nests it; the network's own record (network area) gives its addresses when it has one.
    static func nicObject(_ nic: NicRecord, vm: VirtualMachineRecord, device: Int, isDefault: Bool, _ inv: Inventory) -> JSONValue? {
        let area = inv.net.network(nic.networkID)
        let core = inv.network(nic.networkID)
        guard area != nil || core != nil else { return nil }
        var n = ObjectBuilder(capacity: 14)
        n.add("id", nic.id)
        n.add("networkid", nic.networkID)
        n.add("networkname", area?.name ?? core?.name)
        n.add("netmask", area?.netmask ?? "255.255.255.0")
        n.add("gateway", area?.gateway ?? core.map { $0.prefix + ".1" })
        if !nic.ipAddress.isEmpty { n.add("ipaddress", nic.ipAddress) }
        n.add("broadcasturi", "vlan://\(area?.vlan ?? 100 + Int(stableHash(nic.networkID) % 3900))")
        n.add("traffictype", "Guest")
        n.add("type", area?.type ?? "Isolated")
        n.add("isdefault", isDefault)
        n.add("macaddress", nic.macAddress)
        n.add("deviceid", String(device))
        return n.value
    }

    // MARK: - Actions

    /// The VM named by `id`, which the caller must own.
    static func ownedVM(_ s: SimState, _ ctx: RequestContext, _ param: String = "id") throws -> Int {
        let id = try ctx.required(param)
        guard let i = s.inventory.vmPosition(id) else { throw APIError.badValue(ctx.commandLabel, param, id) }
        guard ctx.owns(s.inventory.vms[i].accountID) else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
        }
        return i
    }

    static func start(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        var failure: String?
        if ctx.caller.isAdmin, let hostID = try ctx.uuid("hostid", exists: { s.inventory.host($0) != nil }) {
            s.inventory.vms[i].lastHostID = hostID
        }
        switch vm.state {
        case .Stopped: s.inventory.vms[i].state = .Starting
        case .Running: failure = "The virtual machine \(vm.id) (\(vm.displayName)) is already running"
        default: failure = "Unable to start VM \(vm.instanceName) (\(vm.displayName)): it is in \(vm.state.rawValue) state; only a Stopped VM can be started"
        }
        s.addEvent(type: "VM.START", description: "starting Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        return jobResponse(JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vm.id, action: .startVM(vm.id), failure: failure))
    }

    static func stop(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        var failure: String?
        switch vm.state {
        case .Running: s.inventory.vms[i].state = .Stopping
        case .Error where ctx.params.bool("forced") == true: s.inventory.vms[i].state = .Stopping
        default: failure = "Unable to stop VM \(vm.instanceName) (\(vm.displayName)): it is in \(vm.state.rawValue) state; only a Running VM can be stopped"
        }
        s.addEvent(type: "VM.STOP", description: "stopping Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        return jobResponse(JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vm.id, action: .stopVM(vm.id), failure: failure))
    }

    static func reboot(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        let failure = vm.state == .Running ? nil
            : "Failed to reboot vm instance \(vm.instanceName) (\(vm.displayName)): it is not in Running state (current state: \(vm.state.rawValue))"
        s.addEvent(type: "VM.REBOOT", description: "rebooting Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        return jobResponse(JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vm.id, action: .rebootVM(vm.id), failure: failure))
    }

    static func destroy(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        let expunge = ctx.params.bool("expunge") == true
        if expunge && !ctx.caller.isAdmin {
            throw APIError.denied("Parameter expunge can be passed by Admin only. Or when the allow.user.expunge.recover.vm key is set.")
        }
        let volumeIDs = (ctx.params.value("volumeids") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for id in volumeIDs where s.inventory.volume(id) == nil { throw APIError.badValue(ctx.commandLabel, "volumeids", id) }
        let wrong = VMVolumeCleanup.notAttachedDataDisks(volumeIDs, vmID: vm.id, s.inventory)
        if !wrong.isEmpty {
            throw APIError.invalid("The following supplied volumes are not DATADISK attached to the VM: " + wrong.joined(separator: "; ") + "; ")
        }
        var failure: String?
        switch vm.state {
        case .Destroyed, .Expunging: failure = "Unable to destroy VM \(vm.instanceName) (\(vm.displayName)): it is already in \(vm.state.rawValue) state"
        case .Starting, .Stopping, .Migrating: failure = "Unable to destroy VM \(vm.instanceName) (\(vm.displayName)) while it is in \(vm.state.rawValue) state"
        case .Running: s.inventory.vms[i].state = .Stopping
        default: break
        }
        s.addEvent(type: "VM.DESTROY", description: "destroying Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id
        return jobResponse(JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vm.id, action: .run { state, admin in
            // The VM's volumes go first: the job result still shows the VM, and an expunged VM's ROOT volume dies with it.
            VMVolumeCleanup.vmDestroyed(id, dataVolumeIDs: volumeIDs, expunge: expunge, &state.inventory)
            return finish(id, to: .Destroyed, expunge: expunge, admin: admin, &state)
        }, failure: failure))
    }

    static func jobResponse(_ jobID: String) -> JSONObject { JSONObject([("jobid", .string(jobID))]) }

    /// The end of a VM job: the final state and the VM as the job result.
    static func finish(_ id: String, to state: VMState, expunge: Bool = false, admin: Bool, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let i = s.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
        s.inventory.vms[i].state = state
        switch state {
        case .Running: s.inventory.vms[i].hostID = s.inventory.vms[i].lastHostID
        case .Stopped, .Destroyed: s.inventory.vms[i].hostID = nil
        default: break
        }
        let result = JSONObject([("virtualmachine", .object(object(s.inventory.vms[i], s.inventory, admin: admin)))])
        if expunge {
            // Its ISO, key pairs, affinity groups and extra NICs go with it.
            s.inventory.compute.vmDetails[id] = nil
            s.inventory.removeVM(at: i)
        }
        return .success(result)
    }
}
