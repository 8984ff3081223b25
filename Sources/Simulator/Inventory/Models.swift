/// The records the simulator keeps, in CloudStack's own vocabulary. Dates are epoch seconds.

struct DomainRecord: Codable, Sendable {
    var id: String
    var name: String
    var path: String
    var parentID: String?
    /// Domain.State, "Active" when absent (state files written before domains had a state).
    var state: String? = nil
    var created: Int64? = nil
}

struct AccountRecord: Codable, Sendable {
    var id: String
    var name: String
    /// 0 User, 1 Admin (Account.Type ordinal).
    var accountType: Int
    var roleID: String
    var roleType: String
    var roleName: String
    var domainID: String
    var created: Int64
    /// "enabled", "disabled" or "locked" (Account.State); absent means enabled.
    var state: String? = nil
}

struct UserRecord: Codable, Sendable {
    var id: String
    var username: String
    var password: String
    var firstName: String
    var lastName: String
    var email: String
    var accountID: String
    var apiKey: String
    var secretKey: String
    var created: Int64
    /// "enabled" or "disabled" (Account.State of the user); absent means enabled.
    var state: String? = nil
}

struct ZoneRecord: Codable, Sendable {
    var id: String
    var name: String
    var dns1: String
    var internalDNS1: String
    var guestCIDR: String
    /// Grouping.AllocationState: "Enabled" or "Disabled"; absent means Enabled.
    var allocationState: String? = nil
}

struct PodRecord: Codable, Sendable {
    var id: String
    var name: String
    var zoneID: String
    var gateway: String
    var netmask: String
    var startIP: String
    var endIP: String
    /// Grouping.AllocationState; absent means Enabled.
    var allocationState: String? = nil
}

struct ClusterRecord: Codable, Sendable {
    var id: String
    var name: String
    var podID: String
    var zoneID: String
    var hypervisor: String
    /// Grouping.AllocationState; absent means Enabled.
    var allocationState: String? = nil
    /// Managed.ManagedState: Managed, PrepareUnmanaged, Unmanaged, PrepareUnmanagedError; absent means Managed.
    var managedState: String? = nil
}

struct HostRecord: Codable, Sendable {
    var id: String
    var name: String
    var clusterID: String
    var podID: String
    var zoneID: String
    var ipAddress: String
    var hypervisor: String
    var hypervisorVersion: String
    var cpuSockets: Int
    var cpuNumber: Int
    var cpuSpeed: Int
    var memoryTotal: Int64
    var state: String
    var resourceState: String
    var created: Int64
    var lastPinged: Int64
}

struct ServiceOfferingRecord: Codable, Sendable {
    /// Whether a running VM on this offering may be scaled without a restart (ServiceOffering.isDynamicScalingEnabled);
    /// absent means enabled, the server's default.
    var dynamicScalingEnabled: Bool? = nil
    var id: String
    var name: String
    var cpuNumber: Int
    var cpuSpeed: Int
    /// MB
    var memory: Int
    // Optional so that state files written before offerings had them still decode.
    var displayText: String? = nil
    var created: Int64? = nil
    var hostTags: String? = nil
    var offerHA: Bool? = nil
    var limitCPUUse: Bool? = nil
    var isSystem: Bool? = nil
    /// For system offerings: domainrouter, consoleproxy, secondarystoragevm.
    var systemVMType: String? = nil
    /// Custom CPU and memory, chosen at deployment (cpuNumber, cpuSpeed and memory are then 0 and not shown).
    var isCustomized: Bool? = nil
}

