/// The network area's commands (see APICatalog.all), with the real response names, async flags and parameters.
enum NetworkCatalog {
    static let commands: [APICommandSpec] = offerings + networks + vpcs + routers + addresses + NetworkRuleCatalog.commands + securityGroups + nics

    private static let user = "org.apache.cloudstack.api.command.user."
    private static let admin = "org.apache.cloudstack.api.command.admin."
    private static let scope = APICatalog.accountScopeParams
    private static let success = ["success", "displaytext"]

    private static func spec(_ name: String, user: Bool = true, async: Bool = false, list: Bool = false, _ cls: String, since: String = "",
                             _ description: String, _ params: [APIParam], _ fields: [String], _ handler: @escaping Handler) -> APICommandSpec {
        APICatalog.spec(name, name.lowercased() + "response", user: user, async: async, list: list, cls: cls, since: since, description, params, fields, handler)
    }

    static let offerings: [APICommandSpec] = [
        spec("listNetworkOfferings", list: true, user + "network.ListNetworkOfferingsCmd", since: "3.0.0", "Lists all available network offerings.",
             [param("id", "uuid", "list network offerings by ID"), param("name", "list network offerings by name"),
              param("displaytext", "list network offerings by display text"), param("traffictype", "list by traffic type"),
              param("isdefault", "boolean", "true if need to list only default network offerings. Default value is false"),
              param("specifyvlan", "boolean", "the tags for the network offering."), param("availability", "the availability of network offering. Default value is required"),
              param("zoneid", "uuid", "list network offerings available for network creation in specific zone"),
              param("state", "list network offerings by state"), param("guestiptype", "list network offerings by guest type: shared or isolated"),
              param("forvpc", "boolean", "the network offering can be used only for network creation inside the VPC"),
              param("sourcenatsupported", "boolean", "true if need to list only netwok offerings where source NAT is supported, false otherwise"),
              param("supportedservices", "list", "list network offerings supporting certain services")],
             NetworkOfferingHandlers.fields, NetworkOfferingHandlers.list),
        spec("listVPCOfferings", list: true, user + "vpc.ListVPCOfferingsCmd", "Lists VPC offerings",
             [param("id", "uuid", "list VPC offerings by id"), param("name", "list VPC offerings by name"), param("displaytext", "list VPC offerings by display text"),
              param("isdefault", "boolean", "true if need to list only default VPC offerings. Default value is false"),
              param("state", "list VPC offerings by state"), param("zoneid", "uuid", "id of zone VPC offering is associated with")],
             NetworkOfferingHandlers.vpcFields, NetworkOfferingHandlers.listVPC),
    ]

    static let networks: [APICommandSpec] = [
        spec("listNetworks", list: true, admin + "network.ListNetworksCmdByAdmin", "Lists all available networks.",
             [param("id", "uuid", "list networks by ID"), param("zoneid", "uuid", "the zone ID of the network"),
              param("type", "the type of the network. Supported values are: isolated, l2, shared and all"),
              param("issystem", "boolean", "true if network is system, false otherwise"),
              param("acltype", "list networks by ACL (access control list) type. Supported values are account and domain"),
              param("traffictype", "type of the traffic"), param("vpcid", "uuid", "List networks by VPC"),
              param("restartrequired", "boolean", "list networks by restartRequired"), param("forvpc", "boolean", "the network belongs to VPC"),
              param("networkofferingid", "uuid", "list networks by network offering ID"), param("name", "list networks by name")] + scope,
             GuestNetworkHandlers.fields, GuestNetworkHandlers.list),
        spec("createNetwork", admin + "network.CreateNetworkCmdByAdmin", "Creates a network",
             [param("name", required: true, "the name of the network"), param("displaytext", "the display text of the network"),
              param("networkofferingid", "uuid", required: true, "the network offering ID"), param("zoneid", "uuid", required: true, "the zone ID for the network"),
              param("gateway", "the gateway of the network. Required for shared networks and isolated networks when it belongs to VPC"),
              param("netmask", "the netmask of the network. Required for shared networks and isolated networks when it belongs to VPC"),
              param("networkdomain", "network domain"), param("vpcid", "uuid", "the VPC network belongs to"),
              param("acltype", "Access control type; supported values are account and domain."),
              param("account", "account that will own the network"), param("domainid", "uuid", "domain ID of the account owning a network")],
             GuestNetworkHandlers.fields, GuestNetworkHandlers.create),
        spec("deleteNetwork", async: true, user + "network.DeleteNetworkCmd", "Deletes a network",
             [param("id", "uuid", required: true, "the ID of the network"),
              param("forced", "boolean", "Force delete a network. Network will be marked as 'Destroy' even when commands to shutdown and cleanup to the backend fails.")],
             success, GuestNetworkHandlers.delete),
        spec("restartNetwork", async: true, user + "network.RestartNetworkCmd",
             "Restarts the network; includes 1) restarting network elements - virtual routers, DHCP servers 2) reapplying all public IPs 3) reapplying loadBalancing/portForwarding rules",
             [param("id", "uuid", required: true, "The ID of the network to restart."), param("cleanup", "boolean", "If cleanup old network elements"),
              param("makeredundant", "boolean", "Turn the network into a network with redundant routers."),
              param("livepatch", "boolean", "Live patches the router software before restarting it. This parameter will only work when 'cleanup' is false.")],
             success, GuestNetworkHandlers.restart),
    ]

