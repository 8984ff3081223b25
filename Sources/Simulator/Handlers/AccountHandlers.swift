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
        let id = try ctx.uuid("id") { inv.user($0) != nil }
        let username = ctx.params.value("username")
        let keyword = ctx.params.value("keyword")?.lowercased()
        let accountType = ctx.params.value("accounttype").flatMap(Int.init)
        let matches = inv.users.filter { u in
            guard let a = inv.account(u.accountID) else { return false }
            if !ctx.caller.isAdmin && a.id != ctx.caller.account.id { return false }
            if let id, u.id != id { return false }
            if let username, u.username != username { return false }
            if let accountType, a.accountType != accountType { return false }
            if let keyword, !u.username.lowercased().contains(keyword), !a.name.lowercased().contains(keyword) { return false }
            return true
        }
        let items = matches[paging.range(total: matches.count)].map { u -> JSONValue in
            let a = inv.account(u.accountID)
            var b = ObjectBuilder(capacity: 24)
            b.add("id", u.id)
            b.add("username", u.username)
            b.add("firstname", u.firstName)
            b.add("lastname", u.lastName)
            b.add("email", u.email)
            b.date("created", u.created)
            b.add("state", "enabled")
            b.add("account", a?.name)
            b.add("accounttype", a?.accountType ?? 0)
            b.add("usersource", "native")
            b.add("roleid", a?.roleID)
            b.add("roletype", a?.roleType)
            b.add("rolename", a?.roleName)
            b.add("domainid", a?.domainID)
            b.add("domain", "ROOT")
            b.add("timezone", "UTC")
            b.add("accountid", u.accountID)
            b.add("iscallerchilddomain", false)
            b.add("isdefault", u.username == "admin")
            b.add("is2faenabled", false)
            b.add("is2famandated", false)
            if u.id == ctx.caller.user.id || ctx.caller.isAdmin { b.add("apikey", u.apiKey) }
            b.add("apikeyaccess", "INHERIT")
            return b.value
        }
        return listContent("user", items, matches.count)
    }

    static func listAccounts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let id = try ctx.uuid("id") { inv.account($0) != nil }
        let name = ctx.params.value("name")
        let keyword = ctx.params.value("keyword")?.lowercased()
        let matches = inv.accounts.filter { a in
            if !ctx.caller.isAdmin && a.id != ctx.caller.account.id { return false }
            if let id, a.id != id { return false }
            if let name, a.name != name { return false }
            if let keyword, !a.name.lowercased().contains(keyword) { return false }
            return true
        }
        var running: [String: Int] = [:], stopped: [String: Int] = [:], total: [String: Int] = [:]
        for vm in inv.vms where vm.state != .Destroyed && vm.state != .Expunging {
            total[vm.accountID, default: 0] += 1
            if vm.state == .Running { running[vm.accountID, default: 0] += 1 }
            if vm.state == .Stopped { stopped[vm.accountID, default: 0] += 1 }
        }
        let items = matches[paging.range(total: matches.count)].map { a -> JSONValue in
            var b = ObjectBuilder(capacity: 20)
            b.add("id", a.id)
            b.add("name", a.name)
            b.add("accounttype", a.accountType)
            b.add("roleid", a.roleID)
            b.add("roletype", a.roleType)
            b.add("rolename", a.roleName)
            b.add("domainid", a.domainID)
            b.add("domain", "ROOT")
            b.add("domainpath", "ROOT")
            b.date("created", a.created)
            b.add("state", "enabled")
            b.add("isdefault", a.name == "admin")
            b.add("vmlimit", "Unlimited")
            b.add("vmtotal", Int64(total[a.id] ?? 0))
            b.add("vmavailable", "Unlimited")
            b.add("vmrunning", running[a.id] ?? 0)
            b.add("vmstopped", stopped[a.id] ?? 0)
            b.add("user", .array(inv.users.filter { $0.accountID == a.id }.map { u in
                JSONValue.object(JSONObject([("id", .string(u.id)), ("username", .string(u.username)), ("accountid", .string(a.id)), ("account", .string(a.name))]))
            }))
            return b.value
        }
        return listContent("account", items, matches.count)
    }
}
