import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Disk offerings")
struct DiskOfferingTests {
    @Test("listDiskOfferings: Small 5 GB, Medium 20 GB, Large 100 GB, a customized one and an ssd-tagged one, for users too")
    func seeded() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let r = try await api.call("listDiskOfferings")
            #expect(r.responseName == "listdiskofferingsresponse")
            #expect(r.list.itemKey == "diskoffering")
            let byName = Dictionary(uniqueKeysWithValues: r.items().compactMap { o in o["name"]?.text.map { ($0, o) } })
            #expect(byName["Small"]?["disksize"] == .int(5))
            #expect(byName["Medium"]?["disksize"] == .int(20))
            #expect(byName["Large"]?["disksize"] == .int(100))
            #expect(byName["Custom"]?["iscustomized"] == .bool(true))
            #expect(byName["Small"]?["iscustomized"] == .bool(false))
            #expect(byName["SSD 50 GB"]?["tags"]?.text == "ssd")
            #expect(byName["SSD 50 GB"]?["miniops"]?.intValue != nil)
            for o in r.items() {
                #expect(o["storagetype"]?.text == "shared")
                #expect(o["provisioningtype"]?.text == "thin")
                #expect(o["created"]?.text != nil)
            }
            let one = try await api.call("listDiskOfferings", [("name", "Large")])
            #expect(one.items().map { $0["name"]?.text } == ["Large"])
            let keyword = try await api.call("listDiskOfferings", [("keyword", "ssd")])
            #expect(keyword.items().map { $0["name"]?.text } == ["SSD 50 GB"])
            let id = try #require(byName["Medium"]?["id"]?.text)
            #expect(try await api.call("listDiskOfferings", [("id", id)]).list.count == 1)
            let bad = await apiError { _ = try await api.call("listDiskOfferings", [("id", "00000000-0000-4000-8000-000000000000")]) }
            #expect(bad?.status == 431)
            await api.close()
        }
    }
}