    static let vpcs: [APICommandSpec] = [
        spec("listVPCs", list: true, user + "vpc.ListVPCsCmd", "Lists VPCs",
             [param("id", "uuid", "list VPC by id"), param("zoneid", "uuid", "list by zone"), param("name", "list by name"),
              param("displaytext", "List by display text of the VPC"), param("cidr", "list by cidr of the VPC. All VPC guest networks' cidrs should be within this CIDR"),
              param("vpcofferingid", "uuid", "list by ID of the VPC offering"), param("state", "list VPCs by state"),
              param("restartrequired", "boolean", "list VPCs by restartRequired option")] + scope,
             VPCHandlers.fields, VPCHandlers.list),
        spec("createVPC", async: true, user + "vpc.CreateVPCCmd", "Creates a VPC",
             [param("name", required: true, "the name of the VPC"), param("displaytext", "The display text of the VPC, defaults to its 'name'."),
              param("zoneid", "uuid", required: true, "the ID of the availability zone"),
              param("vpcofferingid", "uuid", required: true, "the ID of the VPC offering"),
              param("cidr", required: true, "the cidr of the VPC. All VPC guest networks' cidrs should be within this CIDR"),
              param("networkdomain", "VPC network domain. All networks inside the VPC will belong to this domain"),
              param("start", "boolean", "If set to false, the VPC won't start (VPC VR will not get allocated) until its first network gets implemented. True by default."),
              param("account", "the account associated with the VPC. Must be used with the domainId parameter."),
              param("domainid", "uuid", "the domain ID associated with the VPC. If used with the account parameter returns the VPC associated with the account for the specified domain.")],
             VPCHandlers.fields, VPCHandlers.create),
        spec("restartVPC", async: true, user + "vpc.RestartVPCCmd", "Restarts a VPC",
             [param("id", "uuid", required: true, "the id of the VPC"), param("cleanup", "boolean", "If cleanup old network elements"),
              param("makeredundant", "boolean", "Turn a single VPC into a redundant one."),
              param("livepatch", "boolean", "Live patches the router software before restarting it. This parameter will only work when 'cleanup' is false.")],
             success, VPCHandlers.restart),
        spec("deleteVPC", async: true, user + "vpc.DeleteVPCCmd", "Deletes a VPC", [param("id", "uuid", required: true, "the ID of the VPC")],
             success, VPCHandlers.delete),
    ]

    private static func routerAction(_ name: String, _ cls: String, _ description: String, _ extra: [APIParam], _ handler: @escaping Handler) -> APICommandSpec {
        spec(name, user: false, async: true, admin + "router." + cls, description, [param("id", "uuid", required: true, "the ID of the router")] + extra,
             RouterHandlers.fields, handler)
    }

