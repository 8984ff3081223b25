import CloudStack

/// listRouters and the virtual router lifecycle: startRouter, stopRouter, rebootRouter, destroyRouter (async, admin only).
enum RouterHandlers {
    static let fields = ["id", "name", "state", "hostid", "hostname", "podid", "podname", "zoneid", "zonename", "guestnetworkid", "guestnetworkname",
                         "vpcid", "vpcname", "publicip", "guestipaddress", "linklocalip", "redundantstate", "isredundantrouter", "version",
                         "requiresupgrade", "role", "account", "domainid", "domain", "created", "healthchecksfailed", "nic", "serviceofferingname"]

    static func object(_ r: RouterRecord, _ s: SimState) -> JSONObject {
        let inv = s.inventory
        let zone = inv.zone(r.zoneID)
        let network = inv.net.network(r.networkID)
        let host = inv.host(r.hostID)
        let zoneIndex = inv.zones.firstIndex { $0.id == r.zoneID } ?? 0
        var b = ObjectBuilder(capacity: 44)
        b.add("id", r.id)
        b.add("zoneid", r.zoneID)
        b.add("zonename", zone?.name)
        b.add("dns1", zone?.dns1)
        b.add("networkdomain", network?.networkDomain ?? inv.net.vpc(r.vpcID)?.networkDomain)
        b.add("gateway", PublicIPHandlers.publicGateway(zoneIndex: zoneIndex))
        b.add("name", r.name)
        b.add("podid", r.podID)
        b.add("podname", inv.pod(r.podID)?.name)
        if let host {
            b.add("hostid", host.id)
            b.add("hostname", host.name)
            b.add("hypervisor", host.hypervisor)
        } else {
            b.add("hypervisor", inv.host(r.lastHostID)?.hypervisor ?? "KVM")
        }
        b.add("linklocalip", r.linkLocalIP)
        b.add("linklocalnetmask", "255.255.0.0")
        b.add("publicip", r.publicIP)
        b.add("publicnetmask", "255.255.240.0")
        b.add("publicnetworkid", PublicIPHandlers.physicalNetworkID(zoneID: r.zoneID))
        if let network {
            b.add("guestipaddress", r.guestIP)
            b.add("guestnetmask", network.netmask)
            b.add("guestnetworkid", network.id)
            b.add("guestnetworkname", network.name)
        }
        if let vpc = inv.net.vpc(r.vpcID) {
            b.add("vpcid", vpc.id)
            b.add("vpcname", vpc.name)
        }
        b.add("templatename", "systemvm-kvm-\(r.version)")
        b.date("created", r.created)
        b.add("state", r.state.rawValue)
        NetworkAccess.addOwner(&b, r.accountID, inv)
        b.add("serviceofferingname", "System Offering For Software Router")
        b.add("isredundantrouter", r.isRedundant)
        b.add("redundantstate", r.redundantState)
        b.add("version", r.version)
        b.add("softwareversion", r.version)
        b.add("requiresupgrade", requiresUpgrade(r))
        b.add("role", "VIRTUAL_ROUTER")
        b.add("healthchecksfailed", false)
        var nics: [JSONValue] = [.object(JSONObject([("traffictype", .string("Control")), ("ipaddress", .string(r.linkLocalIP)),
                                                     ("netmask", .string("255.255.0.0")), ("isdefault", .bool(false))]))]
        nics.append(.object(JSONObject([("traffictype", .string("Public")), ("ipaddress", .string(r.publicIP)), ("isdefault", .bool(true))])))
        if let network, let guest = r.guestIP {
            nics.append(.object(JSONObject([("traffictype", .string("Guest")), ("networkid", .string(network.id)), ("networkname", .string(network.name)),
                                            ("ipaddress", .string(guest)), ("isdefault", .bool(false))])))
        }
        b.add("nic", .array(nics))
        NetworkAccess.addPendingJob(&b, r.id, s)
        return b.object
    }

