import CloudStack

/// attachVolume and detachVolume (async): the checks of VolumeApiServiceImpl, run when the job runs, and an
/// Allocated volume created on the VM's ROOT pool at its first attach (through that pool's driver).
enum VolumeAttachHandlers {
    static let hypervisorsWithRootDetach: Set<String> = ["XenServer", "VMware", "KVM", "Simulator"]

    // MARK: attach

    static func attach(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let (_, v) = try VolumeAccess.owned(s, ctx)
        let vmIndex = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let device = try VolumeAccess.number(ctx, "deviceid").map(Int.init)
        let vmID = s.inventory.vms[vmIndex].id
        let volumeID = v.id
        let failure = problem(attaching: v, to: vmIndex, device: device, s.inventory).failure
        s.addEvent(type: "VOLUME.ATTACH", description: "attaching volume Volume Id: \(v.id) VmId: \(vmID)", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "Volume", instanceID: v.id, action: .run { state, admin in
            attachNow(volumeID: volumeID, vmID: vmID, device: device, &state.inventory).map { VolumeAccess.result($0, state.inventory, admin: admin) }
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    /// Why the volume cannot be attached (the server's text), or the device id it will get.
    static func problem(attaching v: VolumeRecord, to vmIndex: Int, device: Int?, _ inv: Inventory) -> (failure: String?, device: Int) {
        let vm = inv.vms[vmIndex]
        let hypervisor = inv.host(vm.lastHostID)?.hypervisor
        if v.vmID != nil { return ("Please specify a volume that is not attached to any VM.", 0) }
        if v.state == .Destroy { return ("Please specify a volume that is not destroyed.", 0) }
        if vm.state != .Running && vm.state != .Stopped { return ("Please specify a VM that is either running or stopped.", 0) }
        if vm.zoneID != v.zoneID { return ("Please specify a VM that is in the same zone as the volume.", 0) }
        let attached = inv.volumes(ofVM: vmIndex)
        if device == 0 {
            if let text = rootDetachAttachProblem(v, vm: vm, inv) { return (text, 0) }
            if attached.contains(where: { $0.deviceID == 0 }) { return ("Vm already has root volume attached to it", 0) }
        } else {
            let limit = VolumeAccess.maxDataVolumes(hypervisor)
            if attached.filter({ $0.type == .DATADISK }).count >= limit {
                return ("The specified VM already has the maximum number of data disks (\(limit)) attached. Please specify another VM.", 0)
            }
        }
        if VolumeAccess.hasVMSnapshots(inv, vmID: vm.id) { return ("Unable to attach volume, please specify a VM that does not have VM snapshots", 0) }
        if v.state != .Allocated && v.state != .Ready { return ("Volume state must be in Allocated, Ready or in Uploaded state", 0) }
        if let p = inv.poolIndex(of: v).map({ inv.storagePools[$0] }), !p.managed, let poolHV = p.hypervisor, poolHV != "Any",
           let hypervisor, poolHV != hypervisor {
            return ("Can't attach a volume created by: \(poolHV) to a \(hypervisor) vm", 0)
        }
        // getDeviceId: the asked id if free, else the first free one; 3 belongs to the CD-ROM.
        let used = Set(attached.compactMap(\.deviceID))
        let maxDevice = VolumeAccess.maxDataVolumes(hypervisor) + 1
        if let device, device != 0 {
            if device < 0 || device > maxDevice { return ("deviceId should be 1 ~ \(maxDevice)", 0) }
            if device == 3 { return ("deviceId 3 is reserved for CD-ROM", 0) }
            if used.contains(device) { return ("deviceId \(device) is used by vm \(vm.name)", 0) }
            return (nil, device)
        }
        if device == 0 { return (nil, 0) }
        let free = (1...maxDevice).first { $0 != 3 && !used.contains($0) } ?? maxDevice
        return (nil, free)
    }

    /// validateRootVolumeDetachAttach.
    static func rootDetachAttachProblem(_ v: VolumeRecord, vm: VirtualMachineRecord, _ inv: Inventory) -> String? {
        let hypervisor = inv.host(vm.lastHostID)?.hypervisor ?? "None"
        if !hypervisorsWithRootDetach.contains(hypervisor) { return "Root volume detach is not supported for hypervisor type \(hypervisor)" }
        // The server's condition lets only Stopped through, though its text names Destroyed too.
        if vm.state != .Stopped { return "Root volume detach can happen only when vm is in states: Stopped or Destroyed" }
        if let p = inv.poolIndex(of: v), inv.storagePools[p].managed { return "Root volume detach is not supported for Managed DataStores" }
        return nil
    }

    /// Attaches at the end of the job: checks again, creates an Allocated volume on the VM's ROOT pool, moves a volume
    /// the VM's hosts cannot reach to that pool, then records the attachment. Returns the volume's record position.
    static func attachNow(volumeID: String, vmID: String, device: Int?, _ inv: inout Inventory) -> Result<Int, APIError> {
        guard let ref = inv.volumeRef(volumeID), let vmIndex = inv.vmPosition(vmID) else {
            return .failure(.internalError("Unable to find volume \(volumeID) or VM \(vmID)"))
        }
        let v = inv.volume(ref)
        let check = problem(attaching: v, to: vmIndex, device: device, inv)
        if let text = check.failure { return .failure(.internalError(text)) }
        let vm = inv.vms[vmIndex]
        let rootPool = inv.volumes(ofVM: vmIndex).first { $0.type == .ROOT }.flatMap { inv.poolIndex(of: $0) } ?? inv.poolPosition(vm.poolID)
        var target = inv.poolIndex(of: v)
        if let rootPool {
            let dest = inv.storagePools[rootPool]
            if v.state == .Allocated {
                var pool = dest
                do { try VolumeAccess.driver(pool).createAsync(DataObject(id: v.id, sizeBytes: v.sizeBytes), on: &pool) } catch {
                    return .failure(.internalError("Failed to create volume on primary storage: \(reason(error))"))
                }
                inv.storagePools[rootPool] = pool
                target = rootPool
            } else if let current = target, needsMove(inv.storagePools[current], toReach: dest) {
                if let e = VolumeMigrateHandlers.copy(v, from: current, to: rootPool, &inv) { return .failure(.internalError("move volume failed: \(e.text)")) }
                target = rootPool
            }
        }
        let position = inv.volumePosition(ref)
        let poolID = target.map { inv.storagePools[$0].id }
        let now = APIDate.now()
        inv.volumes.update(at: position) { r in
            r.vmID = vmID
            r.deviceID = check.device
            r.attached = now
            r.poolID = poolID
            if r.state == .Allocated {
                r.state = .Ready
                r.path = r.path ?? r.id
            }
        }
        return .success(position)
    }

    /// A cluster-wide pool is reachable only from its cluster; the VM's hosts are those of its ROOT pool.
    static func needsMove(_ current: StoragePoolRecord, toReach root: StoragePoolRecord) -> Bool {
        guard current.scope == "CLUSTER", let cluster = current.clusterID else { return current.zoneID != root.zoneID }
        return root.clusterID != nil && root.clusterID != cluster
    }

    static func reason(_ error: any Error) -> String { (error as? APIError)?.text ?? "\(error)" }

    // MARK: detach

    static func detach(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let p = ctx.params
        let hasID = p.value("id") != nil, hasVM = p.value("virtualmachineid") != nil, hasDevice = p.value("deviceid") != nil
        var found: VolumeRecord?
        var failure: String?
        if hasID == (hasVM || hasDevice) || (!hasID && !(hasVM && hasDevice)) {
            failure = "Please provide either a volume id, or a tuple(device id, instance id)"
        } else if hasID {
            found = try VolumeAccess.owned(s, ctx).volume
        } else {
            let vmIndex = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
            let device = try VolumeAccess.number(ctx, "deviceid").map(Int.init)
            found = s.inventory.volumes(ofVM: vmIndex).first { $0.deviceID == device }
            if found == nil { failure = "Unable to find volume with ID: null" }
        }
        if let v = found { failure = problem(detaching: v, s.inventory) }
        let volumeID = found?.id
        s.addEvent(type: "VOLUME.DETACH", description: "detaching volume Volume Id: \(volumeID ?? "null")", caller: ctx.caller)
        let job = JobRunner.submit(&s, ctx, instanceType: "Volume", instanceID: volumeID ?? "", action: .run { state, admin in
            guard let volumeID else { return .failure(.internalError("Unable to find volume with ID: null")) }
            return detachNow(volumeID: volumeID, &state.inventory).map { VolumeAccess.result($0, state.inventory, admin: admin) }
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func problem(detaching v: VolumeRecord, _ inv: Inventory) -> String? {
        guard let vmID = v.vmID, let vmIndex = inv.vmPosition(vmID) else { return "The specified volume is not attached to a VM." }
        let vm = inv.vms[vmIndex]
        if vm.state != .Running && vm.state != .Stopped && vm.state != .Destroyed { return "Please specify a VM that is either running or stopped." }
        if v.type == .ROOT, let text = rootDetachAttachProblem(v, vm: vm, inv) { return text }
        if VolumeAccess.hasVMSnapshots(inv, vmID: vm.id) { return "Unable to detach volume, please specify a VM that does not have VM snapshots" }
        return nil
    }

    static func detachNow(volumeID: String, _ inv: inout Inventory) -> Result<Int, APIError> {
        guard let ref = inv.volumeRef(volumeID) else { return .failure(.internalError("Unable to find volume with ID: \(volumeID)")) }
        if let text = problem(detaching: inv.volume(ref), inv) { return .failure(.internalError(text)) }
        let position = inv.volumePosition(ref)
        inv.volumes.update(at: position) { r in
            r.vmID = nil
            r.deviceID = nil
            r.attached = nil
        }
        return .success(position)
    }
}
