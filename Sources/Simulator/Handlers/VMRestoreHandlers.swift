import CloudStack

/// restoreVirtualMachine (async: a new ROOT disk from the VM's template or another one; a running VM is restarted on
/// it) and resetPasswordForVirtualMachine (async: a Stopped VM of a password enabled template gets a new password,
/// answered once in the job result and never listed).
enum VMRestoreHandlers {
    static func restore(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let inv = s.inventory
        let vm = inv.vms[i]
        let newTemplate = try ctx.uuid("templateid") { id in inv.template(id).map { $0.removed == nil && $0.format != "ISO" } ?? false }
        let templateID = newTemplate ?? vm.templateID
        if let t = inv.template(templateID), t.isPublic != true && t.accountID != vm.accountID && !ctx.caller.isAdmin {
            throw ComputeAccess.denied(ctx, templateID)
        }
        var failure: String?
        if vm.state != .Running && vm.state != .Stopped {
            failure = "Vm \(vm.id) currently in \(vm.state.rawValue) state, restore vm can only execute when VM in Running or Stopped"
        } else if VolumeAccess.hasVMSnapshots(inv, vmID: vm.id) {
            failure = "Unable to restore VM, please remove VM snapshots before restoring VM"
        } else if let t = inv.template(templateID), !(inv.compute.zoneCopy(of: templateID, in: vm.zoneID).map { TemplateDownload.isReady($0, now: TemplateDownload.now()) } ?? false) {
            failure = "Template \(t.name) has not been completely downloaded to zone \(vm.zoneID)"
        }
        s.addEvent(type: "VM.RESTORE", description: "restoring Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: id, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
            // The old ROOT disk is deleted from its pool and a new one made from the template, through the pool's driver.
            let old = state.inventory.volumes(ofVM: k).first { $0.type == .ROOT } ?? RootVolumes.record(state.inventory.vms[k])
            let size = max(RootVolumes.sizeBytes(templateID: templateID), old.sizeBytes)
            if let p = state.inventory.poolIndex(of: old) {
                var pool = state.inventory.storagePools[p]
                let driver = VolumeAccess.driver(pool)
                driver.deleteAsync(DataObject(id: old.id, sizeBytes: old.sizeBytes), on: &pool)
                try? driver.createAsync(DataObject(id: old.id, sizeBytes: size), on: &pool)
                state.inventory.storagePools[p] = pool
            }
            state.inventory.vms[k].templateID = templateID
            if state.inventory.volumes.isMaterialized(vmID: id),
               let position = state.inventory.volumes.positions(attachedTo: id).first(where: { state.inventory.volumes.records[$0].type == .ROOT }) {
                state.inventory.volumes.update(at: position) { r in
                    r.templateID = templateID
                    r.sizeBytes = size
                }
            }
            let template = state.inventory.template(templateID)
            if template?.dynamicallyScalable != true { state.inventory.compute.updateDetails(id) { $0.dynamicallyScalable = nil } }
            let password = template?.passwordEnabled == true ? PasswordGenerator.make() : nil
            let vm = VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin, password: password)
            return .success(JSONObject([("virtualmachine", .object(vm))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func resetPassword(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let inv = s.inventory
        let vm = inv.vms[i]
        var failure: String?
        if inv.template(vm.templateID)?.passwordEnabled != true {
            failure = "Fail to reset password for the virtual machine, the template is not password enabled"
        } else if vm.state == .Error || vm.state == .Expunging {
            failure = "Vm with id \(vm.id) is not in the right state"
        } else if vm.state != .Stopped {
            failure = "Vm \(ComputeAccess.label(vm)) should be stopped to do password reset"
        }
        let password = ctx.params.value("password") ?? PasswordGenerator.make()
        s.addEvent(type: "VM.RESETPASSWORD", description: "resetting Vm password. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: id, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
            let vm = VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin, password: password)
            return .success(JSONObject([("virtualmachine", .object(vm))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
