/// What listApis says of a parameter when its command does not say otherwise: its length and what it names.
enum APIParamDefaults {
    /// Parameters the server declares longer than 255 (BaseDeployVMCmd userdata, RegisterTemplateCmd url, …).
    static let lengths: [String: Int] = [
        "userdata": 1_048_576, "url": 2048, "publickey": 5120, "extraconfig": 5120, "checksum": 255,
    ]

    static func length(_ name: String) -> Int { lengths[name] ?? 255 }

    /// Parameters that name an object, by the list command of that object (the server's entityType → response class
    /// → the commands answering with it).
    static let relatedCommands: [String: String] = [
        "zoneid": "listZones", "zoneids": "listZones", "destzoneids": "listZones", "sourcezoneid": "listZones", "podid": "listPods",
        "clusterid": "listClusters", "hostid": "listHosts", "storageid": "listStoragePools", "virtualmachineid": "listVirtualMachines",
        "vmid": "listVirtualMachines", "templateid": "listTemplates", "isoid": "listIsos", "serviceofferingid": "listServiceOfferings",
        "diskofferingid": "listDiskOfferings", "networkid": "listNetworks", "networkids": "listNetworks", "vpcid": "listVPCs",
        "volumeid": "listVolumes", "volumeids": "listVolumes", "snapshotid": "listSnapshots", "vmsnapshotid": "listVMSnapshot",
        "domainid": "listDomains", "userid": "listUsers", "accountid": "listAccounts", "ostypeid": "listOsTypes",
        "affinitygroupid": "listAffinityGroups", "affinitygroupids": "listAffinityGroups", "groupid": "listInstanceGroups",
        "ipaddressid": "listPublicIpAddresses", "networkofferingid": "listNetworkOfferings", "vpcofferingid": "listVPCOfferings",
        "securitygroupid": "listSecurityGroups", "securitygroupids": "listSecurityGroups", "jobid": "queryAsyncJobResult",
        "roleid": "listRoles", "projectid": "listProjects",
    ]

    static func related(_ name: String) -> String? { relatedCommands[name] }
}
