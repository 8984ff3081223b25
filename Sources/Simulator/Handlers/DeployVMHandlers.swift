import CloudStack
import Foundation

/// deployVirtualMachine (async create): the checks of UserVmManagerImpl.createVirtualMachine run at once and answer
/// 431 (or 530/533 as the server's do); the VM, its NICs, its group and its data disk exist from then on, with the
/// VM Starting (or Stopped for startvm=false). The job places it on a host, creates its disks on the host's pools
/// and ends with the VM Running, its one-time password in the result when the template is password enabled.
enum DeployVMHandlers {
    /// Custom parameters of a custom offering (details[0].cpuNumber, …): 1 to Integer.MAX_VALUE cores, MHz, MB ≥ 32.
    static func customSize(_ ctx: RequestContext, _ offering: ServiceOfferingRecord) throws -> (Int, Int, Int)? {
        guard offering.isCustomized == true else { return nil }
        let details = ctx.params.flatMap("details")
        if details.isEmpty { throw APIError.invalid("Need to specify custom parameter values cpu, cpu speed and memory when using custom offering") }
        let cpu = details["cpuNumber"].flatMap { Int32($0) }.map(Int.init) ?? -1
        if cpu < 1 { throw APIError.invalid("Invalid cpu cores value, specify a value between 1 and \(Int32.max)") }
        var speed = offering.cpuSpeed
        if speed <= 0 {
            speed = details["cpuSpeed"].flatMap { Int32($0) }.map(Int.init) ?? -1
            if speed <= 0 { throw APIError.invalid("Invalid cpu speed value, specify a value between 1 and \(Int32.max)") }
        }
        let memory = details["memory"].flatMap { Int32($0) }.map(Int.init) ?? -1
        if memory < 32 { throw APIError.invalid("Invalid memory value, specify a value between 32 and \(Int32.max)") }
        return (cpu, speed, memory)
    }

