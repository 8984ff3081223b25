import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Compute area in the state file")
struct ComputeStateFileTests {
    @Test("a deployed VM's key pairs and ISO, a registered template and a key pair survive a restart")
    func roundTrip() async throws {
        let path = NSTemporaryDirectory() + "cstui-simcompute-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (vmID, templateID): (String, String) = try await withSimulator(statePath: path) { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "kept-1", extra: [("keypairs", "ci-deploy")])
            let vmID = try #require(vm["id"]?.text)
            _ = try await ComputeFixtures.run(api, "attachIso", [("id", try await ComputeFixtures.iso(admin, "Ubuntu 24.04 Server")), ("virtualmachineid", vmID)])
            let zone = try #require(vm["zoneid"]?.text)
            let t = try await api.call("registerTemplate", [("name", "kept-image"), ("url", "https://images.example.org/kept.qcow2"), ("format", "QCOW2"),
                                                            ("hypervisor", "KVM"), ("zoneid", zone)])
            _ = try await api.call("createSSHKeyPair", [("name", "kept-key")])
            return (vmID, try #require(t.items().first?["id"]?.text))
        }
        try await withSimulator(seed: 999, statePath: path) { server in
            let api = try user(server)
            let vm = try await ComputeFixtures.vm(api, vmID)
            #expect(vm["keypairs"]?.text == "ci-deploy" && vm["isoname"]?.text == "Ubuntu 24.04 Server")
            #expect(try await api.call("listTemplates", [("templatefilter", "self"), ("id", templateID)]).items().first?["name"]?.text == "kept-image")
            #expect(try await api.call("listSSHKeyPairs", [("name", "kept-key")]).items().count == 1)
        }
    }

    @Test("a state file written before the compute area: its templates are listed in every zone, ready, and VMs can be deployed from them")
    func olderStateFile() async throws {
        let path = NSTemporaryDirectory() + "cstui-simcompute-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSimulator(statePath: path) { _ in }
        // Drop the area and everything it added to the templates, as a file from before it would lack them.
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object.removeValue(forKey: "compute") != nil)
        let templates = try #require(object["templates"] as? [[String: Any]])
        let core = ["id", "name", "displayText", "osTypeID", "osDisplayName"]
        object["templates"] = templates.prefix(6).map { t in t.filter { core.contains($0.key) } }
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        try await withSimulator(seed: 999, statePath: path) { server in
            let admin = try admin(server), api = try user(server)
            let rows = try await api.call("listTemplates", [("templatefilter", "executable"), ("name", "Debian 12")]).items()
            #expect(rows.count == (try await ComputeFixtures.zones(admin)).count)
            #expect(rows.allSatisfy { $0["isready"] == .bool(true) && $0["hypervisor"]?.text == "KVM" })
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "old-file-1", template: "Debian 12")
            #expect(vm["state"]?.text == "Running")
            #expect(!(try await api.listAll("listInstanceGroups").items.isEmpty))
        }
    }
}
