import CloudStack

/// startSystemVm, stopSystemVm, rebootSystemVm, destroySystemVm, migrateSystemVm (all async), with the transitional
/// states shown while their jobs run. A destroyed system VM is expunged and a new one of its kind replaces it.
enum SystemVMActions {
    /// The system VM named by `param`; an id that names none is the server's "invalid value" (431).
    static func index(_ s: SimState, _ ctx: RequestContext, _ param: String = "id") throws -> Int {
        let id = try ctx.required(param)
        guard let i = s.inventory.admin.systemVMs.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, param, id) }
        return i
    }

    /// SSVM.START, PROXY.START, …
    static func eventType(_ vm: SystemVMRecord, _ verb: String) -> String { (vm.isConsoleProxy ? "PROXY." : "SSVM.") + verb }

    static func result(_ s: SimState, _ id: String) -> Result<JSONObject, APIError> {
        guard let vm = s.inventory.admin.systemVMs.first(where: { $0.id == id }) else { return .failure(.internalError("Unable to find system vm \(id)")) }
        return .success(JSONObject([("systemvm", .object(SystemVMHandlers.object(vm, s.inventory)))]))
    }

    static func submit(_ s: inout SimState, _ ctx: RequestContext, _ id: String, failure: String?, _ finish: @escaping JobCompletion) -> JSONObject {
        let job = JobRunner.submit(&s, ctx, instanceType: "SystemVm", instanceID: id, action: .run(finish), failure: failure)
        return JSONObject([("jobid", .string(job))])
    }

    /// An Up, Enabled host of the zone for a system VM that starts without one.
    static func startHost(_ s: SimState, _ vm: SystemVMRecord) -> String? {
        if let last = s.inventory.host(vm.lastHostID), last.state == "Up", last.resourceState == "Enabled" { return last.id }
        return s.inventory.hosts.first { $0.zoneID == vm.zoneID && $0.state == "Up" && $0.resourceState == "Enabled" }?.id
    }

    static func start(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try index(s, ctx)
        let vm = s.inventory.admin.systemVMs[i]
        var failure: String?
        switch vm.state {
        case "Stopped", "Starting":
            if startHost(s, vm) == nil {
                failure = "Unable to start \(vm.name): no Up and Enabled host in zone \(vm.zoneID) can run it"
            } else {
                s.inventory.admin.systemVMs[i].state = "Starting"
            }
        case "Running": break  // already started: the server has nothing to do
        default: failure = "Unable to start \(vm.name) while it is in \(vm.state) state"
        }
        s.addEvent(type: eventType(vm, "START"), description: "starting system vm: \(vm.id)", caller: ctx.caller, resourceID: vm.id, resourceType: "SystemVm")
        let id = vm.id
        return submit(&s, ctx, id, failure: failure) { state, _ in
            guard let k = state.inventory.admin.systemVMs.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find system vm \(id)")) }
            if state.inventory.admin.systemVMs[k].state != "Running" {
                let host = startHost(state, state.inventory.admin.systemVMs[k])
                state.inventory.admin.systemVMs[k].state = "Running"
                state.inventory.admin.systemVMs[k].agentState = "Up"
                state.inventory.admin.systemVMs[k].hostID = host
                state.inventory.admin.systemVMs[k].lastHostID = host ?? state.inventory.admin.systemVMs[k].lastHostID
                state.inventory.admin.systemVMs[k].readyAt = nil
                state.inventory.admin.systemVMs[k].disconnected = nil
            }
            return result(state, id)
        }
    }

    static func stop(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try index(s, ctx)
        let vm = s.inventory.admin.systemVMs[i]
        let forced = ctx.params.bool("forced") == true
        var failure: String?
        switch vm.state {
        case "Running": s.inventory.admin.systemVMs[i].state = "Stopping"
        case "Stopped": break  // already stopped: nothing to do
        case "Starting" where forced: s.inventory.admin.systemVMs[i].state = "Stopping"
        default: failure = "Unable to stop \(vm.name) while it is in \(vm.state) state; a forced stop marks it Stopped"
        }
        s.addEvent(type: eventType(vm, "STOP"), description: "Stopping System VM with ID: \(vm.id)", caller: ctx.caller, resourceID: vm.id, resourceType: "SystemVm")
        let id = vm.id
        return submit(&s, ctx, id, failure: failure) { state, _ in
            guard let k = state.inventory.admin.systemVMs.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find system vm \(id)")) }
            state.inventory.admin.systemVMs[k].state = "Stopped"
            state.inventory.admin.systemVMs[k].agentState = "Disconnected"
            state.inventory.admin.systemVMs[k].hostID = nil
            state.inventory.admin.systemVMs[k].readyAt = nil
            state.inventory.admin.systemVMs[k].activeViewerSessions = 0
            state.inventory.admin.systemVMs[k].disconnected = APIDate.now()
            return result(state, id)
        }
    }

    static func reboot(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try index(s, ctx)
        let vm = s.inventory.admin.systemVMs[i]
        let failure = vm.state == "Running" ? nil : "Unable to reboot \(vm.name): it is in \(vm.state) state, not Running"
        s.addEvent(type: eventType(vm, "REBOOT"), description: "rebooting system vm: \(vm.id)", caller: ctx.caller, resourceID: vm.id, resourceType: "SystemVm")
        let id = vm.id
        return submit(&s, ctx, id, failure: failure) { state, _ in result(state, id) }
    }

    static func destroy(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try index(s, ctx)
        let vm = s.inventory.admin.systemVMs[i]
        let failure = vm.state == "Migrating" ? "Unable to destroy \(vm.name) while it is in Migrating state" : nil
        s.addEvent(type: eventType(vm, "DESTROY"), description: "destroying system vm: \(vm.id)", caller: ctx.caller, resourceID: vm.id, resourceType: "SystemVm")
        let id = vm.id
        let submitted = PendingTransitions.now()
        return submit(&s, ctx, id, failure: failure) { state, _ in
            guard let k = state.inventory.admin.systemVMs.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find system vm \(id)")) }
            // The answer is the VM as the server read it before destroying it; then it is expunged.
            let answer = result(state, id)
            let gone = state.inventory.admin.systemVMs.remove(at: k)
            // The zone's manager notices it lacks one and starts a new one, which then boots like any start.
            let appears = PendingTransitions.afterJob(submitted: submitted)
            state.inventory.admin.pendingSystemVMs.append(PendingSystemVM(zoneID: gone.zoneID, type: gone.type, appearsAt: appears,
                                                                          runningAt: appears + (appears - PendingTransitions.now())))
            return answer
        }
    }

    static func migrate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try index(s, ctx, "virtualmachineid")
        let vm = s.inventory.admin.systemVMs[i]
        let target = try ctx.uuid("hostid") { s.inventory.host($0) != nil }
        if target == nil && ctx.params.bool("autoselect") == false {
            throw APIError.invalid("Please specify a host or storage as destination, or pass 'autoselect=true' to automatically select a destination host which do not require storage migration")
        }
        var failure: String?
        var destination = target
        if vm.state != "Running" {
            failure = "VM is not Running, unable to migrate the vm with specified id"
        } else if let t = target, let host = s.inventory.host(t) {
            if host.id == vm.hostID {
                failure = "Cannot migrate VM, host \(host.name) is the same as its current host"
            } else if host.zoneID != vm.zoneID || host.podID != vm.podID {
                failure = "Cannot migrate the system VM \(vm.name) to host \(host.name): system VMs can only move to a host in their own pod"
            } else if host.state != "Up" || host.resourceState != "Enabled" {
                failure = "Cannot migrate VM to host \(host.name): it is not Up and Enabled"
            }
        } else {
            destination = s.inventory.hosts.first { $0.podID == vm.podID && $0.id != vm.hostID && $0.state == "Up" && $0.resourceState == "Enabled" }?.id
            if destination == nil { failure = "Unable to find a suitable host to migrate \(vm.name) to" }
        }
        if failure == nil { s.inventory.admin.systemVMs[i].state = "Migrating" }
        s.addEvent(type: "VM.MIGRATE", description: "Attempting to migrate VM Id: \(vm.id) to host Id: \(destination ?? "")", caller: ctx.caller,
                   resourceID: vm.id, resourceType: "SystemVm")
        let id = vm.id
        let chosen = destination
        return submit(&s, ctx, id, failure: failure) { state, _ in
            guard let k = state.inventory.admin.systemVMs.firstIndex(where: { $0.id == id }) else { return .failure(.internalError("Unable to find system vm \(id)")) }
            state.inventory.admin.systemVMs[k].state = "Running"
            if let destination = chosen {
                state.inventory.admin.systemVMs[k].hostID = destination
                state.inventory.admin.systemVMs[k].lastHostID = destination
            }
            return result(state, id)
        }
    }
}