struct TemplateRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayText: String
    var osTypeID: String
    var osDisplayName: String
    // What the compute area knows of each template or ISO (VMTemplateVO); absent in state files written before it,
    // where ComputeSeeder fills them in. Which zones hold a copy, and how far its download got, is in
    // ComputeInventory.templateZones.
    /// Storage.ImageFormat: QCOW2, RAW, VHD, OVA, ISO, …; ISO marks an ISO.
    var format: String? = nil
    /// KVM, VMware, XenServer; None for ISOs.
    var hypervisor: String? = nil
    /// The owner; nil for the system's templates (the admin account shows as owner).
    var accountID: String? = nil
    var isPublic: Bool? = nil
    var isFeatured: Bool? = nil
    var isExtractable: Bool? = nil
    var passwordEnabled: Bool? = nil
    var sshKeyEnabled: Bool? = nil
    var dynamicallyScalable: Bool? = nil
    /// ISOs: whether a VM can boot from it.
    var bootable: Bool? = nil
    /// Registered for every zone (zoneid=-1).
    var crossZones: Bool? = nil
    /// Storage.TemplateType: USER, BUILTIN, SYSTEM, ROUTING, PERHOST.
    var templateType: String? = nil
    var url: String? = nil
    var checksum: String? = nil
    var created: Int64? = nil
    /// Deleted from every zone: hidden from lists, still named by the VMs made from it.
    var removed: Int64? = nil
}

struct NetworkRecord: Codable, Sendable {
    var id: String
    var name: String
    var zoneID: String
    var accountID: String
    /// First three octets, e.g. "10.1.12".
    var prefix: String
}

struct NicRecord: Codable, Sendable {
    var id: String
    var networkID: String
    var ipAddress: String
    var macAddress: String
}

enum VMState: String, Codable, Sendable, CaseIterable {
    case Starting, Running, Stopping, Stopped, Destroyed, Expunging, Migrating, Error
}

struct VirtualMachineRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayName: String
    var instanceName: String
    var state: VMState
    var accountID: String
    var userID: String
    var zoneID: String
    var hostID: String?
    var lastHostID: String
    var templateID: String
    var serviceOfferingID: String
    var created: Int64
    var nic: NicRecord
    var haEnable: Bool
    var group: String?
    /// Storage pool holding the root disk.
    var poolID: String
}

struct StoragePoolRecord: Codable, Sendable {
    var id: String
    var name: String
    var zoneID: String
    var podID: String?
    var clusterID: String?
    var scope: String
    var type: String
    var ipAddress: String
    var path: String
    var url: String
    var provider: String
    var state: String
    var capacityBytes: Int64
    var usedBytes: Int64
    var allocatedBytes: Int64
    var capacityIops: Int64?
    var tags: String?
    var hypervisor: String?
    var managed: Bool
    var created: Int64
    var details: [String: String]
}

struct ImageStoreRecord: Codable, Sendable {
    var id: String
    var name: String
    var zoneID: String?
    var url: String
    var protocolName: String
    var provider: String
    var scope: String
    /// "Image" or "ImageCache" (a secondary staging store).
    var role: String
    var readonly: Bool
    var totalBytes: Int64
    var usedBytes: Int64
    var details: [String: String]
    var created: Int64
}

struct VMSnapshotRecord: Codable, Sendable {
    var id: String
    var name: String
    var displayName: String
    var description: String?
    var state: String
    var type: String
    var current: Bool
    var parentID: String?
    var vmID: String
    var accountID: String
    var created: Int64
    /// VMSnapshotOptions: quiesce the guest file systems while the disks are captured (createVMSnapshot quiescevm;
    /// absent in state files written before it was kept).
    var quiesceVM: Bool? = nil
}

struct EventRecord: Codable, Sendable {
    var id: String
    var type: String
    var level: String
    var description: String
    var accountID: String
    var userID: String
    var state: String
    var created: Int64
    /// The object the event is about (EventResponse resourceid/resourcetype, ApiCommandResourceType names).
    var resourceID: String? = nil
    var resourceType: String? = nil
    /// Archived events leave listEvents (archiveEvents).
    var archived: Bool? = nil
}

struct AlertRecord: Codable, Sendable {
    var id: String
    var type: Int
    var name: String
    var description: String
    var zoneID: String?
    var sent: Int64
    /// Archived alerts leave listAlerts (archiveAlerts).
    var archived: Bool? = nil
}
