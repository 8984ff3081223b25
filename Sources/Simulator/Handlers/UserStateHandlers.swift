import CloudStack

/// enableUser (sync), disableUser (async), deleteUser (sync), with AccountManagerImpl's checks and texts.
enum UserStateHandlers {
    static func userIndex(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let id = try ctx.required("id")
        guard let i = s.inventory.users.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        return i
    }

    static func result(_ s: SimState, _ id: String, caller: Caller) -> Result<JSONObject, APIError> {
        guard let u = s.inventory.users.first(where: { $0.id == id }) else { return .failure(.internalError("Unable to find user \(id)")) }
        return .success(JSONObject([("user", .object(AccountHandlers.userObject(u, s.inventory, caller: caller)))]))
    }

    static func enable(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try userIndex(s, ctx)
        s.inventory.users[i].state = nil
        // The server makes sure the user's account is enabled too.
        if let k = s.inventory.accounts.firstIndex(where: { $0.id == s.inventory.users[i].accountID }) { s.inventory.accounts[k].state = nil }
        let u = s.inventory.users[i]
        s.addEvent(type: "USER.ENABLE", description: "enabling User", caller: ctx.caller, resourceID: u.id, resourceType: "User")
        return try result(s, u.id, caller: ctx.caller).get()
    }

    static func disable(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try userIndex(s, ctx)
        let u = s.inventory.users[i]
        s.addEvent(type: "USER.DISABLE", description: "disabling User", caller: ctx.caller, resourceID: u.id, resourceType: "User")
        let id = u.id
        let caller = ctx.caller
        let job = JobRunner.submit(&s, ctx, instanceType: "User", instanceID: id, action: .run { state, _ in
            guard let k = state.inventory.users.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find user \(id)")) }
            state.inventory.users[k].state = "disabled"
            return result(state, id, caller: caller)
        })
        return JSONObject([("jobid", .string(job))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try userIndex(s, ctx)
        let u = s.inventory.users[i]
        let domainID = s.inventory.account(u.accountID)?.domainID ?? ""
        if u.id == ctx.caller.user.id {
            throw APIError.invalid("The caller is requesting to delete itself. As a security measure, ACS will not allow this operation. "
                                   + "To delete user \(u.username) (ID: \(u.id), Domain: \(domainID)), request to another user with permission to execute the operation.")
        }
        // The users the installation creates (system and admin) are the default ones.
        if u.username == "admin" { throw APIError.invalid("The user is default and can't be (re)moved") }
        s.inventory.users.remove(at: i)
        // Positions moved: the indexes must follow before anything looks a user up by id.
        s.inventory.rebuildIndexes()
        s.addEvent(type: "USER.DELETE", description: "deleting User", caller: ctx.caller, resourceID: u.id, resourceType: "User")
        return JSONObject([("success", .bool(true))])
    }
}
