import CloudStack

/// listNics: the NICs of one VM, optionally in one network.
enum NicHandlers {
    static let fields = ["id", "networkid", "networkname", "netmask", "gateway", "ipaddress", "isdefault", "macaddress", "traffictype", "type",
                         "broadcasturi", "isolationuri", "virtualmachineid", "deviceid", "vpcid", "secondaryip"]

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let vm = inv.vms[try VirtualMachineHandlers.ownedVM(s, ctx, "virtualmachineid")]
        let networkID = try ctx.uuid("networkid") { GuestNetworkHandlers.exists(inv, $0) }
        let nicID = ctx.params.value("nicid")
        let network = inv.net.network(vm.nic.networkID)
        let core = inv.network(vm.nic.networkID)
        return try InfrastructureHandlers.page(ctx, [vm.nic], key: "nic", where: { nic in
            (networkID == nil || nic.networkID == networkID) && (nicID == nil || nic.id == nicID)
                && InfrastructureHandlers.keywordMatch(ctx, nic.ipAddress, nic.macAddress)
        }) { nic in
            var b = ObjectBuilder(capacity: 18)
            b.add("id", nic.id)
            b.add("networkid", nic.networkID)
            b.add("networkname", network?.name ?? core?.name)
            b.add("netmask", network?.netmask ?? "255.255.255.0")
            b.add("gateway", network?.gateway ?? core.map { $0.prefix + ".1" })
            b.add("ipaddress", nic.ipAddress)
            let vlan = network?.vlan ?? 100 + Int(stableHash(nic.networkID) % 3900)
            b.add("isolationuri", "vlan://\(vlan)")
            b.add("broadcasturi", "vlan://\(vlan)")
            b.add("traffictype", "Guest")
            b.add("type", network?.type ?? "Isolated")
            b.add("isdefault", true)
            b.add("macaddress", nic.macAddress)
            b.add("virtualmachineid", vm.id)
            b.add("deviceid", "0")
            if let vpcID = network?.vpcID { b.add("vpcid", vpcID) }
            b.add("secondaryip", .array([]))
            b.add("extradhcpoption", .array([]))
            return b.value
        }
    }
}
