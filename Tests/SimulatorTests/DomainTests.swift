import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Domains")
struct DomainTests {
    @Test("listDomains: the tree ROOT, ROOT/customers/<customer>, ROOT/internal with levels, parents, haschild and paths")
    func tree() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listDomains")
            #expect(r.responseName == "listdomainsresponse")
            let domains = r.items()
            let byPath = Dictionary(uniqueKeysWithValues: domains.compactMap { d in d["path"]?.text.map { ($0, d) } })
            #expect(Set(byPath.keys) == ["ROOT", "ROOT/customers", "ROOT/customers/acme-corp", "ROOT/customers/globex", "ROOT/customers/initech",
                                         "ROOT/customers/umbrella", "ROOT/internal"])
            let root = try #require(byPath["ROOT"])
            #expect(root["level"] == .int(0))
            #expect(root["parentdomainid"] == nil)
            #expect(root["haschild"] == .bool(true))
            let acme = try #require(byPath["ROOT/customers/acme-corp"])
            #expect(acme["name"]?.text == "acme-corp")
            #expect(acme["level"] == .int(2))
            #expect(acme["parentdomainname"]?.text == "customers")
            #expect(acme["parentdomainid"]?.text == byPath["ROOT/customers"]?["id"]?.text)
            #expect(acme["haschild"] == .bool(false))
            #expect(acme["state"]?.text == "Active")
            #expect((acme["vmtotal"]?.intValue ?? 0) > 0)
            #expect(try await api.call("listDomains", [("details", "min")]).items().allSatisfy { $0["vmtotal"] == nil })
            let levelOne = try await api.call("listDomains", [("level", "1")]).items().compactMap { $0["name"]?.text }.sorted()
            #expect(levelOne == ["customers", "internal"])
            #expect(try await api.call("listDomains", [("name", "acme")]).items().compactMap { $0["path"]?.text } == ["ROOT/customers/acme-corp"])

            let rootID = try #require(root["id"]?.text)
            let children = try await api.call("listDomainChildren", [("id", rootID)])
            #expect(children.responseName == "listdomainchildrenresponse")
            #expect(children.items().compactMap { $0["name"]?.text }.sorted() == ["customers", "internal"])
            #expect(try await api.call("listDomainChildren", [("id", rootID), ("isrecursive", "true")]).items().count == 6)
            await api.close()
        }
    }

    @Test("the customer accounts live in their sub-domains; admin and demo in ROOT; a user sees only its own domain")
    func accountsInDomains() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let accounts = try await rows(api, "listAccounts", [("listall", "true")])
            let path = Dictionary(uniqueKeysWithValues: accounts.compactMap { a in a["name"]?.text.map { ($0, a["domainpath"]?.text ?? "") } })
            #expect(path["admin"] == "ROOT")
            #expect(path["demo"] == "ROOT")
            #expect(path["acme-corp"] == "ROOT/customers/acme-corp")
            #expect(path["hooli"] == "ROOT/internal")
            let acme = try #require(accounts.first { $0["name"]?.text == "acme-corp" })
            #expect(acme["domain"]?.text == "acme-corp")
            let customers = try #require(try await api.call("listDomains", [("name", "customers")]).items().first?["id"]?.text)
            let under = try await rows(api, "listAccounts", [("listall", "true"), ("domainid", customers), ("isrecursive", "true")])
            #expect(under.compactMap { $0["name"]?.text }.sorted() == ["acme-corp", "globex", "initech", "umbrella"])
            let own = try await user(server).call("listDomains").items()
            #expect(own.compactMap { $0["path"]?.text } == ["ROOT"])
            let e = await apiError { _ = try await user(server).call("listDomainChildren") }
            #expect(e?.status == 401)
            await api.close()
        }
    }
}
