import CloudStack

/// listApis, listCapabilities, listUsers, listAccounts.
enum AccountHandlers {
    static func listApis(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = ctx.params.value("name")
        let visible = APICatalog.all.filter { (ctx.caller.isAdmin || !$0.adminOnly) && (name == nil || $0.name.lowercased() == name?.lowercased()) }
        if let name, visible.isEmpty {
            throw APIError.invalid("Unable to find API with the name: \(name)")
        }
        // As ApiDiscoveryServiceImpl: "related" names the commands answering with the same object (absent when none),
        // a parameter's "related" the commands answering with what it names, and "length" its longest value.
        let items: [JSONValue] = visible.map { spec in
            var b = ObjectBuilder()
            b.add("name", spec.name)
            b.add("description", spec.description)
            b.add("isasync", spec.isAsync)
            b.add("related", APIRelations.related(of: spec))
            b.add("since", spec.since.isEmpty ? "4.0.0" : spec.since)
            b.add("type", spec.adminOnly ? "admin" : "user")
            b.add("params", .array(spec.params.map { p in
                var pb = ObjectBuilder()
                pb.add("name", p.name)
                pb.add("description", p.description)
                pb.add("type", p.type)
                pb.add("length", p.length)
                pb.add("required", p.required)
                pb.add("related", APIRelations.related(of: p, in: spec))
                return pb.value
            }))
            let entity = APIResponseFields.entity(of: spec)
            b.add("response", .array(spec.responseFields.map { f in
                JSONValue.object(JSONObject([("name", .string(f)), ("description", .string(APIResponseFields.description(f, entity: entity))),
                                             ("type", .string(APIResponseFields.type(f)))]))
            }))
            return b.value
        }
        return listContent("api", items, items.count)
    }

    static func listCapabilities(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        var b = ObjectBuilder()
        b.add("securitygroupsenabled", false)
        b.add("dynamicrolesenabled", true)
        b.add("cloudstackversion", "4.20.0.0-cstui-simulator")
        b.add("userpublictemplateenabled", true)
        b.add("supportELB", "false")
        b.add("projectinviterequired", false)
        b.add("allowusercreateprojects", true)
        b.add("customdiskofferingminsize", 1)
        b.add("customdiskofferingmaxsize", 1024)
        b.add("regionsecondaryenabled", false)
        b.add("kvmsnapshotenabled", true)
        b.add("allowuserviewdestroyedvm", false)
        b.add("allowuserexpungerecovervm", false)
        b.add("allowuserexpungerecovervolume", false)
        b.add("allowuserviewalldomainaccounts", false)
        b.add("kubernetesserviceenabled", false)
        b.add("kubernetesclusterexperimentalfeaturesenabled", false)
        b.add("defaultuipagesize", 20)
        b.add("instancesstatsretentiontime", 720)
        b.add("instancesstatsuseronly", false)
        if let t = s.faults.throttle {
            b.add("apilimitinterval", 1)
            b.add("apilimitmax", t)
        }
        return JSONObject([("capability", b.value)])
    }

    static func listUsers(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let id = try ctx.uuid("id") { id in inv.users.contains { $0.id == id } }
        let domainID = try ctx.uuid("domainid") { inv.domainRecord($0) != nil }
        let username = ctx.params.value("username")
        let accountName = ctx.params.value("account")
        let state = ctx.params.value("state")?.lowercased()
        let keyword = ctx.params.value("keyword")?.lowercased()
        let accountType = ctx.params.value("accounttype").flatMap(Int.init)
        let domains = domainID.map { ctx.params.bool("isrecursive") == true ? inv.domainSubtree($0) : [$0] }
        let matches = inv.users.filter { u in
            guard let a = inv.account(u.accountID) else { return false }
            if !ctx.caller.isAdmin && a.id != ctx.caller.account.id { return false }
            if let id, u.id != id { return false }
            if let username, u.username != username { return false }
            if let accountName, a.name != accountName { return false }
            if let domains, !domains.contains(a.domainID) { return false }
            if let state, (u.state ?? "enabled") != state { return false }
            if let accountType, a.accountType != accountType { return false }
            if let keyword, !u.username.lowercased().contains(keyword), !a.name.lowercased().contains(keyword) { return false }
            return true
        }
        let items = matches[paging.range(total: matches.count)].map { JSONValue.object(userObject($0, inv, caller: ctx.caller)) }
        return listContent("user", items, matches.count)
    }

    /// A user as UserResponse shows it. The API key is shown to its owner and to admins; the secret key never is
    /// (it has been left out of listUsers since 4.10; getUserKeys returns it).
    static func userObject(_ u: UserRecord, _ inv: Inventory, caller: Caller) -> JSONObject {
        let a = inv.account(u.accountID)
        var b = ObjectBuilder(capacity: 24)
        b.add("id", u.id)
        b.add("username", u.username)
        b.add("firstname", u.firstName)
        b.add("lastname", u.lastName)
        b.add("email", u.email)
        b.date("created", u.created)
        b.add("state", u.state ?? "enabled")
        b.add("account", a?.name)
        b.add("accounttype", a?.accountType ?? 0)
        b.add("usersource", "native")
        b.add("roleid", a?.roleID)
        b.add("roletype", a?.roleType)
        b.add("rolename", a?.roleName)
        b.add("domainid", a?.domainID)
        b.add("domain", inv.domainName(a?.domainID))
        b.add("timezone", "UTC")
        b.add("accountid", u.accountID)
        b.add("iscallerchilddomain", false)
        b.add("isdefault", u.username == "admin")
        b.add("is2faenabled", false)
        b.add("is2famandated", false)
        if u.id == caller.user.id || caller.isAdmin { b.add("apikey", u.apiKey) }
        b.add("apikeyaccess", "INHERIT")
        return b.object
    }

