import CloudStack

/// What the volume commands share: finding the caller's volume, the hypervisor limits, the texts that name a volume.
enum VolumeAccess {
    static let gib: Int64 = 1_073_741_824
    /// storage.max.volume.size (GB).
    static let maxVolumeSizeGB: Int64 = 2000
    /// custom.diskoffering.size.min / .max (GB), as listCapabilities reports them.
    static let customMinGB: Int64 = 1
    static let customMaxGB: Int64 = 1024

    /// The volume named by `param`, which the caller must own (431 for an id that names nothing, 531 for another's).
    static func owned(_ s: SimState, _ ctx: RequestContext, _ param: String = "id") throws -> (ref: VolumeRef, volume: VolumeRecord) {
        let id = try ctx.required(param)
        guard let ref = s.inventory.volumeRef(id) else { throw APIError.badValue(ctx.commandLabel, param, id) }
        let v = s.inventory.volume(ref)
        guard ctx.owns(v.accountID) else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
        }
        return (ref, v)
    }

    /// A whole number parameter (sizes in GB, device ids), or a 431 naming it.
    static func number(_ ctx: RequestContext, _ name: String) throws -> Int64? {
        guard let text = ctx.params.value(name) else { return nil }
        guard let n = Int64(text) else { throw APIError.badNumber(ctx.commandLabel, name, text) }
        return n
    }

    /// How the server's VolumeVO prints itself in error texts.
    static func describe(_ v: VolumeRecord) -> String { "Volume {\"name\":\"\(v.name)\",\"uuid\":\"\(v.id)\"}" }

    /// hypervisor_capabilities.max_data_volumes_limit for the VM's hypervisor.
    static func maxDataVolumes(_ hypervisor: String?) -> Int {
        switch hypervisor {
        case "KVM": return 26
        case "VMware", "XenServer": return 13
        default: return 6
        }
    }

    static func hasVMSnapshots(_ inv: Inventory, vmID: String) -> Bool { inv.vmSnapshots.contains { $0.vmID == vmID } }

    static func inMaintenance(_ pool: StoragePoolRecord) -> Bool {
        ["PrepareForMaintenance", "Maintenance", "ErrorInMaintenance", "CancelMaintenance"].contains(pool.state)
    }

    static func driver(_ pool: StoragePoolRecord) -> any DataStoreDriver {
        (DataStoreProviderRegistry.provider(named: pool.provider) ?? DefaultPrimaryProvider()).driver
    }

    /// The job result of a volume command.
    static func result(_ position: Int, _ inv: Inventory, admin: Bool) -> JSONObject {
        JSONObject([("volume", .object(VolumeListHandlers.object(inv.volumes.records[position], inv, admin: admin)))])
    }

    /// A pool's tags as a set (storage_pool_tags).
    static func tags(_ text: String?) -> Set<String> {
        Set((text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }

    /// doesTargetStorageSupportDiskOffering: every tag of the offering must be on the pool.
    static func poolSupports(_ pool: StoragePoolRecord, offeringTags: String?) -> Bool { tags(offeringTags).isSubset(of: tags(pool.tags)) }
}