    /// checkNameForRFCCompliance: a DNS label of 1 to 63 letters, digits and hyphens, starting with a letter.
    static func isRFCName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count), let first = bytes.first, let last = bytes.last else { return false }
        func letter(_ b: UInt8) -> Bool { (b >= 65 && b <= 90) || (b >= 97 && b <= 122) }
        func digit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        return letter(first) && last != UInt8(ascii: "-") && bytes.allSatisfy { letter($0) || digit($0) || $0 == UInt8(ascii: "-") }
    }

    static let rfcText = "Invalid name. Vm name can contain ASCII letters 'a' through 'z', the digits '0' through '9', and the hyphen ('-'), must be between 1 and 63 characters long, and can't start or end with \"-\" and can't start with digit"

    static func deploy(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        guard let zoneID = try ctx.uuid("zoneid", exists: { inv.zone($0) != nil }),
              let templateID = try ctx.uuid("templateid", exists: { id in inv.template(id).map { $0.removed == nil } ?? false }),
              let template = inv.template(templateID),
              let offeringID = try ctx.uuid("serviceofferingid", exists: { inv.offering($0) != nil }),
              let offering = inv.offering(offeringID) else { throw APIError.missing(ctx.commandLabel, "zoneid") }
        let diskOfferingID = try ctx.uuid("diskofferingid") { inv.volumes.diskOffering($0) != nil }
        var networkIDs = try ComputeAccess.uuids(ctx, "networkids") { GuestNetworkHandlers.exists(inv, $0) }
        var affinityIDs = try ComputeAccess.uuids(ctx, "affinitygroupids") { inv.compute.affinityGroup($0) != nil }
        let requestedHost = try ctx.uuid("hostid") { inv.host($0) != nil }
        let owner = try ComputeAccess.owner(ctx, inv)
        let iso = template.format == "ISO"

        // Template access (UseEntry): a private template is its owner's.
        if template.isPublic != true && template.accountID != owner.id && !ctx.caller.isAdmin { throw ComputeAccess.denied(ctx, templateID) }
        // The hypervisor: the template's, or for an ISO the one asked for.
        let hypervisorParam = p.value("hypervisor").flatMap { h in TemplateRegisterHandlers.hypervisors.first { $0.lowercased() == h.lowercased() } }
        var hypervisor = template.hypervisor
        if hypervisor == nil || hypervisor == "None" {
            guard let hypervisorParam else {
                throw APIError.invalid("hypervisor parameter is needed to deploy VM or the hypervisor parameter value passed is invalid")
            }
            hypervisor = hypervisorParam
        } else if let hypervisorParam, hypervisorParam != hypervisor {
            throw APIError.invalid("Hypervisor passed to the deployVm call, is different from the hypervisor type of the template")
        }
        let custom = try customSize(ctx, offering)
        // An ISO needs a disk offering for its ROOT disk; otherwise the disk offering is a data disk's.
        if iso && diskOfferingID == nil { throw APIError.invalid("Installing from ISO requires a disk offering to be specified for the root disk.") }
        let rootSizeText = p.flatMap("details")["rootdisksize"] ?? p.value("rootdisksize")
        var rootSize: Int64?
        if let rootSizeText {
            guard let gb = Int64(rootSizeText), gb > 0 else { throw APIError.invalid("Root disk size should be a positive number.") }
            let templateGB = Double(TemplateSizes.virtual(template)) / Double(VolumeAccess.gib)
            if !iso && Double(gb) < templateGB {
                throw APIError.invalid("Unsupported: rootdisksize override (\(gb) GB) is smaller than template size (\(String(format: "%.2f", templateGB)) GB)")
            }
            rootSize = gb * VolumeAccess.gib
        }
        var dataSize: Int64?
        if let id = diskOfferingID, let o = inv.volumes.diskOffering(id) {
            let size = try VolumeAccess.number(ctx, "size")
            if o.customized {
                guard let size else { throw APIError.invalid("This disk offering requires a custom size specified") }
                if size < VolumeAccess.customMinGB || size > VolumeAccess.customMaxGB {
                    throw APIError.invalid("Volume size: \(size)GB is out of allowed range. Max: \(VolumeAccess.customMaxGB) Min:\(VolumeAccess.customMinGB)")
                }
                dataSize = size * VolumeAccess.gib
            } else {
                dataSize = o.diskSizeGB * VolumeAccess.gib
            }
            if iso { rootSize = rootSize ?? dataSize }
        }

        // Affinity groups, by id or name: the VM owner's.
        for name in ComputeAccess.list(ctx, "affinitygroupnames") {
            guard let g = inv.compute.affinityGroups.first(where: { $0.name == name && $0.accountID == owner.id }) else {
                throw APIError.invalid("Unable to find affinity group by name \(name)")
            }
            affinityIDs.append(g.id)
        }
        for id in affinityIDs {
            guard let g = inv.compute.affinityGroup(id) else { continue }
            if g.accountID != owner.id {
                if !ctx.caller.isAdmin { throw ComputeAccess.denied(ctx, id) }
                throw APIError.denied("Affinity Group \(g.name) does not belong to the VM's account")
            }
        }
        // The template must have a copy in the zone, and (for a template, not an ISO) a downloaded one.
        guard let copy = inv.compute.zoneCopy(of: templateID, in: zoneID) else {
            throw APIError.invalid("The template \(templateID) is not available for use")
        }
        if iso && template.bootable == false { throw APIError.invalid("Installing from ISO requires an ISO that is bootable: \(templateID)") }
        // Key pairs, by name, the owner's.
        var keyPairs = ComputeAccess.list(ctx, "keypairs")
        if let one = p.value("keypair"), !keyPairs.contains(one) { keyPairs.append(one) }
        if !keyPairs.allSatisfy({ inv.compute.keyPairPosition(named: $0, accountID: owner.id) != nil }) {
            throw APIError.invalid("Not all specified keyparis exist")
        }
        // Networks: those given, in the zone and the owner's (shared ones are the domain's), else the owner's one
        // isolated network of the zone.
        for id in networkIDs {
            let area = inv.net.network(id)
            let core = inv.network(id)
            let networkZone = area?.zoneID ?? core?.zoneID
            let networkOwner = area?.accountID ?? core?.accountID
            if networkZone != zoneID { throw APIError.invalid("Network id=\(id) doesn't belong to zone \(zoneID)") }
            if area?.type != "Shared" && networkOwner != owner.id { throw ComputeAccess.denied(ctx, id) }
        }
        if networkIDs.isEmpty {
            let own = GuestNetworkHandlers.networks(inv).filter { $0.zoneID == zoneID && $0.accountID == owner.id && $0.type == "Isolated" && $0.vpcID == nil }
            if own.count > 1 {
                throw APIError.invalid("More than 1 default Isolated networks are found for account \(owner.name); please specify networkIds")
            }
            guard let only = own.first else {
                throw APIError.invalid("Unable to find network offering with availability=Required to automatically create the network as a part of vm creation")
            }
            networkIDs = [only.id]
        }
        // The name: RFC compliant, and unique among the names in each of the VM's networks.
        let vmID = s.inventory.newID()
        let name = p.value("name") ?? "VM-\(vmID)"
        if !isRFCName(name) { throw APIError.invalid(rfcText) }
        for id in networkIDs where VMPlacement.hostNames(id, inv).contains(name) {
            let domain = inv.net.network(id)?.networkDomain ?? "cs.cloud.internal"
            let networkName = inv.net.network(id)?.name ?? inv.network(id)?.name ?? "<unknown>"
            throw APIError.invalid("The vm with hostName \(name) already exists in the network domain: \(domain); network=\(networkName)")
        }
        // Allocating the volumes needs the template downloaded to the zone (VolumeOrchestrator.createDiskCharacteristics).
        if !iso && !TemplateDownload.isReady(copy, now: TemplateDownload.now()) {
            throw APIError.internalError("Template \(template.name) has not been completely downloaded to zone \(zoneID)")
        }
        // One NIC per network, each with the network's lowest free address.
        var nics: [NicRecord] = []
        let number = s.inventory.compute.nextVMNumber
        for (k, id) in networkIDs.enumerated() {
            guard let address = VMPlacement.allocateIP(id, s.inventory) else {
                let networkName = inv.net.network(id)?.name ?? inv.network(id)?.name ?? id
                throw APIError(533, 9999, "Unable to acquire Guest IP address for network Network {\"name\":\"\(networkName)\",\"uuid\":\"\(id)\"}")
            }
            let tail = UInt64(number) & 0xFF_FFFF
            let mac = String(format: "02:%02x:%02x:%02x:%02x:%02x", k, Int(tail >> 16 & 0xFF), Int(tail >> 8 & 0xFF), Int(tail & 0xFF),
                             Int(stableHash(vmID) & 0xFF))
            nics.append(NicRecord(id: s.inventory.newID(), networkID: id, ipAddress: address, macAddress: mac))
        }
        guard let defaultNic = nics.first else { throw APIError.invalid("At least 1 default network has to be specified for the vm") }

        // The VM, Starting (or Stopped when it is not to be started), on a host chosen now for the hypervisor it shows.
        let startVM = p.bool("startvm") ?? true
        let accountNumber = (inv.accounts.firstIndex { $0.id == owner.id } ?? 0) + 2
        let userID = owner.id == ctx.caller.account.id ? ctx.caller.user.id : (inv.users.first { $0.accountID == owner.id }?.id ?? ctx.caller.user.id)
        let hostGuess = VMPlacement.candidates(inv, zoneID: zoneID, hypervisor: hypervisor).first
        let pool = hostGuess.flatMap { VMPlacement.rootPool(for: $0, inv) }
        let vm = VirtualMachineRecord(
            id: vmID, name: name, displayName: p.value("displayname") ?? name, instanceName: "i-\(accountNumber)-\(number)-VM",
            state: startVM ? .Starting : .Stopped, accountID: owner.id, userID: userID, zoneID: zoneID, hostID: nil,
            lastHostID: startVM ? "" : (hostGuess?.id ?? ""), templateID: templateID, serviceOfferingID: offeringID, created: APIDate.now(),
            nic: defaultNic, haEnable: offering.offerHA ?? false, group: nil,
            poolID: pool?.id ?? inv.storagePools.first { $0.zoneID == zoneID }?.id ?? "")
        s.inventory.compute.nextVMNumber = number + 1
        s.inventory.appendVM(vm)
        guard let vmIndex = s.inventory.vmPosition(vmID) else { throw APIError.internalError("Unable to create VM \(vmID)") }
        let scalable = (p.bool("dynamicscalingenabled") ?? true) && (offering.dynamicScalingEnabled ?? true) && (template.dynamicallyScalable ?? false)
        s.inventory.compute.updateDetails(vmID) { d in
            if let custom {
                d.cpuNumber = custom.0
                d.cpuSpeed = custom.1
                d.memory = custom.2
            }
            if !keyPairs.isEmpty { d.keyPairs = keyPairs }
            if !affinityIDs.isEmpty { d.affinityGroupIDs = affinityIDs }
            if nics.count > 1 { d.extraNics = Array(nics.dropFirst()) }
            if iso { d.isoID = templateID }
            if scalable { d.dynamicallyScalable = true }
        }
        InstanceGroupHandlers.assign(vmIndex, group: p.value("group"), &s.inventory)
        if let rootSize {
            let position = s.inventory.volumePosition(.root(vm: vmIndex))
            s.inventory.volumes.update(at: position) { $0.sizeBytes = rootSize }
        }
        var dataDiskID: String?
        if !iso, let diskOfferingID, let dataSize, let o = inv.volumes.diskOffering(diskOfferingID) {
            let id = s.inventory.newID()
            s.inventory.volumes.append(VolumeRecord(
                id: id, name: "DATA-\(number)", type: .DATADISK, state: .Allocated, sizeBytes: dataSize, vmID: nil, deviceID: nil, poolID: nil,
                zoneID: zoneID, diskOfferingID: o.id, accountID: owner.id, created: APIDate.now(), attached: nil, path: nil,
                provisioningType: o.provisioningType, snapshotID: nil, templateID: nil, stableState: nil))
            dataDiskID = id
        }
        s.addEvent(type: "VM.CREATE", description: "deploying Vm. Vm Id: \(vmID)", caller: ctx.caller)

        // A password enabled template gets a password, shown once in the job result and kept nowhere.
        let password = template.passwordEnabled == true ? (p.value("password") ?? PasswordGenerator.make()) : nil
        let placement = hypervisor, dataDisk = dataDiskID
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vmID, action: .run { state, admin in
            finishDeploy(vmID, start: startVM, hypervisor: placement, requestedHost: requestedHost, dataDiskID: dataDisk, password: password,
                         callerIsAdmin: ctx.caller.isAdmin, admin: admin, &state)
        })
        return JSONObject([("id", .string(vmID)), ("jobid", .string(job))])
    }

    /// The job's end: the ROOT volume is created on its pool, the data disk attached, the VM placed and Running.
    static func finishDeploy(_ vmID: String, start: Bool, hypervisor: String?, requestedHost: String?, dataDiskID: String?, password: String?,
                             callerIsAdmin: Bool, admin: Bool, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let i = s.inventory.vmPosition(vmID) else { return .failure(.internalError("Unable to find VM \(vmID)")) }
        if start {
            if requestedHost != nil && !callerIsAdmin {
                s.inventory.vms[i].state = .Error
                return .failure(.internalError("Parameter hostid can only be specified by a Root Admin, permission denied"))
            }
            guard let host = VMPlacement.chooseHost(forVM: i, s.inventory, hypervisor: hypervisor, requested: requestedHost) else {
                let applied = VMPlacement.affinity(vmID, s.inventory).applied
                let label = ComputeAccess.label(s.inventory.vms[i])
                s.inventory.vms[i].state = .Error
                // affinity_group_vm_map rows go when a VM enters Error (AffinityGroupServiceImpl.postStateTransitionEvent).
                s.inventory.compute.updateDetails(vmID) { $0.affinityGroupIDs = nil }
                return .failure(.internalError("Unable to create a deployment for \(label)"
                    + (applied ? ", Please check the affinity groups provided, there may not be sufficient capacity to follow them" : "")))
            }
            s.inventory.vms[i].lastHostID = host.id
            if let pool = VMPlacement.rootPool(for: host, s.inventory) { s.inventory.vms[i].poolID = pool.id }
        }
        // The ROOT volume takes its space on the pool through the pool's driver, as every volume the volume area makes.
        let root = s.inventory.volumes(ofVM: i).first { $0.type == .ROOT } ?? RootVolumes.record(s.inventory.vms[i])
        if let p = s.inventory.poolPosition(s.inventory.vms[i].poolID) {
            var pool = s.inventory.storagePools[p]
            try? VolumeAccess.driver(pool).createAsync(DataObject(id: root.id, sizeBytes: root.sizeBytes), on: &pool)
            s.inventory.storagePools[p] = pool
        }
        if let dataDiskID, case .failure(let e) = VolumeAttachHandlers.attachNow(volumeID: dataDiskID, vmID: vmID, device: nil, &s.inventory) {
            s.inventory.vms[i].state = .Error
            return .failure(.internalError("Unable to attach the data disk of \(ComputeAccess.label(s.inventory.vms[i])): \(e.text)"))
        }
        if start {
            s.inventory.vms[i].state = .Running
            s.inventory.vms[i].hostID = s.inventory.vms[i].lastHostID
        }
        let vm = VirtualMachineHandlers.object(s.inventory.vms[i], s.inventory, admin: admin, password: password)
        return .success(JSONObject([("virtualmachine", .object(vm))]))
    }
}
