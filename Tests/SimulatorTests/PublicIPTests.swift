import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Public IP addresses and static NAT")
struct PublicIPTests {
    @Test("every implemented isolated network has a source NAT address; static NAT addresses point at a VM of their network")
    func seeded() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listPublicIpAddresses", [("listall", "true")])
            #expect(r.responseName == "listpublicipaddressesresponse")
            #expect(r.list.itemKey == "publicipaddress")
            let ips = r.items()
            #expect(ips.allSatisfy { $0["state"]?.text == "Allocated" && $0["account"] != nil && $0["forvirtualnetwork"] == .bool(true) })
            let networks = try await api.call("listNetworks", [("listall", "true"), ("type", "isolated"), ("forvpc", "false")]).items()
            for n in networks where n["state"]?.text == "Implemented" {
                let id = n["id"]?.text
                #expect(ips.filter { $0["associatednetworkid"]?.text == id && $0["issourcenat"] == .bool(true) }.count == 1, "no source NAT for \(n["name"]?.text ?? "")")
            }
            let nat = ips.filter { $0["isstaticnat"] == .bool(true) }
            #expect(!nat.isEmpty)
            for ip in nat {
                let vmID = try #require(ip["virtualmachineid"]?.text)
                let vm = try #require(try await api.call("listVirtualMachines", [("id", vmID)]).items().first)
                #expect(vm["nic"]?.arrayValue?.first?["networkid"]?.text == ip["associatednetworkid"]?.text)
                #expect(vm["nic"]?.arrayValue?.first?["ipaddress"]?.text == ip["vmipaddress"]?.text)
                #expect(ip["virtualmachinename"]?.text == vm["name"]?.text)
            }
            let onlyNat = try await api.call("listPublicIpAddresses", [("listall", "true"), ("isstaticnat", "true")])
            #expect(onlyNat.list.count == nat.count)
            let free = try await api.call("listPublicIpAddresses", [("allocatedonly", "false"), ("state", "Free")]).items()
            #expect(!free.isEmpty && free.allSatisfy { $0["account"] == nil })

            let demo = try user(server)
            let mine = try await demo.call("listPublicIpAddresses", [("listall", "true"), ("allocatedonly", "false")]).items()
            #expect(!mine.isEmpty && mine.allSatisfy { $0["account"]?.text == "demo" })
            await api.close()
            await demo.close()
        }
    }

    @Test("associateIpAddress: Allocating while the job runs, then Allocated to the network; disassociate frees it; the source NAT address is refused")
    func associateAndRelease() async throws {
        try await withSimulator(jobDelay: 5...5) { server in
            let api = try user(server)
            let network = try #require(try await api.call("listNetworks", [("type", "isolated"), ("forvpc", "false")]).items().first)
            let networkID = try #require(network["id"]?.text)
            let submit = try await api.call("associateIpAddress", [("networkid", networkID)])
            #expect(submit.responseName == "associateipaddressresponse")
            let id = try #require(submit.content["id"]?.text)
            let during = try #require(try await api.call("listPublicIpAddresses", [("id", id)]).items().first)
            #expect(during["state"]?.text == "Allocating")
            let job = try await api.waitForJob(try #require(submit.jobID), command: "associateIpAddress")
            #expect(job.result?["ipaddress"]?["state"]?.text == "Allocated")
            #expect(job.result?["ipaddress"]?["associatednetworkid"]?.text == networkID)
            #expect(job.result?["ipaddress"]?["issourcenat"] == .bool(false))
            let release = try await api.call("disassociateIpAddress", [("id", id)])
            #expect(try await api.call("listPublicIpAddresses", [("id", id)]).items().first?["state"]?.text == "Releasing")
            _ = try await api.waitForJob(try #require(release.jobID), command: "disassociateIpAddress")
            #expect(try await api.call("listPublicIpAddresses", [("id", id)]).content.isEmpty)
            let sourceNat = try #require(try await api.call("listPublicIpAddresses", [("associatednetworkid", networkID), ("issourcenat", "true")]).items().first?["id"]?.text)
            do {
                _ = try await api.execute("disassociateIpAddress", [("id", sourceNat)])
                Issue.record("the source NAT address must not be released")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text == "IP address is used for source nat purposes and can not be disassociated.")
            }
            await api.close()
        }
    }

    @Test("enableStaticNat is sync and needs a VM of the address's network; disableStaticNat is async")
    func staticNat() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vms = try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Running")]).items()
            let networks = try await api.call("listNetworks", [("listall", "true"), ("type", "isolated"), ("forvpc", "false")]).items()
            let nats = try await api.call("listPublicIpAddresses", [("listall", "true"), ("isstaticnat", "true")]).items()
            // A VM of a network that is not yet NATed, so that enabling static NAT for it is allowed.
            let natted = Set(nats.compactMap { $0["virtualmachineid"]?.text })
            let vm = try #require(vms.first { !natted.contains($0["id"]?.text ?? "") && $0["account"]?.text == "admin" })
            let vmID = try #require(vm["id"]?.text)
            let networkID = try #require(vm["nic"]?.arrayValue?.first?["networkid"]?.text)
            let other = try #require(networks.first { $0["id"]?.text != networkID && $0["account"]?.text == "admin" }?["id"]?.text)
            guard case .job(_, let job) = try await api.execute("associateIpAddress", [("networkid", networkID)]) else { Issue.record("no job"); return }
            let ipID = try #require(job.result?["ipaddress"]?["id"]?.text)
            guard case .job(_, let otherJob) = try await api.execute("associateIpAddress", [("networkid", other)]) else { Issue.record("no job"); return }
            let otherIP = try #require(otherJob.result?["ipaddress"]?["id"]?.text)
            let wrong = await apiError { _ = try await api.call("enableStaticNat", [("ipaddressid", otherIP), ("virtualmachineid", vmID)]) }
            #expect(wrong?.status == 431)
            #expect(wrong?.text == "Vm doesn't belong to the network with specified id")
            let sourceNat = try #require(try await api.call("listPublicIpAddresses", [("associatednetworkid", networkID), ("issourcenat", "true")]).items().first?["id"]?.text)
            let snat = await apiError { _ = try await api.call("enableStaticNat", [("ipaddressid", sourceNat), ("virtualmachineid", vmID)]) }
            #expect(snat?.text.contains("is a sourceNat ip address") == true)
            let ok = try await api.call("enableStaticNat", [("ipaddressid", ipID), ("virtualmachineid", vmID)])
            #expect(ok.responseName == "enablestaticnatresponse")
            #expect(ok.jobID == nil)
            #expect(ok.content["success"] == .bool(true))
            let natIP = try #require(try await api.call("listPublicIpAddresses", [("id", ipID)]).items().first)
            #expect(natIP["isstaticnat"] == .bool(true))
            #expect(natIP["virtualmachineid"]?.text == vmID)
            guard case .job(let dr, _) = try await api.execute("disableStaticNat", [("ipaddressid", ipID)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "disablestaticnatresponse")
            #expect(try await api.call("listPublicIpAddresses", [("id", ipID)]).items().first?["isstaticnat"] == .bool(false))
            do {
                _ = try await api.execute("disableStaticNat", [("ipaddressid", ipID)])
                Issue.record("disabling twice should fail")
            } catch let CloudStackError.jobFailed(_, _, _, text) {
                #expect(text == "One to one nat is not enabled for the specified ip id")
            }
            await api.close()
        }
    }
}
