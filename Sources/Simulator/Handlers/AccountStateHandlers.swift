import CloudStack

/// enableAccount (sync), disableAccount and deleteAccount (async), with AccountManagerImpl's checks and texts.
/// A disabled or locked account's users can neither log in nor call the API (Authenticator, LoginHandlers).
enum AccountStateHandlers {
    /// The account named by `id`, or by `account` and `domainid`, as the account commands take it.
    static func accountIndex(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let inv = s.inventory
        let id = try ctx.uuid("id") { id in inv.accounts.contains { $0.id == id } }
        let domainID = try ctx.uuid("domainid") { inv.domainRecord($0) != nil }
        let name = ctx.params.value("account")
        if let id, let i = inv.accounts.firstIndex(where: { $0.id == id }) { return i }
        if let name, let domainID, let i = inv.accounts.firstIndex(where: { $0.name == name && $0.domainID == domainID }) { return i }
        throw APIError.invalid("Unable to find account by accountId: \(id ?? "null") OR by name: \(name ?? "null") in domain \(domainID.map(inv.domainPath) ?? "null")")
    }

    static func result(_ s: SimState, _ id: String) -> Result<JSONObject, APIError> {
        guard let a = s.inventory.accounts.first(where: { $0.id == id }) else { return .failure(.internalError("Unable to find account \(id)")) }
        let counts = AccountHandlers.vmCounts(s.inventory, accounts: [id])[id] ?? AccountHandlers.VMCounts()
        return .success(JSONObject([("account", .object(AccountHandlers.accountObject(a, s.inventory, counts: counts)))]))
    }

    static func enable(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try accountIndex(s, ctx)
        s.inventory.accounts[i].state = nil
        let a = s.inventory.accounts[i]
        s.addEvent(type: "ACCOUNT.ENABLE", description: "enabling account", caller: ctx.caller, resourceID: a.id, resourceType: "Account")
        return try result(s, a.id).get()
    }

    static func disable(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try accountIndex(s, ctx)
        let a = s.inventory.accounts[i]
        let lock = try ctx.required("lock").lowercased() == "true"
        s.addEvent(type: "ACCOUNT.DISABLE", description: lock ? "locking account" : "disabling account", caller: ctx.caller,
                   resourceID: a.id, resourceType: "Account")
        let id = a.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Account", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.accounts.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find account \(id)")) }
            if lock {
                state.inventory.accounts[k].state = "locked"
            } else {
                // Disabling stops the account's running VMs; locking only keeps its users out.
                state.inventory.accounts[k].state = "disabled"
                for v in state.inventory.vms.indices where state.inventory.vms[v].accountID == id && state.inventory.vms[v].state == .Running {
                    state.inventory.vms[v].state = .Stopped
                    state.inventory.vms[v].hostID = nil
                }
            }
            return result(state, id)
        })
        return JSONObject([("jobid", .string(job))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let id = try ctx.required("id")
        guard let a = s.inventory.accounts.first(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        var failure: String?
        if a.id == ctx.caller.account.id {
            failure = "Deletion of your own account is not allowed. To delete account \(a.name) (ID: \(a.id), Domain: \(a.domainID)), "
                + "request to another user with permissions to perform the operation."
        } else if a.name == "admin" {
            // The accounts the installation creates (system and admin) are the default ones.
            failure = "The account is default and can't be removed"
        }
        s.addEvent(type: "ACCOUNT.DELETE", description: "deleting account", caller: ctx.caller, resourceID: a.id, resourceType: "Account")
        let job = JobRunner.submit(&s, ctx, instanceType: "Account", instanceID: id, action: .run { state, _ in
            guard state.inventory.accounts.contains(where: { $0.id == id }) else { return .failure(.internalError("Unable to find account \(id)")) }
            remove(&state, accountID: id)
            return .success(JSONObject([("success", .bool(true))]))
        }, failure: failure)
        return JSONObject([("jobid", .string(job))])
    }

    /// The account, its users, its VMs and their VM snapshots go; the VM list is rebuilt once, not per VM.
    static func remove(_ s: inout SimState, accountID: String) {
        let vmIDs = Set(s.inventory.vms.filter { $0.accountID == accountID }.map(\.id))
        s.inventory.accounts.removeAll { $0.id == accountID }
        s.inventory.users.removeAll { $0.accountID == accountID }
        s.inventory.vms.removeAll { $0.accountID == accountID }
        s.inventory.vmSnapshots.removeAll { vmIDs.contains($0.vmID) }
        s.inventory.rebuildIndexes()
    }
}
