import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("listApis metadata")
struct ListApisMetadataTests {
    static func api(_ client: CloudStackClient, _ name: String) async throws -> JSONObject {
        try #require(try await client.call("listApis", [("name", name)]).items().first)
    }

    static func param(_ api: JSONObject, _ name: String) throws -> JSONObject {
        try #require(api["params"]?.arrayValue?.compactMap(\.objectValue).first { $0["name"]?.text == name }, "no parameter \(name)")
    }

    @Test("parameters carry length (255 unless longer, as userdata and url) and related list commands for what they name")
    func parameters() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let deploy = try await Self.api(admin, "deployVirtualMachine")
            #expect(deploy["isasync"] == .bool(true))
            #expect(try Self.param(deploy, "zoneid")["related"]?.text?.split(separator: ",").first == "listZones")
            #expect(try Self.param(deploy, "zoneid")["required"] == .bool(true))
            #expect(try Self.param(deploy, "templateid")["related"]?.text?.split(separator: ",").first == "listTemplates")
            #expect(try Self.param(deploy, "userdata")["length"]?.intValue == 1_048_576)
            #expect(try Self.param(deploy, "name")["length"]?.intValue == 255)
            // A plain string names nothing: no related key, as the server omits nulls.
            #expect(try Self.param(deploy, "name")["related"] == nil)
            #expect(try Self.param(try await Self.api(admin, "registerTemplate"), "url")["length"]?.intValue == 2048)
            #expect(try Self.param(try await Self.api(admin, "registerSSHKeyPair"), "publickey")["length"]?.intValue == 5120)
            // An id names the command's own object.
            #expect(try Self.param(try await Self.api(admin, "startVirtualMachine"), "id")["related"]?.text?.split(separator: ",").first == "listVirtualMachines")
            #expect(try Self.param(try await Self.api(admin, "deleteSSHKeyPair"), "name")["related"] == nil)
            #expect(try Self.param(try await Self.api(admin, "deleteTemplate"), "id")["related"]?.text?.split(separator: ",").first == "listTemplates")
        }
    }

    @Test("commands name the others answering with the same object; response fields have a type and a description")
    func relatedAndResponse() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let start = try await Self.api(admin, "startVirtualMachine")
            let related = Set((start["related"]?.text ?? "").split(separator: ",").map(String.init))
            #expect(related.isSuperset(of: ["stopVirtualMachine", "deployVirtualMachine", "listVirtualMachines", "migrateVirtualMachine"]))
            #expect(!related.contains("startVirtualMachine"))
            // A success-only command has no related commands.
            #expect(try await Self.api(admin, "deleteTemplate")["related"] == nil)
            let fields = (start["response"]?.arrayValue ?? []).compactMap(\.objectValue)
            #expect(!fields.isEmpty)
            func field(_ name: String) -> JSONObject? { fields.first { $0["name"]?.text == name } }
            #expect(field("haenable")?["type"]?.text == "boolean")
            #expect(field("created")?["type"]?.text == "date")
            #expect(field("memory")?["type"]?.text == "integer")
            #expect(field("nic")?["type"]?.text == "list")
            #expect(field("id")?["description"]?.text == "the ID of the virtual machine")
            #expect(fields.allSatisfy { ($0["description"]?.text ?? "").count > 3 && $0["description"]?.text != $0["name"]?.text })
            let templates = try await Self.api(admin, "listTemplates")
            #expect(templates["response"]?.arrayValue?.compactMap(\.objectValue).first { $0["name"]?.text == "isready" }?["type"]?.text == "boolean")
            #expect(templates["response"]?.arrayValue?.compactMap(\.objectValue).first { $0["name"]?.text == "name" }?["description"]?.text == "the name of the template")
        }
    }

    @Test("users are offered the compute commands they may call, not findHostsForMigration or migrateVirtualMachine")
    func userView() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let names = Set(try await api.call("listApis").items().compactMap { $0["name"]?.text })
            #expect(names.isSuperset(of: ["deployVirtualMachine", "listTemplates", "registerTemplate", "createSSHKeyPair", "createAffinityGroup", "listInstanceGroups",
                                          "attachIso", "resetPasswordForVirtualMachine", "scaleVirtualMachine"]))
            #expect(names.isDisjoint(with: ["findHostsForMigration", "migrateVirtualMachine"]))
        }
    }
}
