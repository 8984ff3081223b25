import CloudStack

/// scaleVirtualMachine (async: a Stopped VM changes offering; a Running one only scales up, when its offering, its
/// template and the VM itself allow dynamic scaling) and changeServiceForVirtualMachine (sync, Stopped VMs), with
/// UserVmManagerImpl's checks and texts.
enum VMScaleHandlers {
    /// The new offering and, for a custom one, the custom size; nil custom for a fixed offering.
    static func target(_ ctx: RequestContext, _ inv: Inventory) throws -> (ServiceOfferingRecord, (Int, Int, Int)?) {
        let id = try ctx.required("serviceofferingid")
        guard let offering = inv.offering(id) else { throw APIError.badValue(ctx.commandLabel, "serviceofferingid", id) }
        return (offering, offering.isCustomized == true ? try DeployVMHandlers.customSize(ctx, offering) : nil)
    }

    /// checkIfCanUpgrade: the VM Stopped or Running, and not already on this (fixed) offering.
    static func upgradeProblem(_ vm: VirtualMachineRecord, _ offering: ServiceOfferingRecord) -> String? {
        if vm.state != .Stopped && vm.state != .Running {
            return "Unable to upgrade virtual machine \(ComputeAccess.label(vm))  in state \(vm.state.rawValue); make sure the virtual machine is stopped/running"
        }
        if offering.isCustomized != true && vm.serviceOfferingID == offering.id {
            return "Not upgrading vm \(ComputeAccess.label(vm)) since it already has the requested service offering (\(offering.name))"
        }
        return nil
    }

    static func apply(_ i: Int, _ offering: ServiceOfferingRecord, _ custom: (Int, Int, Int)?, _ inv: inout Inventory) {
        inv.vms[i].serviceOfferingID = offering.id
        inv.compute.updateDetails(inv.vms[i].id) { d in
            d.cpuNumber = custom?.0
            d.cpuSpeed = custom?.1
            d.memory = custom?.2
        }
    }

    static func changeService(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let vm = s.inventory.vms[i]
        let offeringID = try ctx.required("serviceofferingid")
        if s.inventory.offering(offeringID) == nil { throw APIError.badValue(ctx.commandLabel, "serviceofferingid", offeringID) }
        if vm.state != .Stopped {
            throw APIError.invalid("Unable to upgrade virtual machine \(ComputeAccess.label(vm))  in state \(vm.state.rawValue); make sure the virtual machine is stopped")
        }
        let (offering, custom) = try target(ctx, s.inventory)
        if let text = upgradeProblem(vm, offering) { throw APIError.invalid(text) }
        apply(i, offering, custom, &s.inventory)
        s.addEvent(type: "VM.UPGRADE", description: "upgrading Vm. Vm Id: \(vm.id)", caller: ctx.caller)
        return JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(s.inventory.vms[i], s.inventory, admin: ctx.caller.isAdmin)))])
    }

    static func scale(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx)
        let inv = s.inventory
        let vm = inv.vms[i]
        let offeringID = try ctx.required("serviceofferingid")
        guard let offering = inv.offering(offeringID) else { throw APIError.badValue(ctx.commandLabel, "serviceofferingid", offeringID) }
        // The checks run in the job, as ScaleVMCmd's execute; a failed one fails the job.
        var failure: String?
        var custom: (Int, Int, Int)?
        do {
            custom = offering.isCustomized == true ? try DeployVMHandlers.customSize(ctx, offering) : nil
        } catch let e as APIError {
            failure = e.text
        }
        if failure == nil { failure = upgradeProblem(vm, offering) }
        if failure == nil, vm.state == .Running { failure = liveScaleProblem(vm, offering, custom, inv) }
        s.addEvent(type: "VM.UPGRADE", description: "Upgrading VM. Vm Id: \(vm.id)", caller: ctx.caller)
        let id = vm.id, size = custom
        let job = JobRunner.submit(&s, ctx, instanceType: "VirtualMachine", instanceID: id, action: .run { state, admin in
            guard let k = state.inventory.vmPosition(id) else { return .failure(.internalError("Unable to find VM \(id)")) }
            apply(k, offering, size, &state.inventory)
            return .success(JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(state.inventory.vms[k], state.inventory, admin: admin)))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    /// upgradeRunningVirtualMachine's refusals (enable.dynamic.scale.vm is taken as true in the simulator).
    static func liveScaleProblem(_ vm: VirtualMachineRecord, _ offering: ServiceOfferingRecord, _ custom: (Int, Int, Int)?, _ inv: Inventory) -> String? {
        guard let current = inv.offering(vm.serviceOfferingID) else { return nil }
        if (offering.dynamicScalingEnabled ?? true) != (current.dynamicScalingEnabled ?? true) {
            return "Unable to Scale VM: since dynamic scaling enabled flag is not same for new service offering and old service offering"
        }
        let now = ComputeSizes.of(vm, inv)
        let newCpu = custom?.0 ?? offering.cpuNumber, newSpeed = custom?.1 ?? offering.cpuSpeed, newMemory = custom?.2 ?? offering.memory
        if newSpeed < now.cpuSpeed || newMemory < now.memory || newCpu < now.cpuNumber
            || (newSpeed == now.cpuSpeed && newMemory == now.memory && newCpu == now.cpuNumber) {
            return "While the VM is running, only scalling up it is supported. New service offering {\"memory\": \(newMemory), \"speed\": \(newSpeed), \"cpu\": \(newCpu)} should have at least one value (ram, speed or cpu) greater than the current values {\"memory\": \(now.memory), \"speed\": \(now.cpuSpeed), \"cpu\": \(now.cpuNumber)}."
        }
        let host = inv.host(vm.hostID)
        if host?.hypervisor == "KVM" && current.isCustomized != true {
            return "Unable to live scale VM on KVM when current service offering is a \"Fixed Offering\". KVM needs the tag \"maxMemory\" to live scale and it is only configured when VM is deployed with a custom service offering and \"Dynamic Scalable\" is enabled."
        }
        if inv.compute.details(vm.id)?.dynamicallyScalable != true {
            return "Unable to scale \(ComputeAccess.label(vm)) as it does not have tools to support dynamic scaling."
        }
        if let host {
            let used = VMPlacement.usage(inv, hosts: [host.id])[host.id] ?? (0, 0)
            let extraCPU = newCpu * newSpeed - now.cpuNumber * now.cpuSpeed
            let extraMemory = newMemory - now.memory
            if !VMPlacement.fits(host, cpu: max(0, extraCPU), memoryMB: max(0, extraMemory), used: used) {
                return "Unable to scale \(ComputeAccess.label(vm)) due to insufficient resources."
            }
        }
        return nil
    }
}
