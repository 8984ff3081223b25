/// A VM's effective size: its custom values on a custom offering, else its offering's.
enum ComputeSizes {
    /// CPU cores, MHz and MB of a VM: its custom values on a custom offering, else its offering's.
    static func of(_ vm: VirtualMachineRecord, _ inv: Inventory) -> (cpuNumber: Int, cpuSpeed: Int, memory: Int) {
        let o = inv.offering(vm.serviceOfferingID)
        let d = inv.compute.details(vm.id)
        return (d?.cpuNumber ?? o?.cpuNumber ?? 1, d?.cpuSpeed ?? o?.cpuSpeed ?? 1000, d?.memory ?? o?.memory ?? 512)
    }
}
