import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("VPCs")
struct VPCTests {
    @Test("listVPCs: seeded VPCs with their tiers and offering; a user sees its own only")
    func list() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listVPCs", [("listall", "true")])
            #expect(r.responseName == "listvpcsresponse")
            #expect(r.list.itemKey == "vpc")
            let vpcs = r.items()
            #expect(vpcs.count == 2)
            let acme = try #require(vpcs.first { $0["account"]?.text == "acme-corp" })
            #expect(acme["state"]?.text == "Enabled")
            #expect(acme["cidr"]?.text == "10.200.0.0/16")
            #expect(acme["vpcofferingname"]?.text == "Default VPC offering")
            #expect(Set(acme["network"]?.arrayValue?.compactMap { $0["name"]?.text } ?? []) == ["acme-corp-web", "acme-corp-db"])
            #expect(vpcs.contains { $0["redundantvpcrouter"] == .bool(true) })
            let demo = try user(server)
            let mine = try await demo.call("listVPCs", [("listall", "true")]).items()
            #expect(mine.count == 1 && mine.first?["account"]?.text == "demo")
            await api.close()
            await demo.close()
        }
    }

    @Test("createVPC answers id and jobid; the VPC is listed at once, and the job gives it a router and a source NAT address")
    func create() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let zoneID = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let offering = try #require(try await api.call("listVPCOfferings", [("name", "Default VPC offering")]).items().first?["id"]?.text)
            let submit = try await api.call("createVPC", [("name", "qa-vpc"), ("zoneid", zoneID), ("vpcofferingid", offering), ("cidr", "10.50.0.0/16")])
            #expect(submit.responseName == "createvpcresponse")
            let id = try #require(submit.content["id"]?.text)
            let jobID = try #require(submit.jobID)
            #expect(try await api.call("listVPCs", [("id", id)]).items().first?["name"]?.text == "qa-vpc")
            let job = try await api.waitForJob(jobID, command: "createVPC")
            #expect(job.result?["vpc"]?["id"]?.text == id)
            #expect(job.result?["vpc"]?["cidr"]?.text == "10.50.0.0/16")
            let ips = try await api.call("listPublicIpAddresses", [("vpcid", id)]).items()
            #expect(ips.count == 1 && ips.first?["issourcenat"] == .bool(true))
            let admin = try admin(server)
            #expect(try await admin.call("listRouters", [("listall", "true"), ("vpcid", id)]).items().count == 1)
            let bad = await apiError { _ = try await api.call("createVPC", [("name", "x"), ("zoneid", zoneID), ("vpcofferingid", offering), ("cidr", "10.50.0.0")]) }
            #expect(bad?.status == 431)
            #expect(bad?.text == "Invalid CIDR specified 10.50.0.0")
            // A tier inside the VPC is created at once, Implemented; one outside the VPC's CIDR is refused.
            let tierOffering = try #require(try await api.call("listNetworkOfferings", [("name", "DefaultIsolatedNetworkOfferingForVpcNetworks")]).items().first?["id"]?.text)
            let tier = try await api.call("createNetwork", [("name", "app"), ("networkofferingid", tierOffering), ("zoneid", zoneID), ("vpcid", id),
                                                           ("gateway", "10.50.1.1"), ("netmask", "255.255.255.0")])
            #expect(tier.content["network"]?["vpcid"]?.text == id)
            #expect(tier.content["network"]?["cidr"]?.text == "10.50.1.0/24")
            let outside = await apiError { _ = try await api.call("createNetwork", [("name", "bad"), ("networkofferingid", tierOffering), ("zoneid", zoneID),
                                                                                   ("vpcid", id), ("gateway", "10.60.1.1"), ("netmask", "255.255.255.0")]) }
            #expect(outside?.status == 431)
            // deleteVPC refuses while the tier is there.
            do {
                _ = try await api.execute("deleteVPC", [("id", id)])
                Issue.record("delete should fail")
            } catch let CloudStackError.jobFailed(_, _, _, text) {
                #expect(text == "Can't delete VPC qa-vpc as its used by 1 networks")
            }
            _ = try await api.execute("deleteNetwork", [("id", try #require(tier.content["network"]?["id"]?.text))])
            guard case .job(let dr, let deleted) = try await api.execute("deleteVPC", [("id", id)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "deletevpcresponse")
            #expect(deleted.result?["success"] == .bool(true))
            #expect(try await admin.call("listRouters", [("listall", "true"), ("forvpc", "true")]).items().allSatisfy { $0["vpcid"]?.text != id })
            #expect(try await api.call("listPublicIpAddresses", [("ipaddress", ips.first?["ipaddress"]?.text ?? "")]).content.isEmpty)
            await api.close()
            await admin.close()
        }
    }

    @Test("restartVPC cleanup=true gives the VPC new routers; without cleanup they stay")
    func restart() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vpc = try #require(try await api.call("listVPCs", [("listall", "true"), ("name", "acme-corp-vpc")]).items().first)
            let id = try #require(vpc["id"]?.text)
            let before = try await api.call("listRouters", [("listall", "true"), ("vpcid", id)]).items().compactMap { $0["id"]?.text }
            #expect(before.count == 1)
            guard case .job(let rr, _) = try await api.execute("restartVPC", [("id", id)]) else { Issue.record("no job"); return }
            #expect(rr.responseName == "restartvpcresponse")
            #expect(try await api.call("listRouters", [("listall", "true"), ("vpcid", id)]).items().compactMap { $0["id"]?.text } == before)
            _ = try await api.execute("restartVPC", [("id", id), ("cleanup", "true")])
            let after = try await api.call("listRouters", [("listall", "true"), ("vpcid", id)]).items().compactMap { $0["id"]?.text }
            #expect(after.count == 1 && after != before)
            await api.close()
        }
    }
}
