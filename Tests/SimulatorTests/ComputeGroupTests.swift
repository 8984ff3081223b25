import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Affinity groups and instance groups")
struct ComputeGroupTests {
    @Test("affinity groups: the types users may create, async create (id and jobid), seeded members, delete takes VMs out of the group")
    func affinity() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let types = try await api.call("listAffinityGroupTypes")
            #expect(types.list.itemKey == "affinityGroupType")
            #expect(types.items().compactMap { $0["type"]?.text } == ["host anti-affinity", "host affinity", "non-strict host anti-affinity", "non-strict host affinity"])
            let seeded = try #require(try await api.call("listAffinityGroups", [("name", "web-anti-affinity")]).items().first)
            let members = seeded["virtualmachineIds"]?.arrayValue?.compactMap(\.text) ?? []
            #expect(members.count == 3)
            let vm = try await ComputeFixtures.vm(api, try #require(members.first))
            #expect(vm["affinitygroup"]?.arrayValue?.contains { $0["name"]?.text == "web-anti-affinity" } == true)
            let submit = try await api.call("createAffinityGroup", [("name", "cache-spread"), ("type", "host anti-affinity"), ("description", "caches apart")])
            #expect(submit.content["id"] != nil && submit.jobID != nil)
            _ = try await api.waitForJob(try #require(submit.jobID), command: "createAffinityGroup")
            let dup = await apiError { _ = try await api.call("createAffinityGroup", [("name", "cache-spread"), ("type", "host affinity")]) }
            #expect(dup?.text == "Unable to create affinity group, a group with name cache-spread already exists.")
            let badType = await apiError { _ = try await api.call("createAffinityGroup", [("name", "x"), ("type", "rack anti-affinity")]) }
            #expect(badType?.text.hasPrefix("Unable to create affinity group, invalid affinity group type: rack anti-affinity. Valid values are") == true)
            let dedicated = await apiError { _ = try await api.call("createAffinityGroup", [("name", "x"), ("type", "ExplicitDedication")]) }
            #expect(dedicated?.status == 531)
            // Deleting a group with VMs is not refused: they leave it.
            _ = try await ComputeFixtures.run(api, "deleteAffinityGroup", [("id", try #require(seeded["id"]?.text))])
            #expect(try await ComputeFixtures.vm(api, try #require(members.first))["affinitygroup"]?.arrayValue?.isEmpty == true)
            #expect(try await api.call("listAffinityGroups", [("name", "web-anti-affinity")]).content.isEmpty)
            let none = try await ComputeFixtures.jobFailure(api, "deleteAffinityGroup", [("name", "no-such-group")])
            #expect(none.text == "Unable to find affinity group no-such-group")
            // Users see their own groups only.
            #expect(try await api.listAll("listAffinityGroups").items.allSatisfy { $0["account"]?.text == "demo" })
        }
    }

    @Test("instance groups: seeded from the VMs' groups; rename carries the VMs; delete takes them out; names unique per account")
    func instanceGroups() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let groups = try await api.listAll("listInstanceGroups").items.compactMap(\.objectValue)
            #expect(!groups.isEmpty && groups.allSatisfy { $0["account"]?.text == "demo" })
            let group = try #require(groups.first)
            let id = try #require(group["id"]?.text), name = try #require(group["name"]?.text)
            let members = try await api.listAll("listVirtualMachines", [("groupid", id)]).items
            #expect(!members.isEmpty && members.allSatisfy { $0["group"]?.text == name && $0["groupid"]?.text == id })
            let renamed = try await api.call("updateInstanceGroup", [("id", id), ("name", name + "-v2")])
            #expect(renamed.content["instancegroup"]?["name"]?.text == name + "-v2")
            let after = try await api.listAll("listVirtualMachines", [("groupid", id)]).items
            #expect(after.count == members.count && after.allSatisfy { $0["group"]?.text == name + "-v2" })
            let created = try await api.call("createInstanceGroup", [("name", "canary")])
            #expect(created.responseName == "createinstancegroupresponse" && created.content["instancegroup"]?["name"]?.text == "canary")
            let dup = await apiError { _ = try await api.call("createInstanceGroup", [("name", "canary")]) }
            #expect(dup?.text.hasPrefix("Unable to create vm group, a group with name canary already exists for account") == true)
            _ = try await api.call("deleteInstanceGroup", [("id", id)])
            let memberID = try #require(members.first?["id"]?.text)
            #expect(try await ComputeFixtures.vm(api, memberID)["group"] == nil)
        }
    }
}
