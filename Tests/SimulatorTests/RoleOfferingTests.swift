import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Roles and compute offerings")
struct RoleOfferingTests {
    @Test("listRoles: the four default roles and a custom read-only one; accounts carry their role's id; admin only")
    func roles() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listRoles")
            #expect(r.responseName == "listrolesresponse")
            let roles = r.items()
            let byName = Dictionary(uniqueKeysWithValues: roles.compactMap { x in x["name"]?.text.map { ($0, x) } })
            #expect(Set(byName.keys) == ["Root Admin", "Resource Admin", "Domain Admin", "User", "Read-Only Operator"])
            #expect(byName["Root Admin"]?["type"]?.text == "Admin")
            #expect(byName["Resource Admin"]?["type"]?.text == "ResourceAdmin")
            #expect(byName["Domain Admin"]?["type"]?.text == "DomainAdmin")
            #expect(roles.filter { $0["isdefault"] == .bool(true) }.count == 4)
            #expect(byName["Read-Only Operator"]?["isdefault"] == .bool(false))
            #expect(roles.allSatisfy { $0["description"]?.text?.isEmpty == false && $0["state"] != nil })
            #expect(try await api.call("listRoles", [("type", "User")]).items().count == 2)
            let badType = await apiError { _ = try await api.call("listRoles", [("type", "Operator")]) }
            #expect(badType?.status == 431)
            #expect(badType?.text == "No enum constant org.apache.cloudstack.acl.RoleType.Operator")
            let admin = try #require(try await api.call("listAccounts", [("name", "admin")]).items().first)
            #expect(admin["roleid"]?.text == byName["Root Admin"]?["id"]?.text)
            let e = await apiError { _ = try await user(server).call("listRoles") }
            #expect(e?.status == 401)
            await api.close()
        }
    }

    @Test("listServiceOfferings: compute offerings with their figures, a custom one without cpunumber/memory, system ones only with issystem=true (admins)")
    func offerings() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let u = try user(server)
            let r = try await u.call("listServiceOfferings")
            #expect(r.responseName == "listserviceofferingsresponse")
            let offerings = r.items()
            #expect(offerings.allSatisfy { $0["issystem"] == .bool(false) })
            let custom = try #require(offerings.first { $0["iscustomized"] == .bool(true) })
            #expect(custom["cpunumber"] == nil && custom["memory"] == nil && custom["cpuspeed"] == nil)
            for o in offerings where o["iscustomized"] == .bool(false) {
                #expect(o["cpunumber"] != nil && o["memory"] != nil && o["cpuspeed"] != nil)
                for field in ["displaytext", "storagetype", "offerha", "limitcpuuse", "created"] { #expect(o[field] != nil, "\(field)") }
            }
            let system = try await api.call("listServiceOfferings", [("issystem", "true")]).items()
            #expect(Set(system.compactMap { $0["systemvmtype"]?.text }) == ["domainrouter", "consoleproxy", "secondarystoragevm"])
            let denied = await apiError { _ = try await u.call("listServiceOfferings", [("issystem", "true")]) }
            #expect(denied?.status == 531)
            #expect(denied?.text == "Only ROOT admins and Domain admins can list system service offerings.")
            let vm = try #require(try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "1")]).items().first)
            let others = try await api.call("listServiceOfferings", [("virtualmachineid", try #require(vm["id"]?.text))]).items()
            #expect(others.count == offerings.count - 1)
            #expect(others.allSatisfy { $0["id"]?.text != vm["serviceofferingid"]?.text })
            await api.close()
        }
    }
}
