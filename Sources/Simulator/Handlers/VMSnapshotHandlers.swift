import Foundation
import CloudStack

/// VM snapshots: create, list, revert, delete; the work is done by the VMSnapshotStrategy that can handle the snapshot.
enum VMSnapshotHandlers {
    static let fields = ["id", "name", "displayname", "description", "state", "type", "current", "parent", "parentName", "virtualmachineid",
                         "virtualmachinename", "account", "domain", "domainid", "zoneid", "created", "hypervisor"]

    static func object(_ sn: VMSnapshotRecord, _ inv: Inventory) -> JSONObject {
        let vm = inv.vmPosition(sn.vmID).map { inv.vms[$0] }
        let account = inv.account(sn.accountID)
        var b = ObjectBuilder()
        b.add("id", sn.id)
        b.add("name", sn.name)
        b.add("state", sn.state)
        if let d = sn.description { b.add("description", d) }
        b.add("displayname", sn.displayName)
        b.date("created", sn.created)
        b.add("current", sn.current)
        b.add("type", sn.type)
        b.add("virtualmachineid", sn.vmID)
        b.add("virtualmachinename", vm?.name)
        if let parent = sn.parentID {
            b.add("parent", parent)
            b.add("parentName", inv.vmSnapshots.first { $0.id == parent }?.name)
        }
        b.add("account", account?.name)
        b.add("domainid", account?.domainID)
        b.add("domain", "ROOT")
        b.add("zoneid", vm?.zoneID)
        b.add("hypervisor", vm.flatMap { inv.host($0.lastHostID)?.hypervisor } ?? "KVM")
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("vmsnapshotid") { inv.snapshotPosition($0) != nil }
        let vmID = try ctx.uuid("virtualmachineid") { inv.vmPosition($0) != nil }
        let ids = ctx.params.value("vmsnapshotids").map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let state = ctx.params.value("state")?.lowercased()
        let name = ctx.params.value("name")
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.vmSnapshots, key: "vmSnapshot", where: { sn in
            (scope.all || sn.accountID == scope.accountID) && (id == nil || sn.id == id) && (ids == nil || ids?.contains(sn.id) == true) && (vmID == nil || sn.vmID == vmID)
                && (state == nil || sn.state.lowercased() == state) && (name == nil || sn.name == name || sn.displayName == name)
                && InfrastructureHandlers.keywordMatch(ctx, sn.name, sn.displayName)
        }) { .object(object($0, inv)) }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")
        let vm = s.inventory.vms[i]
        let memory = ctx.params.bool("snapshotmemory") == true
        guard vm.state == .Running || vm.state == .Stopped else {
            throw APIError.invalid("VM snapshot is not allowed: the VM \(vm.displayName) is in \(vm.state.rawValue) state; it must be Running or Stopped")
        }
        if memory && vm.state != .Running {
            throw APIError.invalid("Can not snapshot memory when VM is not in Running state")
        }
        let id = s.inventory.newID()
        let stamp = APIDate.string(APIDate.now()).filter { $0.isNumber }.prefix(14)
        let parent = s.inventory.vmSnapshots.last { $0.vmID == vm.id && $0.current }?.id
        for k in s.inventory.vmSnapshots.indices where s.inventory.vmSnapshots[k].vmID == vm.id { s.inventory.vmSnapshots[k].current = false }
        let sn = VMSnapshotRecord(id: id, name: "\(vm.instanceName)_VS_\(stamp)", displayName: ctx.params.value("name") ?? "\(vm.instanceName)_VS_\(stamp)",
                                  description: ctx.params.value("description"), state: "Allocated", type: memory ? "DiskAndMemory" : "Disk",
                                  current: true, parentID: parent, vmID: vm.id, accountID: vm.accountID, created: APIDate.now(),
                                  quiesceVM: ctx.params.bool("quiescevm") ?? false)
        s.inventory.vmSnapshots.append(sn)
        let job = JobRunner.submit(&s, ctx, instanceType: "VMSnapshot", instanceID: id, action: .createVMSnapshot(id))
        if let k = s.inventory.snapshotPosition(id) { s.inventory.vmSnapshots[k].state = "Creating" }
        return JSONObject([("id", .string(id)), ("jobid", .string(job))])
    }

    static func owned(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let id = try ctx.required("vmsnapshotid")
        guard let k = s.inventory.snapshotPosition(id) else { throw APIError.badValue(ctx.commandLabel, "vmsnapshotid", id) }
        guard ctx.owns(s.inventory.vmSnapshots[k].accountID) else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(id)")
        }
        return k
    }

    static func revert(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let sn = s.inventory.vmSnapshots[k]
        var failure: String?
        if sn.state != "Ready" {
            failure = "VM Snapshot \(sn.displayName) is not in Ready state (current state: \(sn.state)); only a Ready snapshot can be reverted to"
        } else if let i = s.inventory.vmPosition(sn.vmID), s.inventory.vms[i].state != .Stopped && !(s.inventory.vms[i].state == .Running && sn.type == "DiskAndMemory") {
            failure = "VM Snapshot reverting failed due to vm is not in the state of Running or Stopped: the VM \(s.inventory.vms[i].displayName) is \(s.inventory.vms[i].state.rawValue); stop it before reverting to a disk-only snapshot"
        }
        let job = JobRunner.submit(&s, ctx, instanceType: "VMSnapshot", instanceID: sn.id, action: .revertVMSnapshot(sn.id), failure: failure)
        return JSONObject([("jobid", .string(job))])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let k = try owned(s, ctx)
        let sn = s.inventory.vmSnapshots[k]
        var failure: String?
        if !["Ready", "Expunging", "Error"].contains(sn.state) {
            failure = "Can't delete the vm snapshot \(sn.displayName) due to it is not in Created or Error, or Expunging State"
        } else {
            s.inventory.vmSnapshots[k].state = "Expunging"
        }
        let job = JobRunner.submit(&s, ctx, instanceType: "VMSnapshot", instanceID: sn.id, action: .deleteVMSnapshot(sn.id), failure: failure)
        return JSONObject([("jobid", .string(job))])
    }

    private static func context(_ id: String, _ s: SimState) -> (Int, Int?, Int?)? {
        guard let k = s.inventory.snapshotPosition(id) else { return nil }
        let vmIdx = s.inventory.vmPosition(s.inventory.vmSnapshots[k].vmID)
        let poolIdx = vmIdx.flatMap { s.inventory.poolPosition(s.inventory.vms[$0].poolID) }
        return (k, vmIdx, poolIdx)
    }

    static func finishCreate(_ id: String, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let (k, vmIdx, poolIdx) = context(id, s), let vmIdx else { return .failure(.internalError("Unable to find VM snapshot \(id)")) }
        var sn = s.inventory.vmSnapshots[k]
        var pool = poolIdx.map { s.inventory.storagePools[$0] }
        let strategy = VMSnapshotStrategies.strategy(for: sn, vm: s.inventory.vms[vmIdx], pool: pool)
        do {
            try strategy.takeVMSnapshot(&sn, vm: s.inventory.vms[vmIdx], pool: &pool)
        } catch let e as APIError {
            s.inventory.vmSnapshots[k].state = "Error"
            return .failure(e)
        } catch {
            s.inventory.vmSnapshots[k].state = "Error"
            return .failure(.internalError("Failed to create vm snapshot"))
        }
        s.inventory.vmSnapshots[k] = sn
        if let poolIdx, let pool { s.inventory.storagePools[poolIdx] = pool }
        return .success(JSONObject([("vmsnapshot", .object(object(sn, s.inventory)))]))
    }

    static func finishRevert(_ id: String, admin: Bool, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let (k, vmIdx, poolIdx) = context(id, s), let vmIdx else { return .failure(.internalError("Unable to find VM snapshot \(id)")) }
        let sn = s.inventory.vmSnapshots[k]
        var vm = s.inventory.vms[vmIdx]
        let strategy = VMSnapshotStrategies.strategy(for: sn, vm: vm, pool: poolIdx.map { s.inventory.storagePools[$0] })
        do { try strategy.revertVMSnapshot(sn, vm: &vm) } catch { return .failure(.internalError("Failed to revert VM snapshot \(sn.displayName)")) }
        s.inventory.vms[vmIdx] = vm
        for j in s.inventory.vmSnapshots.indices where s.inventory.vmSnapshots[j].vmID == vm.id { s.inventory.vmSnapshots[j].current = s.inventory.vmSnapshots[j].id == id }
        return .success(JSONObject([("virtualmachine", .object(VirtualMachineHandlers.object(vm, s.inventory, admin: admin)))]))
    }

    static func finishDelete(_ id: String, _ s: inout SimState) -> Result<JSONObject, APIError> {
        guard let (k, vmIdx, poolIdx) = context(id, s) else { return .failure(.internalError("Unable to find VM snapshot \(id)")) }
        let sn = s.inventory.vmSnapshots[k]
        var pool = poolIdx.map { s.inventory.storagePools[$0] }
        if let vmIdx {
            VMSnapshotStrategies.strategy(for: sn, vm: s.inventory.vms[vmIdx], pool: pool).deleteVMSnapshot(sn, pool: &pool)
        }
        if let poolIdx, let pool { s.inventory.storagePools[poolIdx] = pool }
        s.inventory.vmSnapshots.remove(at: k)
        return .success(JSONObject([("success", .bool(true))]))
    }
}