    static let routers: [APICommandSpec] = [
        spec("listRouters", user: false, list: true, admin + "router.ListRoutersCmd", "List routers.",
             [param("id", "uuid", "the ID of the disk router"), param("name", "the name of the router"), param("state", "the state of the router"),
              param("hostid", "uuid", "the host ID of the router"), param("networkid", "uuid", "list by network id"), param("vpcid", "uuid", "List networks by VPC"),
              param("zoneid", "uuid", "the Zone ID of the router"), param("podid", "uuid", "the Pod ID of the router"),
              param("clusterid", "uuid", "the cluster ID of the router"), param("forvpc", "boolean", "if true is passed for this parameter, list only VPC routers"),
              param("version", "list virtual router elements by version"),
              param("fetchhealthcheckresults", "boolean", "if true is passed for this parameter, also fetch last executed health check results for the router. Default is false")] + scope,
             RouterHandlers.fields, RouterHandlers.list),
        routerAction("startRouter", "StartRouterCmd", "Starts a router.", [], RouterHandlers.start),
        routerAction("stopRouter", "StopRouterCmd", "Stops a router.",
                     [param("forced", "boolean", "Force stop the VM (vm is marked as Stopped even when command fails to be send to the backend, otherwise a force poweroff is attempted). The caller knows the VM is stopped.")],
                     RouterHandlers.stop),
        routerAction("rebootRouter", "RebootRouterCmd", "Starts a router.",
                     [param("forced", "boolean", "Force reboot the router (Router is force Stopped and then Started)")], RouterHandlers.reboot),
        routerAction("destroyRouter", "DestroyRouterCmd", "Destroys a router.", [], RouterHandlers.destroy),
    ]

    static let addresses: [APICommandSpec] = [
        spec("listPublicIpAddresses", list: true, user + "address.ListPublicIpAddressesCmd", "Lists all public IP addresses",
             [param("id", "uuid", "lists IP address by ID"), param("ipaddress", "lists the specified IP address"),
              param("allocatedonly", "boolean", "limits search results to allocated public IP addresses"),
              param("associatednetworkid", "uuid", "lists all public IP addresses associated to the network specified"),
              param("networkid", "uuid", "lists all public IP addresses by source network ID"), param("vpcid", "uuid", "List IPs belonging to the VPC"),
              param("zoneid", "uuid", "lists all public IP addresses by zone ID"), param("vlanid", "uuid", "lists all public IP addresses by VLAN ID"),
              param("isstaticnat", "boolean", "list only static NAT IP addresses"), param("issourcenat", "boolean", "list only source NAT IP addresses"),
              param("forvirtualnetwork", "boolean", "the virtual network for the IP address"),
              param("state", "lists all public IP addresses by state")] + scope,
             PublicIPHandlers.fields, PublicIPHandlers.list),
        spec("associateIpAddress", async: true, user + "address.AssociateIPAddrCmd", "Acquires and associates a public IP to an account.",
             [param("networkid", "uuid", "The network this IP address should be associated to."),
              param("vpcid", "uuid", "the VPC you want the IP address to be associated with"),
              param("zoneid", "uuid", "the ID of the availability zone you want to acquire an public IP address from"),
              param("ipaddress", "IP Address to be associated"),
              param("account", "the account to associate with this IP address"), param("domainid", "uuid", "the ID of the domain to associate with this IP address")],
             PublicIPHandlers.fields, PublicIPHandlers.associate),
        spec("disassociateIpAddress", async: true, user + "address.DisassociateIPAddrCmd", "Disassociates an IP address from the account.",
             [param("id", "uuid", "the ID of the public IP address to disassociate. Mutually exclusive with the ipaddress parameter"),
              param("ipaddress", "IP Address to be disassociated. Mutually exclusive with the id parameter")],
             success, PublicIPHandlers.disassociate),
        spec("enableStaticNat", user + "nat.EnableStaticNatCmd", "Enables static NAT for given IP address",
             [param("ipaddressid", "uuid", required: true, "the public IP address ID for which static NAT feature is being enabled"),
              param("virtualmachineid", "uuid", required: true, "the ID of the virtual machine for enabling static NAT feature"),
              param("networkid", "uuid", "The network of the VM the static NAT will be enabled for. Required when public IP address is not associated with any guest network yet (VPC case)"),
              param("vmguestip", "VM guest NIC secondary IP address for the port forwarding rule")],
             success, PublicIPHandlers.enableStaticNat),
        spec("disableStaticNat", async: true, user + "nat.DisableStaticNatCmd", "Disables static rule for given IP address",
             [param("ipaddressid", "uuid", required: true, "the public IP address ID for which static NAT feature is being disabled")],
             success, PublicIPHandlers.disableStaticNat),
    ]

