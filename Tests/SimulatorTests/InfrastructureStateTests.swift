import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Zones, pods, clusters and management servers")
struct InfrastructureStateTests {
    @Test("updateZone/updatePod/updateCluster set allocationstate (and managedstate) as listed; a user stops seeing a Disabled zone")
    func allocationState() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let z = try await api.call("updateZone", [("id", zone), ("allocationstate", "Disabled")])
            #expect(z.responseName == "updatezoneresponse")
            #expect(z.content["zone"]?["allocationstate"]?.text == "Disabled")
            #expect(try await api.call("listZones", [("id", zone)]).items().first?["allocationstate"]?.text == "Disabled")
            #expect(try await api.call("listZones", [("available", "true")]).items().allSatisfy { $0["id"]?.text != zone })
            let u = try user(server)
            #expect(try await u.call("listZones").items().allSatisfy { $0["id"]?.text != zone })

            let pod = try #require(try await api.call("listPods", [("zoneid", zone)]).items().first?["id"]?.text)
            let p = try await api.call("updatePod", [("id", pod), ("allocationstate", "Disabled")])
            #expect(p.responseName == "updatepodresponse")
            #expect(p.content["pod"]?["allocationstate"]?.text == "Disabled")
            #expect(try await api.call("listPods", [("id", pod)]).items().first?["allocationstate"]?.text == "Disabled")

            let cluster = try #require(try await api.call("listClusters", [("podid", pod)]).items().first?["id"]?.text)
            let c = try await api.call("updateCluster", [("id", cluster), ("allocationstate", "Disabled"), ("managedstate", "Unmanaged")])
            #expect(c.responseName == "updateclusterresponse")
            let listed = try #require(try await api.call("listClusters", [("id", cluster)]).items().first)
            #expect(listed["allocationstate"]?.text == "Disabled")
            #expect(listed["managedstate"]?.text == "Unmanaged")
            #expect(try await api.call("listClusters", [("allocationstate", "Disabled")]).items().compactMap { $0["id"]?.text } == [cluster])

            // Grouping.AllocationState.valueOf: the spelling is exact.
            let bad = await apiError { _ = try await api.call("updatePod", [("id", pod), ("allocationstate", "disabled")]) }
            #expect(bad?.status == 431)
            #expect(bad?.text == "Unable to resolve Allocation State 'disabled' to a supported state")
            let managed = await apiError { _ = try await api.call("updateCluster", [("id", cluster), ("managedstate", "Gone")]) }
            #expect(managed?.text == "Unable to resolve Managed State 'Gone' to a supported state")
            let refused = await apiError { _ = try await u.call("updateZone", [("id", zone), ("allocationstate", "Enabled")]) }
            #expect(refused?.status == 401)

            _ = try await api.call("updateZone", [("id", zone), ("allocationstate", "Enabled")])
            #expect(try await u.call("listZones").items().contains { $0["id"]?.text == zone })
            let events = try await api.call("listEvents", [("listall", "true"), ("resourceid", zone)]).items()
            #expect(events.map { $0["type"]?.text } == ["ZONE.EDIT", "ZONE.EDIT"])
            await api.close()
        }
    }

    @Test("listManagementServers: two nodes, one Up and one Down, with versions and times; admin only")
    func managementServers() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listManagementServers")
            #expect(r.responseName == "listmanagementserversresponse")
            let servers = r.items()
            #expect(servers.compactMap { $0["state"]?.text }.sorted() == ["Down", "Up"])
            for m in servers {
                for field in ["id", "name", "version", "javaversion", "osdistribution", "lastserverstart", "lastserverstop", "serviceip", "kernelversion"] {
                    #expect(m[field]?.text?.isEmpty == false, "\(field)")
                }
            }
            // Hosts name the node that manages them.
            let up = try #require(servers.first { $0["state"]?.text == "Up" }?["id"]?.text)
            #expect(try await api.call("listHosts").items().allSatisfy { $0["managementserverid"]?.text == up })
            let e = await apiError { _ = try await user(server).call("listManagementServers") }
            #expect(e?.status == 401)
            await api.close()
        }
    }
}
