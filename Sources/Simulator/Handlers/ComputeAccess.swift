import CloudStack

/// What the compute area's handlers share: how the server prints a VM, owners of new objects, list parameters and
/// refusals.
enum ComputeAccess {
    /// VMInstanceVO.toString as the server's texts print it (the simulator has no numeric ids: the uuid stands in).
    static func label(_ vm: VirtualMachineRecord) -> String {
        "VM instance {\"instanceName\":\"\(vm.instanceName)\",\"type\":\"User\",\"uuid\":\"\(vm.id)\"}"
    }

    /// The account that will own what the caller creates: its own, or for an admin the one named by `account`.
    static func owner(_ ctx: RequestContext, _ inv: Inventory) throws -> AccountRecord {
        guard ctx.caller.isAdmin, let name = ctx.params.value("account") else { return ctx.caller.account }
        guard let a = inv.accounts.first(where: { $0.name == name }) else {
            throw APIError.invalid("Unable to find account \(name) in domain ROOT")
        }
        return a
    }

    /// A comma-separated list parameter, trimmed, empty items dropped.
    static func list(_ ctx: RequestContext, _ name: String) -> [String] {
        (ctx.params.value(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A list of UUIDs that must each name something (431 naming the first that does not).
    static func uuids(_ ctx: RequestContext, _ name: String, exists: (String) -> Bool) throws -> [String] {
        let ids = list(ctx, name)
        for id in ids where !exists(id) { throw APIError.badValue(ctx.commandLabel, name, id) }
        return ids
    }

    /// The 531 the server answers when the caller does not own what it names.
    static func denied(_ ctx: RequestContext, _ id: String) -> APIError {
        APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
    }
}
