import CloudStack

/// Host maintenance and state: prepareHostForMaintenance and cancelHostMaintenance (async), updateHost (sync),
/// reconnectHost (async), with ResourceManagerImpl's checks and texts.
enum HostHandlers {
    /// The host named by `id`.
    static func hostIndex(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let id = try ctx.required("id")
        guard let i = s.inventory.hosts.firstIndex(where: { $0.id == id }) else { throw APIError.badValue(ctx.commandLabel, "id", id) }
        return i
    }

    /// How the server's messages print a host (HostVO.toString; the simulator has no numeric ids, so the uuid stands in).
    static func label(_ h: HostRecord) -> String { "Host {\"name\":\"\(h.name)\",\"type\":\"Routing\",\"uuid\":\"\(h.id)\"}" }

    /// `{"host": …}`, the job result and sync answer of the host commands.
    static func result(_ s: SimState, _ i: Int) -> JSONObject {
        let h = s.inventory.hosts[i]
        let usage = InfrastructureHandlers.hostUsage(s.inventory)[h.id] ?? (0, 0, 0)
        return JSONObject([("host", .object(InfrastructureHandlers.hostObject(h, s.inventory, usage: usage)))])
    }

    static let maintenanceStates: Set<String> = ["Maintenance", "ErrorInMaintenance", "PrepareForMaintenance", "ErrorInPrepareForMaintenance"]

    static func prepareMaintenance(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try hostIndex(s, ctx)
        let host = s.inventory.hosts[i]
        var why: String?
        if ["Maintenance", "PrepareForMaintenance", "ErrorInPrepareForMaintenance"].contains(host.resourceState) {
            why = "Host is already in state \(host.resourceState). Cannot recall for maintenance until resolved."
        } else if s.inventory.hosts.contains(where: { $0.clusterID == host.clusterID && $0.id != host.id
                && ($0.resourceState == "PrepareForMaintenance" || $0.resourceState == "ErrorInPrepareForMaintenance") }) {
            why = "There are other servers attempting migrations for maintenance. Found hosts in PrepareForMaintenance OR ErrorInPrepareForMaintenance STATUS in cluster \(host.clusterID)"
        } else if s.inventory.vms.contains(where: { $0.hostID == host.id && ($0.state == .Starting || $0.state == .Stopping) }) {
            why = "Host contains VMs in starting/stopping state. Please wait for them to complete before putting to maintenance."
        } else if host.state == "Down" || host.state == "Disconnected" {
            // The MaintainCommand cannot reach the agent.
            why = "Unable to prepare for maintenance host \(host.id)"
        } else if host.resourceState != "Enabled" && host.resourceState != "ErrorInMaintenance" {
            why = "Cannot transit resource state of \(label(host)) to MaintenanceNo next resource state found for current state = \(host.resourceState) event = AdminAskMaintenance"
        }
        if why == nil { s.inventory.hosts[i].resourceState = "PrepareForMaintenance" }
        s.addEvent(type: "MAINT.PREPARE", description: "preparing host: \(host.id) for maintenance", caller: ctx.caller, resourceID: host.id, resourceType: "Host")
        let hostID = host.id
        let submitted = PendingTransitions.now()
        let job = JobRunner.submit(&s, ctx, instanceType: "Host", instanceID: hostID, action: .run { state, _ in
            guard let i = state.inventory.hosts.firstIndex(where: { $0.id == hostID }) else { return .failure(.internalError("Unable to find host \(hostID)")) }
            if state.inventory.hosts[i].resourceState == "PrepareForMaintenance" {
                evacuate(&state, hostID: hostID)
                state.inventory.admin.hostTransitions[hostID] = HostTransition(from: "PrepareForMaintenance", to: "Maintenance",
                                                                              at: PendingTransitions.afterJob(submitted: submitted))
            }
            return .success(result(state, i))
        }, failure: why.map { "Failed to prepare host for maintenance due to: \($0)" })
        return JSONObject([("jobid", .string(job))])
    }

    /// Moves the host's running VMs and system VMs to the other Up, Enabled hosts of its cluster, in turn; with no
    /// such host they are stopped, as the server schedules a forced stop when it cannot migrate.
    static func evacuate(_ s: inout SimState, hostID: String) {
        guard let host = s.inventory.host(hostID) else { return }
        let targets = s.inventory.hosts.filter { $0.clusterID == host.clusterID && $0.id != hostID && $0.state == "Up" && $0.resourceState == "Enabled" }.map(\.id)
        var next = 0
        for k in s.inventory.vms.indices where s.inventory.vms[k].hostID == hostID && s.inventory.vms[k].state == .Running {
            if targets.isEmpty {
                s.inventory.vms[k].state = .Stopped
                s.inventory.vms[k].hostID = nil
            } else {
                s.inventory.vms[k].hostID = targets[next % targets.count]
                s.inventory.vms[k].lastHostID = targets[next % targets.count]
                next += 1
            }
        }
        for k in s.inventory.admin.systemVMs.indices where s.inventory.admin.systemVMs[k].hostID == hostID {
            if targets.isEmpty {
                s.inventory.admin.systemVMs[k].state = "Stopped"
                s.inventory.admin.systemVMs[k].agentState = "Disconnected"
                s.inventory.admin.systemVMs[k].hostID = nil
            } else {
                s.inventory.admin.systemVMs[k].hostID = targets[next % targets.count]
                s.inventory.admin.systemVMs[k].lastHostID = targets[next % targets.count]
                next += 1
            }
        }
    }