    static let securityGroups: [APICommandSpec] = [
        spec("listSecurityGroups", list: true, user + "securitygroup.ListSecurityGroupsCmd", "Lists security groups",
             [param("id", "uuid", "list the security group by the id provided"), param("securitygroupname", "lists security groups by name"),
              param("virtualmachineid", "uuid", "lists security groups by virtual machine id")] + scope,
             SecurityGroupHandlers.fields, SecurityGroupHandlers.list),
        spec("createSecurityGroup", user + "securitygroup.CreateSecurityGroupCmd", "Creates a security group",
             [param("name", required: true, "name of the security group"), param("description", "the description of the security group"),
              param("account", "an optional account for the security group. Must be used with domainId."),
              param("domainid", "uuid", "an optional domainId for the security group. If the account parameter is used, domainId must also be used.")],
             SecurityGroupHandlers.fields, SecurityGroupHandlers.create),
        spec("deleteSecurityGroup", user + "securitygroup.DeleteSecurityGroupCmd", "Deletes security group",
             [param("id", "uuid", "The ID of the security group. Mutually exclusive with name parameter"),
              param("name", "The ID of the security group. Mutually exclusive with id parameter"),
              param("account", "the account of the security group. Must be specified with domain ID"), param("domainid", "uuid", "the domain ID of account owning the security group")],
             success, SecurityGroupHandlers.delete),
    ] + [("Ingress", false), ("Egress", true)].flatMap { direction, egress in
        [spec("authorizeSecurityGroup\(direction)", async: true, user + "securitygroup.AuthorizeSecurityGroup\(direction)Cmd",
              "Authorizes a particular \(direction.lowercased()) rule for this security group",
              [param("securitygroupid", "uuid", "The ID of the security group. Mutually exclusive with securityGroupName parameter"),
               param("securitygroupname", "The name of the security group. Mutually exclusive with securityGroupId parameter"),
               param("protocol", "TCP is default. UDP is the other supported protocol"), param("startport", "integer", "start port for this rule"),
               param("endport", "integer", "end port for this rule"), param("cidrlist", "list", "the cidr list associated. Multiple entries must be separated by a single comma character (,)."),
               param("icmptype", "integer", "type of the ICMP message being sent"), param("icmpcode", "integer", "error code for this ICMP message"),
               param("account", "an optional account for the security group. Must be used with domainId."),
               param("domainid", "uuid", "an optional domainId for the security group. If the account parameter is used, domainId must also be used.")],
              SecurityGroupHandlers.fields, SecurityGroupHandlers.authorize(egress: egress)),
         spec("revokeSecurityGroup\(direction)", async: true, user + "securitygroup.RevokeSecurityGroup\(direction)Cmd",
              "Deletes a particular \(direction.lowercased()) rule from this security group",
              [param("id", "uuid", required: true, "The ID of the \(direction.lowercased()) rule")], success, SecurityGroupHandlers.revoke(egress: egress))]
    }

    static let nics: [APICommandSpec] = [
        spec("listNics", list: true, user + "vm.ListNicsCmd", "list the vm nics  IP to NIC",
             [param("virtualmachineid", "uuid", required: true, "the ID of the vm"), param("nicid", "uuid", "the ID of the nic to list IPs"),
              param("networkid", "uuid", "list nic of the specific vm's network")],
             NicHandlers.fields, NicHandlers.list),
    ]
}
