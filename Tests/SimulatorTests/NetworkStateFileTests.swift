import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Network area in the state file")
struct NetworkStateFileTests {
    @Test("a network created through the API is in the saved state and back after a restart")
    func roundTrip() async throws {
        let path = NSTemporaryDirectory() + "cstui-simnet-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let id: String = try await withSimulator(statePath: path) { server in
            let api = try user(server)
            let zoneID = try #require(try await api.call("listZones").items().first?["id"]?.text)
            let offering = try #require(try await api.call("listNetworkOfferings", [("name", "DefaultL2NetworkOffering")]).items().first?["id"]?.text)
            let r = try await api.call("createNetwork", [("name", "kept-l2"), ("networkofferingid", offering), ("zoneid", zoneID)])
            await api.close()
            return try #require(r.content["network"]?["id"]?.text)
        }
        try await withSimulator(seed: 999, statePath: path) { server in
            let api = try user(server)
            let n = try #require(try await api.call("listNetworks", [("id", id)]).items().first)
            #expect(n["name"]?.text == "kept-l2")
            #expect(n["type"]?.text == "L2")
            #expect(n["cidr"] == nil)
            await api.close()
        }
    }

    @Test("a state file written before the network area existed still lists the account networks")
    func olderStateFile() async throws {
        let path = NSTemporaryDirectory() + "cstui-simnet-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let names: Set<String> = try await withSimulator(statePath: path) { server in
            let api = try admin(server)
            let all = try await api.call("listNetworks", [("listall", "true"), ("type", "isolated"), ("forvpc", "false")]).items()
            await api.close()
            return Set(all.compactMap { $0["name"]?.text })
        }
        // Drop the area, as a file from before it would lack it.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.removeValue(forKey: "net") != nil)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        try await withSimulator(seed: 999, statePath: path) { server in
            let api = try admin(server)
            let listed = try await api.call("listNetworks", [("listall", "true")]).items()
            #expect(Set(listed.compactMap { $0["name"]?.text }) == names)
            #expect(try await api.call("listRouters", [("listall", "true")]).content.isEmpty)
            await api.close()
        }
    }
}
