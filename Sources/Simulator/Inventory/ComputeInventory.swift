/// The compute area's records (`Inventory.compute`): where templates and ISOs are, guest OS types, SSH key pairs,
/// affinity and instance groups, and the VMs' compute details. Sized by these objects, never by the number of VMs,
/// except for the VMs that carry details.
struct ComputeInventory: Codable, Sendable {
    var templateZones: [TemplateZoneRecord] = []
    var osTypes: [OSTypeRecord] = []
    var sshKeyPairs: [SSHKeyPairRecord] = []
    var affinityGroups: [AffinityGroupRecord] = []
    var instanceGroups: [InstanceGroupRecord] = []
    /// Per VM id, only for VMs that have any.
    var vmDetails: [String: VMComputeDetails] = [:]
    /// The number in the next deployed VM's instance name (i-<account>-<number>-VM).
    var nextVMNumber: Int = 0

    init() {}

    func details(_ vmID: String) -> VMComputeDetails? { vmDetails[vmID] }

    /// Changes a VM's details, dropping the entry when nothing is left in it.
    mutating func updateDetails(_ vmID: String, _ change: (inout VMComputeDetails) -> Void) {
        var d = vmDetails[vmID] ?? VMComputeDetails()
        change(&d)
        vmDetails[vmID] = d.isEmpty ? nil : d
    }

    func zoneCopies(of templateID: String) -> [TemplateZoneRecord] { templateZones.filter { $0.templateID == templateID } }
    func zoneCopy(of templateID: String, in zoneID: String) -> TemplateZoneRecord? {
        templateZones.first { $0.templateID == templateID && $0.zoneID == zoneID }
    }
    func osType(_ id: String?) -> OSTypeRecord? { id.flatMap { i in osTypes.first { $0.id == i } } }
    func keyPairPosition(named name: String, accountID: String) -> Int? { sshKeyPairs.firstIndex { $0.name == name && $0.accountID == accountID } }
    func affinityGroupPosition(_ id: String) -> Int? { affinityGroups.firstIndex { $0.id == id } }
    func affinityGroup(_ id: String) -> AffinityGroupRecord? { affinityGroups.first { $0.id == id } }
    func instanceGroupPosition(_ id: String) -> Int? { instanceGroups.firstIndex { $0.id == id } }
    func instanceGroup(named name: String, accountID: String) -> InstanceGroupRecord? {
        instanceGroups.first { $0.name == name && $0.accountID == accountID }
    }

    /// The VMs in an affinity group (a scan of the VMs that have details, not of every VM).
    func members(ofAffinityGroup id: String) -> [String] {
        vmDetails.compactMap { (vmID, d) in (d.affinityGroupIDs ?? []).contains(id) ? vmID : nil }.sorted()
    }
}
