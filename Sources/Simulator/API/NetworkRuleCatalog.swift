/// The rules part of the network area's commands: port forwarding, firewall, egress firewall, load balancer and
/// static NAT (IP forwarding) rules.
enum NetworkRuleCatalog {
    private static let user = "org.apache.cloudstack.api.command.user."
    private static let scope = APICatalog.accountScopeParams
    private static let success = ["success", "displaytext"]

    private static func spec(_ name: String, async: Bool = false, list: Bool = false, _ cls: String, _ description: String, _ params: [APIParam],
                             _ fields: [String], _ handler: @escaping Handler) -> APICommandSpec {
        APICatalog.spec(name, name.lowercased() + "response", user: true, async: async, list: list, cls: user + cls, description, params, fields, handler)
    }

    private static let listParams = [param("id", "uuid", "Lists rule with the specified ID."),
                                     param("ipaddressid", "uuid", "the ID of IP address of the port forwarding services"),
                                     param("networkid", "uuid", "list port forwarding rules for certain network")] + scope

    private static let firewallParams = [param("protocol", required: true, "the protocol for the firewall rule. Valid values are TCP/UDP/ICMP."),
                                         param("startport", "integer", "the starting port of firewall rule"), param("endport", "integer", "the ending port of firewall rule"),
                                         param("cidrlist", "list", "the CIDR list to forward traffic from. Multiple entries must be separated by a single comma character (,)."),
                                         param("icmptype", "integer", "type of the ICMP message being sent"), param("icmpcode", "integer", "error code for this icmp message"),
                                         param("type", "type of firewallrule: system/user")]

