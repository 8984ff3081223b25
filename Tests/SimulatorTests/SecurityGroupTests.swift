import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Security groups")
struct SecurityGroupTests {
    @Test("every account has a default group; rules carry ruleid, protocol, ports, cidr and ICMP type/code; a user sees its own groups")
    func list() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let all = try await admin.call("listSecurityGroups", [("listall", "true")])
            #expect(all.responseName == "listsecuritygroupsresponse")
            #expect(all.list.itemKey == "securitygroup")
            let accounts = try await admin.call("listAccounts", [("listall", "true")]).items().compactMap { $0["name"]?.text }
            for account in accounts {
                #expect(all.items().contains { $0["name"]?.text == "default" && $0["account"]?.text == account }, "no default group for \(account)")
            }
            let demo = try user(server)
            let mine = try await demo.call("listSecurityGroups").items()
            #expect(mine.allSatisfy { $0["account"]?.text == "demo" })
            let web = try #require(mine.first { $0["name"]?.text == "web" })
            let ingress = web["ingressrule"]?.arrayValue ?? []
            #expect(ingress.contains { $0["protocol"]?.text == "tcp" && $0["startport"] == .int(443) && $0["endport"] == .int(443) && $0["cidr"]?.text == "0.0.0.0/0" })
            #expect(ingress.contains { $0["protocol"]?.text == "icmp" && $0["icmptype"] == .int(-1) && $0["icmpcode"] == .int(-1) })
            #expect(ingress.allSatisfy { $0["ruleid"] != nil })
            #expect(web["egressrule"]?.arrayValue?.isEmpty == false)
            await admin.close()
            await demo.close()
        }
    }

    @Test("create is sync, a duplicate name is refused, authorize and revoke are async, the default group cannot be deleted")
    func lifecycle() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let created = try await api.call("createSecurityGroup", [("name", "db"), ("description", "database access")])
            #expect(created.responseName == "createsecuritygroupresponse")
            #expect(created.jobID == nil)
            let id = try #require(created.content["securitygroup"]?["id"]?.text)
            #expect(created.content["securitygroup"]?["ingressrule"]?.arrayValue?.isEmpty == true)
            let duplicate = await apiError { _ = try await api.call("createSecurityGroup", [("name", "db")]) }
            #expect(duplicate?.status == 431)
            #expect(duplicate?.text == "Unable to create security group, a group with name db already exists.")
            guard case .job(let ar, let auth) = try await api.execute("authorizeSecurityGroupIngress", [("securitygroupid", id), ("protocol", "tcp"),
                                                                                                       ("startport", "5432"), ("endport", "5432"),
                                                                                                       ("cidrlist", "10.0.0.0/8")]) else { Issue.record("no job"); return }
            #expect(ar.responseName == "authorizesecuritygroupingressresponse")
            let rule = try #require(auth.result?["securitygroup"]?["ingressrule"]?.arrayValue?.first)
            #expect(rule["startport"] == .int(5432) && rule["cidr"]?.text == "10.0.0.0/8")
            let ruleID = try #require(rule["ruleid"]?.text)
            _ = try await api.execute("authorizeSecurityGroupEgress", [("securitygroupname", "db"), ("protocol", "icmp"), ("icmptype", "8"), ("icmpcode", "0")])
            let group = try #require(try await api.call("listSecurityGroups", [("id", id)]).items().first)
            #expect(group["ingressrule"]?.arrayValue?.count == 1)
            #expect(group["egressrule"]?.arrayValue?.first?["icmptype"] == .int(8))
            let badPorts = await apiError { _ = try await api.call("authorizeSecurityGroupIngress", [("securitygroupid", id), ("protocol", "tcp"), ("startport", "10")]) }
            #expect(badPorts?.status == 431)
            guard case .job(let rr, _) = try await api.execute("revokeSecurityGroupIngress", [("id", ruleID)]) else { Issue.record("no job"); return }
            #expect(rr.responseName == "revokesecuritygroupingressresponse")
            #expect(try await api.call("listSecurityGroups", [("id", id)]).items().first?["ingressrule"]?.arrayValue?.isEmpty == true)
            let defaultID = try #require(try await api.call("listSecurityGroups", [("securitygroupname", "default")]).items().first?["id"]?.text)
            let reserved = await apiError { _ = try await api.call("deleteSecurityGroup", [("id", defaultID)]) }
            #expect(reserved?.status == 431)
            #expect(reserved?.text == "The network group default is reserved")
            let deleted = try await api.call("deleteSecurityGroup", [("id", id)])
            #expect(deleted.responseName == "deletesecuritygroupresponse")
            #expect(deleted.content["success"] == .bool(true))
            #expect(try await api.call("listSecurityGroups", [("securitygroupname", "db")]).content.isEmpty)
            await api.close()
        }
    }
}
