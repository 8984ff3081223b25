import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Port forwarding, firewall, egress, load balancer and IP forwarding rules")
struct NetworkRuleTests {
    @Test("seeded rules: port forwarding on source NAT addresses (ports as strings), firewall and egress rules, load balancers, static NAT rules")
    func seeded() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let pf = try await api.call("listPortForwardingRules", [("listall", "true")])
            #expect(pf.responseName == "listportforwardingrulesresponse")
            #expect(pf.list.itemKey == "portforwardingrule")
            let rule = try #require(pf.items().first)
            #expect(rule["privateport"]?.text == "22" || rule["privateport"]?.text == "53")
            #expect(rule["state"]?.text == "Active")
            #expect(rule["virtualmachineid"] != nil && rule["virtualmachinename"] != nil && rule["ipaddress"] != nil)
            let ipID = try #require(rule["ipaddressid"]?.text)
            let onIP = try await api.call("listPortForwardingRules", [("ipaddressid", ipID)]).items()
            #expect(!onIP.isEmpty && onIP.allSatisfy { $0["ipaddressid"]?.text == ipID })
            let fw = try await api.call("listFirewallRules", [("listall", "true")])
            #expect(fw.list.itemKey == "firewallrule")
            #expect(fw.items().contains { $0["protocol"]?.text == "icmp" && $0["icmptype"] == .int(-1) })
            #expect(fw.items().contains { $0["startport"] == .int(22) && $0["cidrlist"]?.text == "0.0.0.0/0" })
            let egress = try await api.call("listEgressFirewallRules", [("listall", "true")])
            #expect(egress.responseName == "listegressfirewallrulesresponse")
            #expect(egress.items().allSatisfy { $0["traffictype"]?.text == "Egress" && $0["ipaddressid"] == nil })
            let lb = try await api.call("listLoadBalancerRules", [("listall", "true")])
            #expect(lb.list.itemKey == "loadbalancerrule")
            let first = try #require(lb.items().first)
            #expect(first["publicport"]?.text == "80" && first["privateport"]?.text == "80")
            #expect(["roundrobin", "leastconn"].contains(first["algorithm"]?.text ?? ""))
            #expect(first["publicip"] != nil)
            let ipf = try await api.call("listIpForwardingRules", [("listall", "true")])
            #expect(ipf.list.itemKey == "ipforwardingrule")
            let nat = try #require(ipf.items().first)
            #expect(nat["startport"] == .int(80) && nat["endport"] == .int(443))
            #expect(nat["virtualmachineid"] != nil)
            await api.close()
        }
    }

    @Test("createPortForwardingRule: Add while the job runs, then Active, with its firewall rule; an overlapping range is a 537 conflict; delete removes it")
    func portForwarding() async throws {
        try await withSimulator(jobDelay: 3...3) { server in
            let api = try user(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("state", "Running")]).items().first)
            let vmID = try #require(vm["id"]?.text)
            let networkID = try #require(vm["nic"]?.arrayValue?.first?["networkid"]?.text)
            let ip = try #require(try await api.call("listPublicIpAddresses", [("associatednetworkid", networkID), ("issourcenat", "true")]).items().first)
            let ipID = try #require(ip["id"]?.text)
            let submit = try await api.call("createPortForwardingRule", [("ipaddressid", ipID), ("privateport", "8080"), ("publicport", "80"),
                                                                         ("protocol", "tcp"), ("virtualmachineid", vmID)])
            #expect(submit.responseName == "createportforwardingruleresponse")
            let id = try #require(submit.content["id"]?.text)
            #expect(try await api.call("listPortForwardingRules", [("id", id)]).items().first?["state"]?.text == "Add")
            let job = try await api.waitForJob(try #require(submit.jobID), command: "createPortForwardingRule")
            let created = try #require(job.result?["portforwardingrule"])
            #expect(created["state"]?.text == "Active")
            #expect(created["publicport"]?.text == "80" && created["privateport"]?.text == "8080")
            #expect(created["virtualmachineid"]?.text == vmID)
            let opened = try await api.call("listFirewallRules", [("ipaddressid", ipID)]).items()
            #expect(opened.contains { $0["startport"] == .int(80) && $0["protocol"]?.text == "tcp" })
            let conflict = await apiError {
                _ = try await api.call("createPortForwardingRule", [("ipaddressid", ipID), ("privateport", "80"), ("publicport", "79"), ("publicendport", "81"),
                                                                  ("protocol", "tcp"), ("virtualmachineid", vmID)])
            }
            #expect(conflict?.status == 537)
            #expect(conflict?.cs == 4360)
            #expect(conflict?.text == "The range specified, 79-81, conflicts with rule \(id) which has 80-80")
            let badProto = await apiError {
                _ = try await api.call("createPortForwardingRule", [("ipaddressid", ipID), ("privateport", "1"), ("publicport", "1"), ("protocol", "icmp"),
                                                                  ("virtualmachineid", vmID)])
            }
            #expect(badProto?.status == 431)
            let delete = try await api.call("deletePortForwardingRule", [("id", id)])
            #expect(delete.responseName == "deleteportforwardingruleresponse")
            #expect(try await api.call("listPortForwardingRules", [("id", id)]).items().first?["state"]?.text == "Revoke")
            _ = try await api.waitForJob(try #require(delete.jobID), command: "deletePortForwardingRule")
            let gone = await apiError { _ = try await api.call("listPortForwardingRules", [("id", id)]) }
            #expect(gone?.status == 431)
            await api.close()
        }
    }

    @Test("firewall, egress firewall and load balancer rules: create, list, delete; a VM of another network cannot be forwarded to")
    func firewallEgressAndLoadBalancer() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let networks = try await api.call("listNetworks", [("type", "isolated"), ("forvpc", "false")]).items().filter { $0["account"]?.text == "demo" }
            let networkID = try #require(networks.first?["id"]?.text)
            guard case .job(_, let assoc) = try await api.execute("associateIpAddress", [("networkid", networkID)]) else { Issue.record("no job"); return }
            let ipID = try #require(assoc.result?["ipaddress"]?["id"]?.text)
            guard case .job(let fr, let fw) = try await api.execute("createFirewallRule", [("ipaddressid", ipID), ("protocol", "tcp"), ("startport", "443"),
                                                                                           ("endport", "443"), ("cidrlist", "192.0.2.0/24,198.51.100.0/24")]) else {
                Issue.record("no job"); return
            }
            #expect(fr.responseName == "createfirewallruleresponse")
            #expect(fw.result?["firewallrule"]?["cidrlist"]?.text == "192.0.2.0/24,198.51.100.0/24")
            let fwID = try #require(fw.result?["firewallrule"]?["id"]?.text)
            guard case .job(_, let eg) = try await api.execute("createEgressFirewallRule", [("networkid", networkID), ("protocol", "udp"), ("startport", "53"),
                                                                                           ("endport", "53")]) else { Issue.record("no job"); return }
            let egID = try #require(eg.result?["firewallrule"]?["id"]?.text)
            #expect(try await api.call("listEgressFirewallRules", [("networkid", networkID)]).items().contains { $0["id"]?.text == egID })
            guard case .job(let lr, let lb) = try await api.execute("createLoadBalancerRule", [("publicipid", ipID), ("name", "web"), ("algorithm", "source"),
                                                                                              ("privateport", "8080"), ("publicport", "80")]) else { Issue.record("no job"); return }
            #expect(lr.responseName == "createloadbalancerruleresponse")
            let lbID = try #require(lb.result?["loadbalancer"]?["id"]?.text)
            #expect(lb.result?["loadbalancer"]?["algorithm"]?.text == "source")
            #expect(try await api.call("listLoadBalancerRules", [("publicipid", ipID)]).items().map { $0["id"]?.text } == [lbID])
            let badAlgorithm = await apiError { _ = try await api.call("createLoadBalancerRule", [("publicipid", ipID), ("name", "x"), ("algorithm", "random"),
                                                                                                  ("privateport", "1"), ("publicport", "2")]) }
            #expect(badAlgorithm?.status == 431)
            // A VM of another network of the same account.
            let vms = try await api.call("listVirtualMachines").items()
            let stranger = try #require(vms.first { $0["nic"]?.arrayValue?.first?["networkid"]?.text != networkID }?["id"]?.text)
            let refused = await apiError { _ = try await api.call("createPortForwardingRule", [("ipaddressid", ipID), ("privateport", "22"), ("publicport", "22"),
                                                                                              ("protocol", "tcp"), ("virtualmachineid", stranger)]) }
            #expect(refused?.text == "Vm doesn't belong to network associated with ipAddress")
            _ = try await api.execute("deleteFirewallRule", [("id", fwID)])
            _ = try await api.execute("deleteEgressFirewallRule", [("id", egID)])
            guard case .job(let ldr, _) = try await api.execute("deleteLoadBalancerRule", [("id", lbID)]) else { Issue.record("no job"); return }
            #expect(ldr.responseName == "deleteloadbalancerruleresponse")
            #expect(try await api.call("listFirewallRules", [("ipaddressid", ipID)]).content.isEmpty)
            #expect(try await api.call("listLoadBalancerRules", [("publicipid", ipID)]).content.isEmpty)
            // Deleting a firewall rule id with the port forwarding command names a wrong id.
            let wrongKind = await apiError { _ = try await api.call("deletePortForwardingRule", [("id", egID)]) }
            #expect(wrongKind?.status == 431)
            await api.close()
        }
    }

    @Test("a user sees only its own rules, and cannot delete another account's")
    func userScope() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let demo = try user(server)
            let mine = try await demo.call("listPortForwardingRules", [("listall", "true")]).items()
            let demoVMs = Set(try await demo.call("listVirtualMachines").items().compactMap { $0["id"]?.text })
            #expect(mine.allSatisfy { demoVMs.contains($0["virtualmachineid"]?.text ?? "") })
            let adminRules = try await admin.call("listPortForwardingRules").items()
            let other = try #require(adminRules.first?["id"]?.text)
            let denied = await apiError { _ = try await demo.call("deletePortForwardingRule", [("id", other)]) }
            #expect(denied?.status == 531)
            await admin.close()
            await demo.close()
        }
    }
}
