import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Errors and paging")
struct ErrorTests {
    @Test("a missing required parameter is 431 with the server's text")
    func missingParameter() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let e = await apiError { _ = try await api.call("startVirtualMachine") }
            #expect(e?.status == 431)
            #expect(e?.text == "Unable to execute API command startvirtualmachine due to missing parameter id")
            let m = await apiError { _ = try await api.call("enableStorageMaintenance") }
            #expect(m?.text == "Unable to execute API command prepareprimarystorageformaintenance due to missing parameter id")
            await api.close()
        }
    }

    @Test("an unknown command is 432 under errorresponse")
    func unknownCommand() async throws {
        try await withSimulator { server in
            let key = server.credentials.admin
            var params: [(String, String)] = [("command", "frobnicateVirtualMachine"), ("response", "json"), ("apiKey", key.apiKey)]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: key.secretKey)))
            let a = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form(params))
            #expect(a.status == 432)
            let body = try JSONParser.parse(a.body)
            #expect(body["errorresponse"]?["errorcode"] == .int(432))
            #expect(body["errorresponse"]?["errortext"]?.text == "Unknown API command: frobnicateVirtualMachine")
        }
    }

    @Test("an id that names nothing is 431")
    func unknownID() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let e = await apiError { _ = try await api.call("stopVirtualMachine", [("id", "00000000-0000-4000-8000-000000000000")]) }
            #expect(e?.status == 431)
            #expect(e?.text.contains("Invalid parameter id value=00000000-0000-4000-8000-000000000000") == true)
            await api.close()
        }
    }

    @Test("page without pagesize, pagesize without page, and pagesize over 500 are 431")
    func pagingRules() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let a = await apiError { _ = try await api.call("listVirtualMachines", [("page", "1")]) }
            #expect(a?.status == 431)
            let b = await apiError { _ = try await api.call("listVirtualMachines", [("pagesize", "10")]) }
            #expect(b?.status == 431)
            let c = await apiError { _ = try await api.call("listVirtualMachines", [("page", "1"), ("pagesize", "501")]) }
            #expect(c?.status == 431)
            #expect(c?.text == "Page size can't exceed max allowed page size value: 500")
            await api.close()
        }
    }

    @Test("pages return pagesize rows and the total count; without paging at most 500 rows")
    func paging() async throws {
        try await withSimulator(vms: 1200) { server in
            let api = try admin(server)
            let p2 = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "2"), ("pagesize", "25")])
            #expect(p2.list.items.count == 25)
            #expect(p2.list.count == 1200)
            let p1 = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "25")])
            let ids1 = Set(p1.items().compactMap { $0["id"]?.text }), ids2 = Set(p2.items().compactMap { $0["id"]?.text })
            #expect(ids1.isDisjoint(with: ids2))
            let unpaged = try await api.call("listVirtualMachines", [("listall", "true")])
            #expect(unpaged.list.items.count == 500)
            #expect(unpaged.list.count == 1200)
            let all = try await api.listAll("listVirtualMachines", [("listall", "true")])
            #expect(all.items.count == 1200)
            #expect(Set(all.items.compactMap { $0["id"]?.text }).count == 1200)
            await api.close()
        }
    }

    @Test("a user gets 401 for admin-only commands and listApis lists only what it may call")
    func userVisibility() async throws {
        try await withSimulator { server in
            let u = try user(server)
            let e = await apiError { _ = try await u.call("listHosts") }
            #expect(e?.status == 401)
            #expect(e?.text == "The given command 'listHosts' either does not exist, is not available for user.")
            for cmd in ["listStoragePools", "listClusters", "listPods", "listCapacity", "listAlerts", "listImageStores"] {
                let d = await apiError { _ = try await u.call(cmd, cmd == "listStorageProviders" ? [("type", "primary")] : []) }
                #expect(d?.status == 401, "\(cmd)")
            }
            let userApis = Set(try await u.call("listApis").items().compactMap { $0["name"]?.text })
            #expect(userApis.contains("listVirtualMachines"))
            #expect(!userApis.contains("listHosts"))
            #expect(!userApis.contains("createStoragePool"))
            let a = try admin(server)
            let adminApis = Set(try await a.call("listApis").items().compactMap { $0["name"]?.text })
            #expect(adminApis.contains("listHosts"))
            #expect(adminApis.isSuperset(of: userApis))
            await u.close()
            await a.close()
        }
    }

    @Test("a user sees only its own VMs; an admin sees all with listall=true")
    func vmVisibility() async throws {
        try await withSimulator(vms: 600) { server in
            let u = try user(server)
            let mine = try await u.listAll("listVirtualMachines", [("listall", "true")])
            #expect(!mine.items.isEmpty)
            #expect(mine.items.allSatisfy { $0["account"]?.text == "demo" })
            #expect(mine.items.allSatisfy { $0["hostname"] == nil && $0["instancename"] == nil })
            #expect(mine.items.allSatisfy { $0["state"]?.text != "Destroyed" })
            let a = try admin(server)
            let all = try await a.listAll("listVirtualMachines", [("listall", "true")])
            #expect(all.count == 600)
            let own = try await a.listAll("listVirtualMachines")
            #expect(own.items.allSatisfy { $0["account"]?.text == "admin" })
            #expect(own.count < 600)
            // A user acting on somebody else's VM is refused.
            let foreign = try #require(all.items.first { $0["account"]?.text != "demo" }?["id"]?.text)
            let e = await apiError { _ = try await u.call("stopVirtualMachine", [("id", foreign)]) }
            #expect(e?.status == 531)
            await u.close()
            await a.close()
        }
    }

    @Test("listStorageProviders without type is 431 (type is a required parameter), an unknown type is 431 too")
    func providersWithoutType() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let e = await apiError { _ = try await api.call("listStorageProviders") }
            #expect(e?.status == 431)
            #expect(e?.text == "Unable to execute API command liststorageproviders due to missing parameter type")
            let bad = await apiError { _ = try await api.call("listStorageProviders", [("type", "tape")]) }
            #expect(bad?.status == 431)
            await api.close()
        }
    }

    @Test("a page number that is not a number is 431 naming the parameter")
    func badNumber() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let e = await apiError { _ = try await api.call("listZones", [("page", "two"), ("pagesize", "10")]) }
            #expect(e?.status == 431)
            #expect(e?.text == "Unable to execute API command listzones due to invalid value two for parameter page")
            await api.close()
        }
    }
}
