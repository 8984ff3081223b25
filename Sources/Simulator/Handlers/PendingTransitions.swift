import Foundation

/// State changes the server makes after a job has ended (a host reaching Maintenance once its VMs are gone, a
/// system VM finishing its start, a destroyed system VM's replacement), applied when the state is next read or
/// acted on: no timers, and a state file written in between keeps the times at which they happen.
enum PendingTransitions {
    static func now() -> Double { Date().timeIntervalSince1970 }

    /// When a change that follows a job should happen: as long after the job's end as the job itself took, which
    /// is one draw of --job-delay.
    static func afterJob(submitted: Double, now: Double = now()) -> Double { now + max(0, now - submitted) }

    static func resolve(_ s: inout SimState, now: Double = now()) {
        resolveHosts(&s, now: now)
        resolveSystemVMs(&s, now: now)
    }

    private static func resolveHosts(_ s: inout SimState, now: Double) {
        guard !s.inventory.admin.hostTransitions.isEmpty else { return }
        for (hostID, t) in s.inventory.admin.hostTransitions where t.at <= now {
            s.inventory.admin.hostTransitions[hostID] = nil
            guard let i = s.inventory.hosts.firstIndex(where: { $0.id == hostID }), s.inventory.hosts[i].resourceState == t.from else { continue }
            s.inventory.hosts[i].resourceState = t.to
        }
    }

    private static func resolveSystemVMs(_ s: inout SimState, now: Double) {
        for i in s.inventory.admin.systemVMs.indices {
            guard s.inventory.admin.systemVMs[i].state == "Starting", let at = s.inventory.admin.systemVMs[i].readyAt, at <= now else { continue }
            s.inventory.admin.systemVMs[i].state = "Running"
            s.inventory.admin.systemVMs[i].agentState = "Up"
            s.inventory.admin.systemVMs[i].readyAt = nil
            s.inventory.admin.systemVMs[i].disconnected = nil
        }
        let due = s.inventory.admin.pendingSystemVMs.filter { $0.appearsAt <= now }
        guard !due.isEmpty else { return }
        s.inventory.admin.pendingSystemVMs.removeAll { $0.appearsAt <= now }
        for p in due {
            guard let z = s.inventory.zones.firstIndex(where: { $0.id == p.zoneID }) else { continue }
            let zone = s.inventory.zones[z]
            let hosts = s.inventory.hosts.filter { $0.zoneID == zone.id && $0.state == "Up" && $0.resourceState == "Enabled" }
            guard !hosts.isEmpty else { continue }
            let id = s.inventory.newID()
            let host = hosts[Int(stableHash(id) % UInt64(hosts.count))]
            let vm = AdminSeeder.makeSystemVM(&s.inventory, id: id, type: p.type, zone: zone, host: host, zoneIndex: z,
                                              state: p.runningAt <= now ? "Running" : "Starting", created: Int64(p.appearsAt),
                                              readyAt: p.runningAt <= now ? nil : p.runningAt)
            s.inventory.admin.systemVMs.append(vm)
        }
    }
}