    /// A router needs an upgrade when its template version is older than the management server's.
    static func requiresUpgrade(_ r: RouterRecord) -> Bool {
        func parts(_ v: String) -> [Int] { v.split(separator: ".").map { Int($0) ?? 0 } }
        return parts(r.version).lexicographicallyPrecedes(parts(RouterRecord.currentVersion))
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let id = try ctx.uuid("id") { inv.net.routerPosition($0) != nil }
        let hostID = try ctx.uuid("hostid") { inv.host($0) != nil }
        let networkID = try ctx.uuid("networkid") { GuestNetworkHandlers.exists(inv, $0) }
        let vpcID = try ctx.uuid("vpcid") { inv.net.vpc($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let podID = try ctx.uuid("podid") { inv.pod($0) != nil }
        let clusterID = try ctx.uuid("clusterid") { inv.cluster($0) != nil }
        let name = p.value("name")
        let state = p.value("state")?.lowercased()
        let version = p.value("version")
        let forVPC = p.bool("forvpc")
        // A VPC tier is served by its VPC's routers.
        let tierVPC = networkID.flatMap { inv.net.network($0)?.vpcID }
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.net.routers, key: "router", where: { r in
            NetworkAccess.visible(scope, r.accountID) && (id == nil || r.id == id) && (hostID == nil || r.hostID == hostID)
                && (networkID == nil || r.networkID == networkID || (tierVPC != nil && r.vpcID == tierVPC))
                && (vpcID == nil || r.vpcID == vpcID) && (zoneID == nil || r.zoneID == zoneID) && (podID == nil || r.podID == podID)
                && (clusterID == nil || inv.host(r.hostID ?? r.lastHostID)?.clusterID == clusterID) && (name == nil || r.name == name)
                && (state == nil || r.state.rawValue.lowercased() == state) && (version == nil || r.version == version)
                && (forVPC == nil || (r.vpcID != nil) == forVPC) && InfrastructureHandlers.keywordMatch(ctx, r.name, r.publicIP)
        }) { .object(object($0, s)) }
    }

    static func owned(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        try NetworkAccess.owned(ctx, "id", find: { s.inventory.net.routerPosition($0) }, owner: { s.inventory.net.routers[$0].accountID })
    }

    /// Submits a router job; `finish` sets the final state of the router it is given.
    static func submit(_ s: inout SimState, _ ctx: RequestContext, _ r: RouterRecord, event: String, failure: String?,
                       finish: @escaping @Sendable (inout RouterRecord, inout SimState) -> Void, remove: Bool = false) -> JSONObject {
        // The server's event descriptions (VirtualNetworkApplianceManagerImpl's @ActionEvent annotations).
        let verb = ["ROUTER.START": "starting", "ROUTER.STOP": "stopping", "ROUTER.REBOOT": "rebooting", "ROUTER.DESTROY": "destroying"][event] ?? "changing"
        s.addEvent(type: event, description: "\(verb) router Vm. Router Id: \(r.id)", caller: ctx.caller)
        let id = r.id
        let job = JobRunner.submit(&s, ctx, instanceType: "DomainRouter", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.net.routerPosition(id) else { return .failure(.internalError("Unable to find router \(id)")) }
            var router = state.inventory.net.routers[k]
            finish(&router, &state)
            state.inventory.net.routers[k] = router
            let result = JSONObject([("router", .object(object(router, state)))])
            if remove { state.inventory.net.routers.remove(at: k) }
            return .success(result)
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func start(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let r = s.inventory.net.routers[k]
        var failure: String?
        switch r.state {
        case .Stopped: s.inventory.net.routers[k].state = .Starting
        case .Running: break  // The server returns the running router: starting it again changes nothing.
        default: failure = "Unable to start router \(r.name): it is in \(r.state.rawValue) state; only a Stopped router can be started"
        }
        return submit(&s, ctx, r, event: "ROUTER.START", failure: failure) { router, state in run(&router, state) }
    }

    static func stop(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let r = s.inventory.net.routers[k]
        let forced = ctx.params.bool("forced") == true
        var failure: String?
        switch r.state {
        case .Running: s.inventory.net.routers[k].state = .Stopping
        case .Stopped: break  // Already stopped: the server's stop is a no-op that succeeds.
        case .Starting, .Stopping, .Migrating, .Error:
            if forced {
                s.inventory.net.routers[k].state = .Stopping
            } else {
                failure = "Unable to stop router \(r.name): it is in \(r.state.rawValue) state; use forced=true to stop it anyway"
            }
        case .Destroyed, .Expunging: failure = "Unable to stop router \(r.name): it is in \(r.state.rawValue) state"
        }
        return submit(&s, ctx, r, event: "ROUTER.STOP", failure: failure) { router, _ in
            router.state = .Stopped
            router.hostID = nil
            router.redundantState = "UNKNOWN"
        }
    }

    static func reboot(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let r = s.inventory.net.routers[k]
        var failure: String?
        if r.state == .Running {
            s.inventory.net.routers[k].state = .Starting
        } else {
            let zone = (s.inventory.zones.firstIndex { $0.id == r.zoneID } ?? 0) + 1
            failure = "Resource [DataCenter:\(zone)] is unreachable: Unable to reboot domR, it is not in right state \(r.state.rawValue)"
        }
        return submit(&s, ctx, r, event: "ROUTER.REBOOT", failure: failure) { router, state in run(&router, state) }
    }

    static func destroy(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let r = s.inventory.net.routers[k]
        if r.state == .Running { s.inventory.net.routers[k].state = .Stopping }
        return submit(&s, ctx, r, event: "ROUTER.DESTROY", failure: nil, finish: { router, _ in
            router.state = .Destroyed
            router.hostID = nil
            router.redundantState = "UNKNOWN"
        }, remove: true)
    }

    /// A router that has started: on its host, and PRIMARY unless its redundant peer already is.
    static func run(_ router: inout RouterRecord, _ s: SimState) {
        router.state = .Running
        router.hostID = router.lastHostID
        guard router.isRedundant else { router.redundantState = "UNKNOWN"; return }
        let id = router.id, networkID = router.networkID, vpcID = router.vpcID
        let peerIsPrimary = s.inventory.net.routers.contains {
            $0.id != id && $0.networkID == networkID && $0.vpcID == vpcID && $0.redundantState == "PRIMARY" && $0.state == .Running
        }
        router.redundantState = peerIsPrimary ? "BACKUP" : "PRIMARY"
    }

    /// restartNetwork / restartVPC: `cleanup` replaces the routers with new ones (new ids and names); otherwise they are
    /// started again where they are. A network or VPC with no router gets new ones either way.
    static func restartRouters(of scope: NetworkScope, cleanup: Bool, redundant: Bool, _ s: inout SimState) {
        let existing = s.inventory.net.routers.filter { scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }
        if !cleanup, !existing.isEmpty {
            for k in s.inventory.net.routers.indices where scope.matches(networkID: s.inventory.net.routers[k].networkID, vpcID: s.inventory.net.routers[k].vpcID) {
                var r = s.inventory.net.routers[k]
                r.redundantState = "UNKNOWN"
                s.inventory.net.routers[k] = r
            }
            for k in s.inventory.net.routers.indices where scope.matches(networkID: s.inventory.net.routers[k].networkID, vpcID: s.inventory.net.routers[k].vpcID) {
                var r = s.inventory.net.routers[k]
                run(&r, s)
                s.inventory.net.routers[k] = r
            }
            return
        }
        s.inventory.net.routers.removeAll { scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }
        var template: (zoneID: String, accountID: String, guestIP: String?, networkID: String?, vpcID: String?)
        switch scope {
        case .network(let id):
            guard let n = s.inventory.net.network(id) else { return }
            template = (n.zoneID, n.accountID, n.gateway, id, nil)
        case .vpc(let id):
            guard let v = s.inventory.net.vpc(id) else { return }
            template = (v.zoneID, v.accountID, nil, nil, id)
        }
        let publicIP = s.inventory.net.publicIPs.first { $0.isSourceNat && scope.matches(networkID: $0.networkID, vpcID: $0.vpcID) }?.address
            ?? existing.first?.publicIP ?? ""
        let hosts = s.inventory.hosts.filter { $0.zoneID == template.zoneID && $0.state == "Up" }
        for member in 0..<(redundant ? 2 : 1) {
            let host = existing.indices.contains(member) ? s.inventory.host(existing[member].lastHostID) : nil
            guard let host = host ?? (hosts.isEmpty ? nil : hosts[Int(stableHash(template.zoneID + String(member)) % UInt64(hosts.count))]) else { return }
            let number = s.inventory.net.nextRouterNumber
            s.inventory.net.nextRouterNumber += 1
            let guest = redundant ? template.guestIP.map { g in IPv4.parse(g).map { IPv4.format($0 + 1 + UInt32(member)) } ?? g } : template.guestIP
            s.inventory.net.routers.append(RouterRecord(
                id: s.inventory.newID(), name: "r-\(number)-VM", state: .Running, hostID: host.id, lastHostID: host.id, podID: host.podID,
                zoneID: template.zoneID, networkID: template.networkID, vpcID: template.vpcID, accountID: template.accountID, publicIP: publicIP,
                guestIP: guest, linkLocalIP: "169.254.\(number / 250 % 250).\(number % 250 + 2)", isRedundant: redundant,
                redundantState: redundant ? (member == 0 ? "PRIMARY" : "BACKUP") : "UNKNOWN", version: RouterRecord.currentVersion,
                created: APIDate.now()))
        }
    }
}