    static let commands: [APICommandSpec] = [
        spec("listPortForwardingRules", list: true, "firewall.ListPortForwardingRulesCmd", "Lists all port forwarding rules for an IP address.", listParams,
             NetworkRuleHandlers.portForwardingFields, NetworkRuleHandlers.listPortForwarding),
        spec("createPortForwardingRule", async: true, "firewall.CreatePortForwardingRuleCmd", "Creates a port forwarding rule",
             [param("ipaddressid", "uuid", required: true, "the IP address id of the port forwarding rule"),
              param("privateport", "integer", required: true, "the starting port of port forwarding rule's private port range"),
              param("privateendport", "integer", "the ending port of port forwarding rule's private port range"),
              param("protocol", required: true, "the protocol for the port forwarding rule. Valid values are TCP or UDP."),
              param("publicport", "integer", required: true, "the starting port of port forwarding rule's public port range"),
              param("publicendport", "integer", "the ending port of port forwarding rule's private port range"),
              param("virtualmachineid", "uuid", required: true, "the ID of the virtual machine for the port forwarding rule"),
              param("cidrlist", "list", "the cidr list to forward traffic from. Multiple entries must be separated by a single comma character (,)."),
              param("openfirewall", "boolean", "if true, firewall rule for source/end public port is automatically created; if false - firewall rule has to be created explicitly."),
              param("networkid", "uuid", "the network of the virtual machine the port forwarding rule will be created for. Required when public IP address is not associated with any guest network yet (VPC case)."),
              param("vmguestip", "VM guest nic secondary IP address for the port forwarding rule")],
             NetworkRuleHandlers.portForwardingFields, NetworkRuleHandlers.createPortForwarding),
        spec("deletePortForwardingRule", async: true, "firewall.DeletePortForwardingRuleCmd", "Deletes a port forwarding rule",
             [param("id", "uuid", required: true, "the ID of the port forwarding rule")], success, NetworkRuleHandlers.deletePortForwarding),
        spec("listFirewallRules", list: true, "firewall.ListFirewallRulesCmd", "Lists all firewall rules for an IP address.", listParams,
             NetworkRuleHandlers.firewallFields, NetworkRuleHandlers.listFirewall),
        spec("createFirewallRule", async: true, "firewall.CreateFirewallRuleCmd", "Creates a firewall rule for a given IP address",
             [param("ipaddressid", "uuid", required: true, "the IP address id of the port forwarding rule")] + firewallParams,
             NetworkRuleHandlers.firewallFields, NetworkRuleHandlers.createFirewall),
        spec("deleteFirewallRule", async: true, "firewall.DeleteFirewallRuleCmd", "Deletes a firewall rule",
             [param("id", "uuid", required: true, "the ID of the firewall rule")], success, NetworkRuleHandlers.deleteFirewall),
        spec("listEgressFirewallRules", list: true, "firewall.ListEgressFirewallRulesCmd", "Lists all egress firewall rules for network ID.", listParams,
             NetworkRuleHandlers.firewallFields, NetworkRuleHandlers.listEgress),
        spec("createEgressFirewallRule", async: true, "firewall.CreateEgressFirewallRuleCmd", "Creates a egress firewall rule for a given network ",
             [param("networkid", "uuid", required: true, "the network id of the port forwarding rule")] + firewallParams
                + [param("destcidrlist", "list", "the cidr list to forward traffic to. Multiple entries must be separated by a single comma character (,).")],
             NetworkRuleHandlers.firewallFields, NetworkRuleHandlers.createEgress),
        spec("deleteEgressFirewallRule", async: true, "firewall.DeleteEgressFirewallRuleCmd", "Deletes an egress firewall rule",
             [param("id", "uuid", required: true, "the ID of the firewall rule")], success, NetworkRuleHandlers.deleteEgress),
        spec("listIpForwardingRules", list: true, "nat.ListIpForwardingRulesCmd", "List the IP forwarding rules",
             [param("id", "uuid", "Lists rule with the specified ID."), param("ipaddressid", "uuid", "list the rule belonging to this public IP address"),
              param("virtualmachineid", "uuid", "Lists all rules applied to the specified VM.")] + scope,
             NetworkRuleHandlers.ipForwardingFields, NetworkRuleHandlers.listIpForwarding),
        spec("listLoadBalancerRules", list: true, "loadbalancer.ListLoadBalancerRulesCmd", "Lists load balancer rules.",
             [param("id", "uuid", "the ID of the load balancer rule"), param("name", "the name of the load balancer rule"),
              param("publicipid", "uuid", "the public IP address ID of the load balancer rule"),
              param("virtualmachineid", "uuid", "the ID of the virtual machine of the load balancer rule"),
              param("zoneid", "uuid", "the availability zone ID"), param("networkid", "uuid", "list by network ID the rule belongs to")] + scope,
             LoadBalancerHandlers.fields, LoadBalancerHandlers.list),
        spec("createLoadBalancerRule", async: true, "loadbalancer.CreateLoadBalancerRuleCmd", "Creates a load balancer rule",
             [param("name", required: true, "name of the load balancer rule"), param("description", "the description of the load balancer rule"),
              param("algorithm", required: true, "load balancer algorithm (source, roundrobin, leastconn)"),
              param("privateport", "integer", required: true, "the private port of the private IP address/virtual machine where the network traffic will be load balanced to"),
              param("publicport", "integer", required: true, "the public port from where the network traffic will be load balanced from"),
              param("publicipid", "uuid", "public IP address ID from where the network traffic will be load balanced from"),
              param("networkid", "uuid", "The guest network this rule will be created for. Required when public Ip address is not associated with any Guest network yet (VPC case)"),
              param("protocol", "The protocol for the LB such as tcp, udp or tcp-proxy."),
              param("cidrlist", "list", "the CIDR list to allow traffic, all other CIDRs will be blocked."),
              param("openfirewall", "boolean", "if true, firewall rule for source/end public port is automatically created; if false - firewall rule has to be created explicitly.")],
             LoadBalancerHandlers.fields, LoadBalancerHandlers.create),
        spec("deleteLoadBalancerRule", async: true, "loadbalancer.DeleteLoadBalancerRuleCmd", "Deletes a load balancer rule.",
             [param("id", "uuid", required: true, "the ID of the load balancer rule")], success, LoadBalancerHandlers.delete),
    ]
}