    static func cancelMaintenance(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try hostIndex(s, ctx)
        let host = s.inventory.hosts[i]
        let why = maintenanceStates.contains(host.resourceState) ? nil
            : "Cannot perform cancelMaintenance when resource state is \(host.resourceState), hostId = \(host.id)"
        s.addEvent(type: "MAINT.CANCEL", description: "Canceling maintenance for host: \(host.id)", caller: ctx.caller, resourceID: host.id, resourceType: "Host")
        let hostID = host.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Host", instanceID: hostID, action: .run { state, _ in
            guard let i = state.inventory.hosts.firstIndex(where: { $0.id == hostID }) else { return .failure(.internalError("Unable to find host \(hostID)")) }
            state.inventory.admin.hostTransitions[hostID] = nil
            guard maintenanceStates.contains(state.inventory.hosts[i].resourceState) else {
                return .failure(.internalError("Cannot perform cancelMaintenance when resource state is \(state.inventory.hosts[i].resourceState), hostId = \(hostID)"))
            }
            // The server answers with the host as it read it before the change, so the job result still shows the
            // maintenance state; listHosts shows Enabled.
            let before = result(state, i)
            state.inventory.hosts[i].resourceState = "Enabled"
            return .success(before)
        }, failure: why)
        return JSONObject([("jobid", .string(job))])
    }

    static func update(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try hostIndex(s, ctx)
        let host = s.inventory.hosts[i]
        func failed(_ why: String) -> APIError { .internalError("Failed to update host: \(label(host)) with id \(host.id), \(why)") }
        if let requested = ctx.params.value("allocationstate") {
            guard requested == "Enable" || requested == "Disable" else {
                throw failed("Invalid allocation state: \(requested), only Enable/Disable are allowed")
            }
            let current = host.resourceState
            let next: String?
            switch (current, requested) {
            case ("Enabled", "Enable"), ("Disabled", "Disable"): next = current
            case ("Enabled", "Disable"), ("ErrorInPrepareForMaintenance", "Disable"), ("ErrorInMaintenance", "Disable"): next = "Disabled"
            case ("Disabled", "Enable"): next = "Enabled"
            default: next = nil
            }
            guard let next else { throw failed("No next resource state found for current state = \(current) event = \(requested)") }
            s.inventory.hosts[i].resourceState = next
        }
        if let name = ctx.params.value("name") { s.inventory.hosts[i].name = name }
        s.addEvent(type: "HOST.UPDATE", description: "updating host: \(host.id)", caller: ctx.caller, resourceID: host.id, resourceType: "Host")
        return result(s, i)
    }

    static func reconnect(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        PendingTransitions.resolve(&s)
        let i = try hostIndex(s, ctx)
        let host = s.inventory.hosts[i]
        var why: String?
        // AgentManagerImpl.reconnect: a Disconnected host needs no work; only an Up or Alert agent is disconnected to reconnect.
        let reconnects = host.state == "Up" || host.state == "Alert"
        if !reconnects && host.state != "Disconnected" {
            why = "Unable to disconnect host because it is not in the correct state: host=\(label(host)); Status=\(host.state)"
        }
        if reconnects { s.inventory.hosts[i].state = "Connecting" }
        s.addEvent(type: "HOST.RECONNECT", description: "reconnecting host: \(host.id)", caller: ctx.caller, resourceID: host.id, resourceType: "Host")
        let hostID = host.id
        let job = JobRunner.submit(&s, ctx, instanceType: "Host", instanceID: hostID, action: .run { state, _ in
            guard let i = state.inventory.hosts.firstIndex(where: { $0.id == hostID }) else { return .failure(.internalError("Unable to find host \(hostID)")) }
            if state.inventory.hosts[i].state == "Connecting" {
                state.inventory.hosts[i].state = "Up"
                state.inventory.hosts[i].lastPinged = APIDate.now()
            }
            return .success(result(state, i))
        }, failure: why)
        return JSONObject([("jobid", .string(job))])
    }
}
