import CloudStack

/// What the compute area's handlers share: a VM's effective size, how the server prints a VM, owners of new objects,
/// and list parameters.
enum ComputeSizes {
    /// CPU cores, MHz and MB of a VM: its custom values on a custom offering, else its offering's.
    static func of(_ vm: VirtualMachineRecord, _ inv: Inventory) -> (cpuNumber: Int, cpuSpeed: Int, memory: Int) {
        let o = inv.offering(vm.serviceOfferingID)
        let d = inv.compute.details(vm.id)
        return (d?.cpuNumber ?? o?.cpuNumber ?? 1, d?.cpuSpeed ?? o?.cpuSpeed ?? 1000, d?.memory ?? o?.memory ?? 512)
    }
}

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

    /// An integer parameter that must parse.
    static func int(_ ctx: RequestContext, _ name: String) throws -> Int? {
        guard let text = ctx.params.value(name) else { return nil }
        guard let n = Int(text) else { throw APIError.badNumber(ctx.commandLabel, name, text) }
        return n
    }

    /// The 531 the server answers when the caller does not own what it names.
    static func denied(_ ctx: RequestContext, _ id: String) -> APIError {
        APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
    }

    /// The events of compute commands, which name the VM they are about.
    static func event(_ s: inout SimState, _ ctx: RequestContext, _ type: String, _ description: String) {
        s.addEvent(type: type, description: description, caller: ctx.caller)
    }
}
