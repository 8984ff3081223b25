import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Network offerings and guest networks")
struct NetworkTests {
    static func offeringID(_ api: CloudStackClient, _ name: String) async throws -> String {
        let r = try await api.call("listNetworkOfferings", [("name", name)])
        return try #require(r.items().first?["id"]?.text)
    }

    @Test("listNetworkOfferings serves the default offerings with their guest type, services and flags; filters by guest type and forvpc")
    func offerings() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let all = try await api.call("listNetworkOfferings")
            #expect(all.responseName == "listnetworkofferingsresponse")
            let byName = Dictionary(all.items().compactMap { o in o["name"]?.text.map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
            let sourceNat = try #require(byName["DefaultIsolatedNetworkOfferingWithSourceNatService"])
            #expect(sourceNat["guestiptype"]?.text == "Isolated")
            #expect(sourceNat["state"]?.text == "Enabled")
            #expect(sourceNat["traffictype"]?.text == "Guest")
            #expect(sourceNat["isdefault"] == .bool(true))
            #expect(sourceNat["forvpc"] == .bool(false))
            let services = sourceNat["service"]?.arrayValue?.compactMap { $0["name"]?.text } ?? []
            #expect(services.contains("SourceNat") && services.contains("StaticNat") && services.contains("PortForwarding"))
            #expect(byName["DefaultSharedNetworkOffering"]?["specifyvlan"] == .bool(true))
            #expect(byName["DefaultL2NetworkOffering"]?["guestiptype"]?.text == "L2")
            #expect(byName["DefaultIsolatedNetworkOfferingForVpcNetworks"]?["forvpc"] == .bool(true))
            let shared = try await api.call("listNetworkOfferings", [("guestiptype", "Shared")]).items()
            #expect(!shared.isEmpty && shared.allSatisfy { $0["guestiptype"]?.text == "Shared" })
            let vpc = try await api.call("listNetworkOfferings", [("forvpc", "true")]).items()
            #expect(!vpc.isEmpty && vpc.allSatisfy { $0["forvpc"] == .bool(true) })
            let vpcOfferings = try await api.call("listVPCOfferings")
            #expect(vpcOfferings.responseName == "listvpcofferingsresponse")
            #expect(vpcOfferings.items().contains { $0["name"]?.text == "Default VPC offering" && $0["isdefault"] == .bool(true) })
            await api.close()
        }
    }

    @Test("listNetworks: the fields an operator scans, filters by type, zone and VPC; a user sees its own networks and the shared ones")
    func listNetworks() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let all = try await admin.call("listNetworks", [("listall", "true")])
            #expect(all.responseName == "listnetworksresponse")
            let isolated = try #require(all.items().first { $0["type"]?.text == "Isolated" && $0["vpcid"] == nil })
            for field in ["id", "name", "displaytext", "state", "cidr", "gateway", "netmask", "zoneid", "zonename", "account", "domain",
                          "networkofferingid", "networkofferingname", "restartrequired", "redundantrouter", "traffictype", "acltype"] {
                #expect(isolated[field] != nil, "missing \(field)")
            }
            #expect(isolated["acltype"]?.text == "Account")
            #expect(["Allocated", "Implemented"].contains(isolated["state"]?.text ?? ""))
            let states = Set(all.items().compactMap { $0["state"]?.text })
            #expect(states.contains("Implemented") && states.contains("Setup"))
            let shared = try await admin.call("listNetworks", [("listall", "true"), ("type", "shared")]).items()
            #expect(!shared.isEmpty && shared.allSatisfy { $0["type"]?.text == "Shared" && $0["acltype"]?.text == "Domain" })
            let zoneID = try #require(isolated["zoneid"]?.text)
            let inZone = try await admin.call("listNetworks", [("listall", "true"), ("zoneid", zoneID)]).items()
            #expect(!inZone.isEmpty && inZone.allSatisfy { $0["zoneid"]?.text == zoneID })
            let tiers = try await admin.call("listNetworks", [("listall", "true"), ("forvpc", "true")]).items()
            let vpcID = try #require(tiers.first?["vpcid"]?.text)
            let byVPC = try await admin.call("listNetworks", [("listall", "true"), ("vpcid", vpcID)]).items()
            #expect(!byVPC.isEmpty && byVPC.allSatisfy { $0["vpcid"]?.text == vpcID && $0["vpcname"] != nil })
            let bad = await apiError { _ = try await admin.call("listNetworks", [("type", "bridged")]) }
            #expect(bad?.status == 431)

