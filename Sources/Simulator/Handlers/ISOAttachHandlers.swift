import CloudStack

/// attachIso and detachIso (async): a VM's virtual CD-ROM holds one ISO at most; the checks of TemplateManagerImpl
/// run in the job and fail it with the server's text.
enum ISOAttachHandlers {
    static func attach(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let inv = s.inventory
        let vm = inv.vms[i]
        let isoID = try ctx.required("id")
        guard let iso = inv.template(isoID), iso.removed == nil else { throw APIError.badValue(ctx.commandLabel, "id", isoID) }
        // The caller and the VM's owner must both be allowed to use the ISO.
        if iso.isPublic != true && iso.accountID != vm.accountID && !ctx.caller.isAdmin { throw ComputeAccess.denied(ctx, isoID) }
        let hypervisor = inv.host(vm.lastHostID)?.hypervisor ?? inv.template(vm.templateID)?.hypervisor ?? "KVM"
        var failure: String?
        if iso.format != "ISO" {
            failure = "Unable to find an ISO with id \(isoID)"
        } else if vm.state != .Running && vm.state != .Stopped {
            failure = "Please specify a VM that is either Stopped or Running."
        } else if iso.displayText == "xen-pv-drv-iso" && hypervisor != "XenServer" {
            failure = "Cannot attach Xenserver PV drivers to incompatible hypervisor \(hypervisor)"
        } else if inv.compute.details(vm.id)?.isoID != nil {
            // The hypervisor refuses a second ISO on the CD-ROM (TemplateService.attachISOToVM: "Will fail if the VM already has an ISO mounted").
            failure = "Failed to attach iso"
        } else if vm.state == .Running,
                  !(inv.compute.zoneCopy(of: isoID, in: vm.zoneID).map { TemplateDownload.isReady($0, now: TemplateDownload.now()) } ?? false) {
            failure = "Failed to prepare ISO ready to mount on hypervisor resource level"
        }
        s.addEvent(type: "ISO.ATTACH", description: "attaching ISO: \(isoID) to Vm: \(vm.id)", caller: ctx.caller)
        let vmID = vm.id
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vmID, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(vmID) else { return .failure(.internalError("Unable to find VM \(vmID)")) }
            state.inventory.compute.updateDetails(vmID) { $0.isoID = isoID }
            return .success(JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin)))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func detach(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let vm = s.inventory.vms[i]
        let isoID = s.inventory.compute.details(vm.id)?.isoID
        var failure: String?
        if isoID == nil {
            failure = "The specified VM has no ISO attached to it."
        } else if vm.state != .Running && vm.state != .Stopped {
            failure = "Please specify a VM that is either Stopped or Running."
        }
        s.addEvent(type: "ISO.DETACH", description: "detaching ISO: \(isoID ?? "null") from Vm: \(vm.id)", caller: ctx.caller)
        let vmID = vm.id
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: vmID, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(vmID) else { return .failure(.internalError("Unable to find VM \(vmID)")) }
            state.inventory.compute.updateDetails(vmID) { $0.isoID = nil }
            return .success(JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin)))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