    static func listAccounts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let id = try ctx.uuid("id") { id in inv.accounts.contains { $0.id == id } }
        let domainID = try ctx.uuid("domainid") { inv.domainRecord($0) != nil }
        let name = ctx.params.value("name")
        let state = ctx.params.value("state")?.lowercased()
        let keyword = ctx.params.value("keyword")?.lowercased()
        let accountType = ctx.params.value("accounttype").flatMap(Int.init)
        let domains = domainID.map { ctx.params.bool("isrecursive") == true ? inv.domainSubtree($0) : [$0] }
        let matches = inv.accounts.filter { a in
            if !ctx.caller.isAdmin && a.id != ctx.caller.account.id { return false }
            if let id, a.id != id { return false }
            if let name, a.name != name { return false }
            if let domains, !domains.contains(a.domainID) { return false }
            if let state, (a.state ?? "enabled") != state { return false }
            if let accountType, a.accountType != accountType { return false }
            if let keyword, !a.name.lowercased().contains(keyword) { return false }
            return true
        }
        let page = matches[paging.range(total: matches.count)]
        let counts = vmCounts(inv, accounts: Set(page.map { $0.id }))
        let items = page.map { JSONValue.object(accountObject($0, inv, counts: counts[$0.id] ?? VMCounts())) }
        return listContent("account", items, matches.count)
    }

    /// An account's VMs by state, as AccountResponse counts them (Destroyed and Expunging ones are gone).
    struct VMCounts {
        var total = 0, running = 0, stopped = 0
        /// The other resources AccountResponse counts: volumes (a ROOT per VM, data disks), volume snapshots,
        /// guest networks and allocated public IPs.
        var volumes = 0, snapshots = 0, networks = 0, ips = 0
    }

    static func vmCounts(_ inv: Inventory, accounts: Set<String>) -> [String: VMCounts] {
        var d: [String: VMCounts] = [:]
        for vm in inv.vms where accounts.contains(vm.accountID) && vm.state != .Destroyed && vm.state != .Expunging {
            var c = d[vm.accountID] ?? VMCounts()
            c.total += 1
            if vm.state == .Running { c.running += 1 }
            if vm.state == .Stopped { c.stopped += 1 }
            d[vm.accountID] = c
        }
        // Each VM counted above has a ROOT volume; records add data disks (a ROOT record is that VM's own).
        for (id, c) in d { d[id]?.volumes = c.total }
        for v in inv.volumes.recordsOfAccounts(accounts) where v.type != .ROOT && v.state != .Destroy && v.state != .Expunging {
            d[v.accountID, default: VMCounts()].volumes += 1
        }
        for snap in inv.volumes.snapshots where accounts.contains(snap.accountID) && snap.state != "Destroyed" {
            d[snap.accountID, default: VMCounts()].snapshots += 1
        }
        for n in inv.net.guestNetworks where accounts.contains(n.accountID) && n.state != "Destroy" {
            d[n.accountID, default: VMCounts()].networks += 1
        }
        for ip in inv.net.publicIPs where ip.state == "Allocated" {
            guard let owner = ip.accountID, accounts.contains(owner) else { continue }
            d[owner, default: VMCounts()].ips += 1
        }
        return d
    }

    /// An account as AccountResponse shows it: state, role, domain, and the figures an operator scans.
    static func accountObject(_ a: AccountRecord, _ inv: Inventory, counts: VMCounts) -> JSONObject {
        let hash = stableHash(a.id)
        var b = ObjectBuilder(capacity: 24)
        b.add("id", a.id)
        b.add("name", a.name)
        b.add("accounttype", a.accountType)
        b.add("roleid", a.roleID)
        b.add("roletype", a.roleType)
        b.add("rolename", a.roleName)
        b.add("domainid", a.domainID)
        b.add("domain", inv.domainName(a.domainID))
        b.add("domainpath", inv.domainPath(a.domainID))
        b.date("created", a.created)
        b.add("state", a.state ?? "enabled")
        b.add("isdefault", a.name == "admin")
        b.add("receivedbytes", Int64(hash % 900_000_000_000))
        b.add("sentbytes", Int64((hash >> 20) % 400_000_000_000))
        b.add("vmlimit", "Unlimited")
        b.add("vmtotal", Int64(counts.total))
        b.add("vmavailable", "Unlimited")
        b.add("vmrunning", counts.running)
        b.add("vmstopped", counts.stopped)
        // The simulator sets no resource limits: each is reported as the server reports an unlimited one.
        for (name, total) in [("volume", counts.volumes), ("snapshot", counts.snapshots), ("network", counts.networks), ("ip", counts.ips)] {
            b.add("\(name)limit", "Unlimited")
            b.add("\(name)total", Int64(total))
            b.add("\(name)available", "Unlimited")
        }
        b.add("user", .array(inv.users.filter { $0.accountID == a.id }.map { u in
            JSONValue.object(JSONObject([("id", .string(u.id)), ("username", .string(u.username)), ("accountid", .string(a.id)),
                                         ("account", .string(a.name)), ("state", .string(u.state ?? "enabled"))]))
        }))
        return b.object
    }
}