            let demo = try user(server)
            let mine = try await demo.call("listNetworks", [("listall", "true")]).items()
            #expect(!mine.isEmpty)
            #expect(mine.allSatisfy { $0["account"]?.text == "demo" || $0["type"]?.text == "Shared" })
            #expect(mine.contains { $0["account"]?.text == "demo" })
            #expect(mine.allSatisfy { $0["vlan"] == nil && $0["broadcasturi"] == nil })
            await admin.close()
            await demo.close()
        }
    }

    @Test("createNetwork is sync: a new Isolated network is Allocated; a VPC offering without a VPC is refused with 431")
    func createNetwork() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let zoneID = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let offering = try await Self.offeringID(api, "DefaultIsolatedNetworkOfferingWithSourceNatService")
            let r = try await api.call("createNetwork", [("name", "qa-net"), ("networkofferingid", offering), ("zoneid", zoneID)])
            #expect(r.responseName == "createnetworkresponse")
            #expect(r.jobID == nil)
            let network = try #require(r.content["network"])
            #expect(network["state"]?.text == "Allocated")
            #expect(network["type"]?.text == "Isolated")
            #expect(network["displaytext"]?.text == "qa-net")
            #expect(network["account"]?.text == "demo")
            #expect(network["cidr"]?.text == "10.1.1.0/24")
            let id = try #require(network["id"]?.text)
            #expect(try await api.call("listNetworks", [("id", id)]).items().first?["name"]?.text == "qa-net")
            // An Allocated network has no router yet, so a restart is refused in the job.
            do {
                _ = try await api.execute("restartNetwork", [("id", id)])
                Issue.record("restart of an Allocated network should fail")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text == "Network is not in the right state to be restarted. Correct states are: Implemented, Setup")
            }
            let vpcOffering = try await Self.offeringID(api, "DefaultIsolatedNetworkOfferingForVpcNetworks")
            let refused = await apiError { _ = try await api.call("createNetwork", [("name", "tier"), ("networkofferingid", vpcOffering), ("zoneid", zoneID)]) }
            #expect(refused?.status == 431)
            #expect(refused?.text.contains("VPC networks only") == true)
            let missing = await apiError { _ = try await api.call("createNetwork", [("name", "x"), ("zoneid", zoneID)]) }
            #expect(missing?.text == "Unable to execute API command createnetwork due to missing parameter networkofferingid")
            // A new network with no VM goes away with deleteNetwork.
            guard case .job(let dr, let deleted) = try await api.execute("deleteNetwork", [("id", id)]) else { Issue.record("no job"); return }
            #expect(dr.responseName == "deletenetworkresponse")
            #expect(deleted.result?["success"] == .bool(true))
            // As the server: the id of a deleted network names nothing.
            let gone = await apiError { _ = try await api.call("listNetworks", [("id", id)]) }
            #expect(gone?.status == 431)
            await api.close()
        }
    }

    @Test("deleteNetwork refuses a network its VMs use, with the server's text; the network stays")
    func deleteInUse() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("state", "Running"), ("page", "1"), ("pagesize", "1")]).items().first)
            let networkID = try #require(vm["nic"]?.arrayValue?.first?["networkid"]?.text)
            do {
                _ = try await api.execute("deleteNetwork", [("id", networkID)])
                Issue.record("the delete should fail")
            } catch let CloudStackError.jobFailed(_, _, code, text) {
                #expect(code == 530)
                #expect(text == "Failed to delete network")
            }
            #expect(try await api.call("listNetworks", [("id", networkID)]).items().count == 1)
            await api.close()
        }
    }

    @Test("restartNetwork cleanup=true replaces the router (a new id and name); cleanup=false keeps it and clears restartrequired")
    func restart() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let routers = try await api.call("listRouters", [("listall", "true"), ("state", "Running")]).items()
            let router = try #require(routers.first { $0["guestnetworkid"] != nil && $0["isredundantrouter"] == .bool(false) })
            let networkID = try #require(router["guestnetworkid"]?.text)
            let oldID = try #require(router["id"]?.text)
            guard case .job(let rr, let kept) = try await api.execute("restartNetwork", [("id", networkID), ("cleanup", "false")]) else { Issue.record("no job"); return }
            #expect(rr.responseName == "restartnetworkresponse")
            #expect(kept.result?["success"] == .bool(true))
            let after = try await api.call("listRouters", [("listall", "true"), ("networkid", networkID)]).items()
            #expect(after.map { $0["id"]?.text } == [oldID])
            _ = try await api.execute("restartNetwork", [("id", networkID), ("cleanup", "true")])
            let replaced = try await api.call("listRouters", [("listall", "true"), ("networkid", networkID)]).items()
            #expect(replaced.count == 1)
            #expect(replaced.first?["id"]?.text != oldID)
            #expect(replaced.first?["name"]?.text != router["name"]?.text)
            #expect(replaced.first?["state"]?.text == "Running")
            #expect(try await api.call("listNetworks", [("id", networkID)]).items().first?["restartrequired"] == .bool(false))
            await api.close()
        }
    }

    @Test("listVirtualMachines networkid lists the network's VMs only; listNics gives the VM's NIC in its network")
    func vmsByNetwork() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "1")]).items().first)
            let vmID = try #require(vm["id"]?.text)
            let nic = try #require(vm["nic"]?.arrayValue?.first)
            let networkID = try #require(nic["networkid"]?.text)
            let inNetwork = try await api.call("listVirtualMachines", [("listall", "true"), ("networkid", networkID)])
            #expect(inNetwork.items().contains { $0["id"]?.text == vmID })
            #expect(inNetwork.items().allSatisfy { $0["nic"]?.arrayValue?.first?["networkid"]?.text == networkID })
            let everything = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "1")])
            #expect((inNetwork.list.count ?? 0) < (everything.list.count ?? 0))
            let nics = try await api.call("listNics", [("virtualmachineid", vmID)])
            #expect(nics.responseName == "listnicsresponse")
            #expect(nics.list.itemKey == "nic")
            #expect(nics.items().first?["ipaddress"]?.text == nic["ipaddress"]?.text)
            #expect(nics.items().first?["networkid"]?.text == networkID)
            let other = try #require(try await api.call("listNetworks", [("listall", "true"), ("type", "shared")]).items().first?["id"]?.text)
            #expect(try await api.call("listNics", [("virtualmachineid", vmID), ("networkid", other)]).content.isEmpty)
            let missing = await apiError { _ = try await api.call("listNics") }
            #expect(missing?.text == "Unable to execute API command listnics due to missing parameter virtualmachineid")
            await api.close()
        }
    }
}
