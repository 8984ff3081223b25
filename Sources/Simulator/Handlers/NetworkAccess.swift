import CloudStack

/// What the network area's handlers share: owner fields in rows, account scoping of lists, and finding an object the
/// caller may act on.
enum NetworkAccess {
    /// `account`, `domainid`, `domain`: the owner fields every network-area row carries.
    static func addOwner(_ b: inout ObjectBuilder, _ accountID: String?, _ inv: Inventory) {
        let account = inv.account(accountID)
        b.add("account", account?.name)
        b.add("domainid", account?.domainID)
        b.add("domain", "ROOT")
    }

    /// Whether a row owned by `accountID` is in the caller's view (`RequestContext.visibleAccount`).
    static func visible(_ scope: (all: Bool, accountID: String?), _ accountID: String?) -> Bool {
        scope.all || accountID == scope.accountID
    }

    /// The position of the object named by parameter `name`, which must exist (431 otherwise) and be the caller's (531).
    static func owned(_ ctx: RequestContext, _ name: String, find: (String) -> Int?, owner: (Int) -> String?) throws -> Int {
        let id = try ctx.required(name)
        guard let k = find(id) else { throw APIError.badValue(ctx.commandLabel, name, id) }
        if let accountID = owner(k), !ctx.owns(accountID) {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
        }
        return k
    }

    /// A port parameter: a number from 1 to 65535 (the server's NetUtils.isValidPort check).
    static func port(_ ctx: RequestContext, _ name: String) throws -> Int? {
        guard let text = ctx.params.value(name) else { return nil }
        guard let n = Int32(text).map(Int.init) else { throw APIError.badNumber(ctx.commandLabel, name, text) }
        guard (1...65535).contains(n) else { throw APIError.invalid("Invalid value for \(name): \(n); a port is a number from 1 to 65535") }
        return n
    }

    /// An integer parameter (icmptype, icmpcode) that must parse.
    static func int(_ ctx: RequestContext, _ name: String) throws -> Int? {
        guard let text = ctx.params.value(name) else { return nil }
        guard let n = Int32(text).map(Int.init) else { throw APIError.badNumber(ctx.commandLabel, name, text) }
        return n
    }

    /// A comma-separated list parameter (`cidrlist`), trimmed, empty items dropped.
    static func list(_ ctx: RequestContext, _ name: String) -> [String] {
        (ctx.params.value(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `jobid`/`jobstatus` on a row while a job acts on the object, as the server's views show them.
    static func addPendingJob(_ b: inout ObjectBuilder, _ id: String, _ s: SimState) {
        if let job = s.pendingJobByInstance[id] {
            b.add("jobid", job)
            b.add("jobstatus", 0)
        }
    }

    /// `{"success":true}` as a delete job's result.
    static let success = JSONObject([("success", .bool(true))])
}

extension APIError {
    /// NetworkRuleConflictException (537, 4360): a rule or NAT that clashes with one already there.
    static func ruleConflict(_ text: String) -> APIError { APIError(537, 4360, text) }
}
