/// The compute area's records: zone copies of templates and ISOs, guest OS types, SSH key pairs, affinity and
/// instance groups, and what a VM carries beyond its core record. Dates are epoch seconds.

/// A zone's copy of a template or ISO (template_zone_ref with its image store's download state).
struct TemplateZoneRecord: Codable, Sendable {
    var templateID: String
    var zoneID: String
    var created: Int64
    /// When the download began (epoch seconds); nil for a copy that was seeded ready.
    var downloadStart: Double?
    /// How long the download takes in seconds; installing takes a tenth of that again.
    var downloadSeconds: Double?
}

/// A guest OS type (guest_os with its category), as listOsTypes shows it.
struct OSTypeRecord: Codable, Sendable {
    var id: String
    var description: String
    var categoryID: String
    var categoryName: String
}

/// An SSH key pair (ssh_keypairs): only the public half is kept, as on the server.
struct SSHKeyPairRecord: Codable, Sendable {
    var id: String
    var name: String
    var fingerprint: String
    var publicKey: String
    var accountID: String
    var created: Int64
}

/// An affinity group (affinity_group); its members are in each VM's VMComputeDetails.affinityGroupIDs.
struct AffinityGroupRecord: Codable, Sendable {
    var id: String
    var name: String
    var description: String?
    /// "host anti-affinity", "host affinity", "non-strict host anti-affinity", "non-strict host affinity", "ExplicitDedication".
    var type: String
    var accountID: String
    var created: Int64
}

/// An instance group (instance_group); a VM's `group` names it within its account.
struct InstanceGroupRecord: Codable, Sendable {
    var id: String
    var name: String
    var accountID: String
    var created: Int64
}

/// What the compute area adds to a VM (user_vm details, iso_id, affinity_group_vm_map, extra NICs). Kept only for the
/// VMs that have any of it, so 100,000 seeded VMs cost nothing here unless they carry a key pair or a custom size.
struct VMComputeDetails: Codable, Sendable {
    /// The attached ISO (one at most, on the VM's virtual CD-ROM).
    var isoID: String? = nil
    /// SSH key pair names, in the order given at deployment.
    var keyPairs: [String]? = nil
    var affinityGroupIDs: [String]? = nil
    /// CPU and memory of a VM on a custom offering (details cpuNumber, cpuSpeed, memory).
    var cpuNumber: Int? = nil
    var cpuSpeed: Int? = nil
    var memory: Int? = nil
    /// Set by updateVirtualMachine ostypeid; otherwise the template's.
    var osTypeID: String? = nil
    var dynamicallyScalable: Bool? = nil
    /// NICs after the default one, for VMs deployed on several networks.
    var extraNics: [NicRecord]? = nil

    var isEmpty: Bool {
        isoID == nil && (keyPairs ?? []).isEmpty && (affinityGroupIDs ?? []).isEmpty && cpuNumber == nil && cpuSpeed == nil && memory == nil
            && osTypeID == nil && dynamicallyScalable == nil && (extraNics ?? []).isEmpty
    }
}
