import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Global settings")
struct ConfigurationTests {
    @Test("listConfigurations: several hundred settings with name, category, type, value and default; name, category and keyword filters")
    func list() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let all = try await rows(api, "listConfigurations")
            #expect(all.count >= 300)
            #expect(Set(all.compactMap { $0["name"]?.text }).count == all.count)
            let expunge = try #require(all.first { $0["name"]?.text == "expunge.delay" })
            #expect(expunge["category"]?.text == "Advanced")
            #expect(expunge["type"]?.text == "Number")
            #expect(expunge["value"]?.text == "86400" && expunge["defaultvalue"]?.text == "86400")
            #expect(expunge["isdynamic"] == .bool(false))
            #expect(expunge["scope"] == nil)
            let types = Set(all.compactMap { $0["type"]?.text })
            #expect(types.isSuperset(of: ["Boolean", "Number", "Decimal", "Range", "String", "CSV", "Select", "WhitespaceSeparatedListWithOptions"]))
            #expect(all.first { $0["name"]?.text == "vm.deployment.planner" }?["options"]?.text == "FirstFitPlanner,UserDispersingPlanner,UserConcentratedPodPlanner")

            let over = try await rows(api, "listConfigurations", [("name", "overprovisioning")])
            #expect(Set(over.compactMap { $0["name"]?.text }) == ["cpu.overprovisioning.factor", "mem.overprovisioning.factor", "storage.overprovisioning.factor"])
            let alerts = try await rows(api, "listConfigurations", [("category", "Alert")])
            #expect(!alerts.isEmpty && alerts.allSatisfy { $0["category"]?.text == "Alert" })
            let smtp = try await rows(api, "listConfigurations", [("keyword", "smtp")])
            #expect(smtp.count >= 10 && smtp.allSatisfy { ($0["name"]?.text ?? "").contains("smtp") || ($0["description"]?.text ?? "").lowercased().contains("smtp") })
            let e = await apiError { _ = try await user(server).call("listConfigurations") }
            #expect(e?.status == 401)
            await api.close()
        }
    }

    @Test("a scoped listing shows that scope's settings with scope set, the scoped value over the global one")
    func scoped() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let zones = try await api.call("listZones").items().compactMap { $0["id"]?.text }
            let zoneRows = try await rows(api, "listConfigurations", [("zoneid", zones[0])])
            #expect(!zoneRows.isEmpty && zoneRows.allSatisfy { $0["scope"]?.text == "zone" })
            #expect(zoneRows.contains { $0["name"]?.text == "enable.dynamic.scale.vm" })
            #expect(!zoneRows.contains { $0["name"]?.text == "expunge.delay" })

            let r = try await api.call("updateConfiguration", [("name", "enable.dynamic.scale.vm"), ("value", "true"), ("zoneid", zones[0])])
            #expect(r.responseName == "updateconfigurationresponse")
            #expect(r.content["configuration"]?["value"]?.text == "true")
            #expect(r.content["configuration"]?["scope"]?.text == "zone")
            func value(_ params: [(String, String)]) async throws -> String? {
                try await api.call("listConfigurations", [("name", "enable.dynamic.scale.vm")] + params).items().first?["value"]?.text
            }
            #expect(try await value([("zoneid", zones[0])]) == "true")
            #expect(try await value([("zoneid", zones[1])]) == "false")
            #expect(try await value([]) == "false")
            // The global value is what a zone without its own value falls back to.
            _ = try await api.call("updateConfiguration", [("name", "enable.dynamic.scale.vm"), ("value", "true")])
            #expect(try await value([("zoneid", zones[1])]) == "true")

            let cluster = try #require(try await api.call("listClusters").items().first?["id"]?.text)
            _ = try await api.call("updateConfiguration", [("name", "cpu.overprovisioning.factor"), ("value", "4"), ("clusterid", cluster)])
            #expect(try await api.call("listConfigurations", [("name", "cpu.overprovisioning.factor"), ("clusterid", cluster)])
                .items().first?["value"]?.text == "4")
            await api.close()
        }
    }

    @Test("updateConfiguration checks values by type and range with the server's 431 texts; unknown names and wrong scopes are refused")
    func validation() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            func refused(_ params: [(String, String)]) async -> String? {
                let e = await apiError { _ = try await api.call("updateConfiguration", params) }
                #expect(e?.status == 431)
                #expect(e?.cs == 4350)
                return e?.text
            }
            #expect(await refused([("name", "enable.ec2.api"), ("value", "yes")]) == "Please enter either 'true' or 'false'.")
            #expect(await refused([("name", "expunge.delay"), ("value", "soon")])
                == "There was error in trying to parse value: soon. Please enter a valid integer value for parameter expunge.delay")
            #expect(await refused([("name", "max.template.iso.size"), ("value", "1.5")])
                == "There was error in trying to parse value: 1.5. Please enter a valid long value for parameter max.template.iso.size")
            #expect(await refused([("name", "router.extra.public.nics"), ("value", "9")])
                == "The provided value is not valid for this configuration. Please enter an integer in the range: [0-5]")
            #expect(await refused([("name", "zone.vlan.capacity.notificationthreshold"), ("value", "1.5")])
                == "Please enter a value between 0 and 1 for the configuration parameter: zone.vlan.capacity.notificationthreshold")
            #expect(await refused([("name", "cpu.overprovisioning.factor"), ("value", "0")]) == "cpu.overprovisioning.factor should be greater than 0")
            #expect(await refused([("name", "network.loadbalancer.basiczone.elb.network"), ("value", "private")])
                == "The provided value is neither a valid value for this configuration (Options are: [guest]) NOR a valid value for this configuration (Options are: [public]).")
            #expect(await refused([("name", "instance.name"), ("value", "my-cloud")])
                == "The provided value is not a valid instance name (instance names cannot contain hyphens, spaces or plus signs).")
            #expect(await refused([("name", "no.such.setting"), ("value", "1")]) == "Config parameter with name no.such.setting doesn't exist")
            let zone = try #require(try await api.call("listZones").items().first?["id"]?.text)
            #expect(await refused([("name", "expunge.delay"), ("value", "60"), ("zoneid", zone)]) == "Invalid scope id provided for the parameter expunge.delay")
            let cluster = try #require(try await api.call("listClusters").items().first?["id"]?.text)
            #expect(await refused([("name", "cpu.overprovisioning.factor"), ("value", "2"), ("zoneid", zone), ("clusterid", cluster)])
                == "cannot handle multiple IDs, provide only one ID corresponding to the scope")
            // Nothing was stored by the refused updates.
            #expect(try await api.call("listConfigurations", [("name", "expunge.delay")]).items().first?["value"]?.text == "86400")
            await api.close()
        }
    }

    @Test("a changed setting survives a restart through the state file; a secret setting's value is never shown or logged")
    func persistedAndSecret() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-settings-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSimulator(statePath: path) { server in
            let api = try admin(server)
            let r = try await api.call("updateConfiguration", [("name", "expunge.delay"), ("value", "3600")])
            #expect(r.content["configuration"]?["value"]?.text == "3600")
            #expect(r.content["configuration"]?["defaultvalue"]?.text == "86400")
            let secret = try await api.call("updateConfiguration", [("name", "alert.smtp.password"), ("value", "s3cret-pw")])
            #expect(secret.content["configuration"]?["value"]?.text == "********")
            await api.close()
        }
        try await withSimulator(statePath: path) { server in
            let api = try admin(server)
            let row = try #require(try await api.call("listConfigurations", [("name", "expunge.delay")]).items().first)
            #expect(row["value"]?.text == "3600")
            #expect(try await api.call("listConfigurations", [("name", "alert.smtp.password")]).items().first?["value"]?.text == "********")
            let edits = try await rows(api, "listEvents", [("type", "CONFIGURATION.VALUE.EDIT")])
            #expect(edits.count == 2)
            #expect(edits.allSatisfy { !($0["description"]?.text ?? "").contains("s3cret") })
            await api.close()
        }
    }
}
