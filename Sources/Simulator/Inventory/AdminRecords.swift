/// The records of the admin area, in CloudStack's own vocabulary. Dates are epoch seconds; the times at which a
/// pending transition happens are epoch seconds with fractions, so they can follow a sub-second --job-delay.

/// A secondary storage VM or a console proxy (VirtualMachine.Type SecondaryStorageVm / ConsoleProxy).
struct SystemVMRecord: Codable, Sendable {
    var id: String
    /// s-N-VM or v-N-VM.
    var name: String
    /// "secondarystoragevm" or "consoleproxy", as listSystemVms spells systemvmtype.
    var type: String
    /// VirtualMachine.State: Starting, Running, Stopping, Stopped, Migrating.
    var state: String
    /// The agent's Status inside the VM: Up or Disconnected.
    var agentState: String
    var hostID: String?
    var lastHostID: String
    var podID: String
    var zoneID: String
    var publicIP: String
    var privateIP: String
    var linkLocalIP: String
    var created: Int64
    var version: String
    /// Console sessions a console proxy serves now.
    var activeViewerSessions: Int
    /// When a Starting VM that the server is bringing up reaches Running; nil for one stuck in Starting.
    var readyAt: Double?
    /// When the agent last disconnected.
    var disconnected: Int64?

    var isConsoleProxy: Bool { type == "consoleproxy" }
}

/// A system VM the server creates after one of its kind was destroyed in a zone, as the real managers keep one
/// SSVM and one console proxy per zone.
struct PendingSystemVM: Codable, Sendable {
    var zoneID: String
    var type: String
    /// When it appears (Starting) and when it is Running.
    var appearsAt: Double
    var runningAt: Double
}

/// A management server node (ManagementServerHost).
struct ManagementServerRecord: Codable, Sendable {
    var id: String
    var name: String
    /// ManagementServerHost.State: Up, Down, Starting, Stopping, …
    var state: String
    var version: String
    var javaVersion: String
    var javaDistribution: String
    var osDistribution: String
    var kernelVersion: String
    var serviceIP: String
    var lastServerStart: Int64
    var lastServerStop: Int64?
    var lastBoot: Int64
}

/// A role of the dynamic role checker.
struct RoleRecord: Codable, Sendable {
    var id: String
    var name: String
    /// RoleType: Admin, ResourceAdmin, DomainAdmin, User.
    var type: String
    var description: String
    var isDefault: Bool
    var isPublic: Bool
}

/// A host's resource state that changes after its job has ended: PrepareForMaintenance reaches Maintenance when
/// the server has migrated the VMs away, which the simulator places one job delay after the job.
struct HostTransition: Codable, Sendable {
    var from: String
    var to: String
    var at: Double
}
