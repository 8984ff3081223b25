import CloudStack

/// updateVirtualMachine (sync), recoverVirtualMachine (sync: Destroyed → Stopped) and expungeVirtualMachine (async),
/// with UserVmManagerImpl's and VmRecoveryServiceImpl's checks and texts.
enum VMUpdateHandlers {
    static func update(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let p = ctx.params
        let inv = s.inventory
        let vm = inv.vms[i]
        if let text = p.value("ostypeid"), inv.compute.osType(text) == nil { throw APIError.invalid("Please specify a valid guest OS ID.") }
        // The server does not ask for a Stopped VM: new properties take effect at the next start.
        if vm.state == .Error || vm.state == .Expunging { throw APIError.invalid("Vm with id \(vm.id) is not in the right state") }
        let offering = inv.offering(vm.serviceOfferingID)
        if p.bool("haenable") == true && offering?.offerHA != true {
            throw APIError.invalid("Can't enable ha for the vm as it's created from the Service offering having HA disabled")
        }
        if let scalable = p.bool("isdynamicallyscalable"), scalable {
            if inv.template(vm.templateID)?.dynamicallyScalable != true {
                throw APIError.invalid("Dynamic Scaling cannot be enabled for the VM since its template does not have dynamic scaling enabled")
            }
            if offering?.dynamicScalingEnabled == false {
                throw APIError.invalid("Dynamic Scaling cannot be enabled for the VM since its service offering does not have dynamic scaling enabled")
            }
        }
        var newName: String?
        if let name = p.value("name"), name != vm.name {
            if !DeployVMHandlers.isRFCName(name) { throw APIError.invalid(DeployVMHandlers.rfcText) }
            let networks = [vm.nic.networkID] + (inv.compute.details(vm.id)?.extraNics ?? []).map(\.networkID)
            for id in networks where VMPlacement.hostNames(id, inv).contains(name) {
                let domain = inv.net.network(id)?.networkDomain ?? "cs.cloud.internal"
                let networkName = inv.net.network(id)?.name ?? inv.network(id)?.name ?? "<unknown>"
                throw APIError.invalid("The vm with hostName \(name) already exists in the network domain: \(domain); network=\(networkName)")
            }
            newName = name
        }
        if let d = p.value("displayname") { s.inventory.vms[i].displayName = d }
        if let ha = p.bool("haenable") { s.inventory.vms[i].haEnable = ha }
        if let newName { s.inventory.vms[i].name = newName }
        if p["group"] != nil { InstanceGroupHandlers.assign(i, group: p.value("group"), &s.inventory) }
        let osTypeID = p.value("ostypeid")
        let scalable = p.bool("isdynamicallyscalable")
        s.inventory.compute.updateDetails(vm.id) { d in
            if let osTypeID { d.osTypeID = osTypeID == inv.template(vm.templateID)?.osTypeID ? nil : osTypeID }
            if let scalable { d.dynamicallyScalable = scalable ? true : nil }
        }
        if newName != nil || p.value("displayname") != nil { s.inventory.refreshVMKeys(at: i) }
        s.addEvent(type: "VM.UPDATE", description: "updating Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        return JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(s.inventory.vms[i], s.inventory, admin: ctx.caller.isAdmin)))])
    }

    static func recover(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        // allow.user.expunge.recover.vm is false (listCapabilities allowuserexpungerecovervm).
        if !ctx.caller.isAdmin {
            throw APIError.denied("Recovering a vm can only be done by an Admin. Or when the allow.user.expunge.recover.vm key is set.")
        }
        if vm.state != .Destroyed { throw APIError.invalid("Vm with id \(vm.id) is not in the right state") }
        s.inventory.vms[i].state = .Stopped
        s.inventory.vms[i].hostID = nil
        // The ROOT volume comes back with the VM: a derived one follows its state, a kept one is set Ready again.
        for position in s.inventory.volumes.positions(attachedTo: vm.id) where s.inventory.volumes.records[position].type == .ROOT {
            s.inventory.volumes.update(at: position) { $0.state = .Ready }
        }
        s.addEvent(type: "VM.RECOVER", description: "Recovering VM. Vm Id: \(vm.id)", caller: ctx.caller)
        return JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(s.inventory.vms[i], s.inventory, admin: ctx.caller.isAdmin)))])
    }

    static func expunge(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        var failure: String?
        if !(vm.state == .Destroyed || vm.state == .Expunging || vm.state == .Error) {
            failure = "Please specify a VM that is either in Destroyed or Expunging state"
        } else if !ctx.caller.isAdmin {
            failure = "Expunging a vm can only be done by an Admin. Or when the allow.user.expunge.recover.vm key is set."
        } else {
            s.inventory.vms[i].state = .Expunging
        }
        s.addEvent(type: "VM.EXPUNGE", description: "expunging Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id
        let before = vm.state
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: id, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
            // The expunged VM's ROOT volume dies with it, its data disks are detached (VMVolumeCleanup).
            state.inventory.vms[k].state = before
            VMVolumeCleanup.vmDestroyed(id, dataVolumeIDs: [], expunge: true, &state.inventory)
            return VirtualMachineHandlers.finish(id, to: .Destroyed, expunge: true, admin: admin, &state).map { _ in
                JSONObject([("success", .bool(true))])
            }
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
