import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Templates: filters, registration and download progress, update, copy, delete")
struct TemplateTests {
    static func names(_ api: CloudStackClient, _ params: [(String, String)]) async throws -> Set<String> {
        Set(try await api.listAll("listTemplates", params).items.compactMap { $0["name"]?.text })
    }

    @Test("filters: featured, community, self, selfexecutable, executable and all (admins only), one row per zone holding a copy")
    func filters() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let featured = try await Self.names(api, [("templatefilter", "featured")])
            #expect(featured.contains("Ubuntu 22.04 LTS") && featured.contains("Ubuntu 22.04 LTS (VMware)"))
            #expect(!featured.contains("Fedora 40 Cloud"), "featured lists ready copies only")
            #expect(!featured.contains("demo-webapp-golden") && !featured.contains("Alpine Linux 3.19"))
            #expect(try await Self.names(api, [("templatefilter", "community")]) == ["Alpine Linux 3.19", "CentOS 7.9"])
            #expect(try await Self.names(api, [("templatefilter", "self")]) == ["demo-webapp-golden"])
            let executable = try await Self.names(api, [("templatefilter", "executable")])
            #expect(executable.contains("demo-webapp-golden") && executable.contains("Debian 12") && !executable.contains("acme-base-image"))
            let all = await apiError { _ = try await api.call("listTemplates", [("templatefilter", "all")]) }
            #expect(all?.status == 431)
            #expect(all?.text == "Filter all can be specified by admin only")
            #expect(try await Self.names(admin, [("templatefilter", "all")]).contains("acme-base-image"))
            let rows = try await api.call("listTemplates", [("templatefilter", "featured"), ("name", "Debian 12")])
            #expect(rows.responseName == "listtemplatesresponse")
            #expect(rows.list.itemKey == "template")
            let zones = try await ComputeFixtures.zones(admin)
            #expect(rows.list.count == zones.count)
            let row = try #require(rows.items().first)
            #expect(row["isready"] == .bool(true) && row["format"]?.text == "QCOW2" && row["hypervisor"]?.text == "KVM")
            #expect(row["ostypename"]?.text == "Debian GNU/Linux 12 (64-bit)" && row["isfeatured"] == .bool(true) && row["ispublic"] == .bool(true))
            #expect((row["size"]?.intValue ?? 0) > 0 && row["templatetype"]?.text == "USER" && row["account"]?.text == "admin")
            // Status is for admins and the owner only.
            #expect(row["status"] == nil)
            #expect(try await admin.call("listTemplates", [("templatefilter", "featured"), ("name", "Debian 12")]).items().first?["status"]?.text == "Download Complete")
            let bad = await apiError { _ = try await api.call("listTemplates", [("templatefilter", "mine")]) }
            #expect(bad?.status == 431)
            // An ISO's id is not a template.
            let isoID = try await ComputeFixtures.iso(admin, "Ubuntu 24.04 Server")
            let notTemplate = await apiError { _ = try await api.call("listTemplates", [("templatefilter", "featured"), ("id", isoID)]) }
            #expect(notTemplate?.text == "Incorrect format ISO of the specified template id")
        }
    }

    @Test("the seeded download in progress shows 'N% Downloaded' and isready false to admins")
    func seededDownload() async throws {
        try await withSimulator { server in
            let admin = try admin(server)
            let row = try #require(try await admin.call("listTemplates", [("templatefilter", "all"), ("name", "Fedora 40 Cloud")]).items().first)
            #expect(row["isready"] == .bool(false))
            #expect(row["status"]?.text?.hasSuffix("% Downloaded") == true)
            #expect(row["size"] == nil)
        }
    }

    @Test("registerTemplate answers the template not ready in each zone; its download runs from 0% to Download Complete over ten job delays")
    func registerAndDownload() async throws {
        // Ten delays of 0.4-0.5 s: a download of 4-5 s, long enough to be seen in progress on a loaded machine.
        try await withSimulator(jobDelay: 0.4...0.5) { server in
            let admin = try admin(server), api = try user(server)
            let os = try #require(try await api.call("listOsTypes", [("description", "Ubuntu 24.04")]).items().first?["id"]?.text)
            let r = try await api.call("registerTemplate", [("name", "my-image"), ("displaytext", "My image"), ("url", "https://images.example.org/my-image.qcow2"),
                                                            ("format", "QCOW2"), ("hypervisor", "KVM"), ("ostypeid", os), ("zoneid", "-1"),
                                                            ("passwordenabled", "true"), ("isfeatured", "true")])
            #expect(r.responseName == "registertemplateresponse")
            let rows = r.items()
            let zones = try await ComputeFixtures.zones(admin)
            #expect(rows.count == zones.count)
            let first = try #require(rows.first)
            let id = try #require(first["id"]?.text)
            #expect(first["isready"] == .bool(false))
            #expect(first["status"]?.text?.hasSuffix("% Downloaded") == true)
            #expect(first["crossZones"] == .bool(true) && first["account"]?.text == "demo")
            // Only admins make featured templates.
            #expect(first["isfeatured"] == .bool(false))
            #expect(!(try await Self.names(api, [("templatefilter", "selfexecutable")]).contains("my-image")))
            // From the answer's own status (the download under way) to Download Complete.
            var statuses: [String] = [first["status"]?.text ?? ""]
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let row = try #require(try await api.call("listTemplates", [("templatefilter", "self"), ("id", id)]).items().first)
                if let st = row["status"]?.text, statuses.last != st { statuses.append(st) }
                if row["isready"] == .bool(true) { break }
                try await Task.sleep(nanoseconds: 100_000_000)
            }
            #expect(statuses.last == "Download Complete")
            #expect(statuses.contains { $0.hasSuffix("% Downloaded") })
            #expect(try await Self.names(api, [("templatefilter", "selfexecutable")]).contains("my-image"))
            // Ready now: a VM can be made from it.
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "mine-1", template: "my-image")
            #expect(vm["templatename"]?.text == "my-image" && vm["state"]?.text == "Running")
        }
    }

    @Test("registerTemplate refuses what the server refuses: other URL schemes, a file that is not of the format, an unknown format or zone pair")
    func registerRefusals() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let zone = try #require(try await ComputeFixtures.zones(admin).first?["id"]?.text)
            func register(_ extra: [(String, String)]) async -> (status: Int, code: Int, cs: Int?, text: String)? {
                var p: [(String, String)] = [("name", "x"), ("hypervisor", "KVM"), ("zoneid", zone)]
                for (k, v) in [("url", "https://images.example.org/x.qcow2"), ("format", "QCOW2")] where !extra.contains(where: { $0.0 == k }) { p.append((k, v)) }
                return await apiError { _ = try await api.call("registerTemplate", p + extra) }
            }
            #expect(await register([("url", "ftp://images.example.org/x.qcow2")])?.text == "Unsupported scheme for url: ftp://images.example.org/x.qcow2")
            #expect(await register([("url", "http://localhost/x.qcow2")])?.text == "Illegal host specified in url")
            #expect(await register([("url", "https://images.example.org/x.vhd")])?.text == "Please specify a valid URL. URL:/x.vhd is an invalid for the format qcow2")
            #expect(await register([("format", "VDI")])?.text.hasPrefix("Image format: VDI is incorrect. Supported formats are") == true)
            let both = await apiError {
                _ = try await api.call("registerTemplate", [("name", "x"), ("hypervisor", "KVM"), ("format", "QCOW2"), ("url", "https://images.example.org/x.qcow2")])
            }
            #expect(both?.text == "Either zoneid or zoneids is required. Both cannot be null.")
        }
    }

    @Test("updateTemplate renames for its owner (VM rows follow); another account's template is refused")
    func update() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let golden = try await ComputeFixtures.template(admin, "demo-webapp-golden")
            let r = try await api.call("updateTemplate", [("id", golden), ("name", "webapp-v2"), ("passwordenabled", "false")])
            #expect(r.responseName == "updatetemplateresponse")
            #expect(r.content["template"]?["name"]?.text == "webapp-v2" && r.content["template"]?["passwordenabled"] == .bool(false))
            let acme = try await ComputeFixtures.template(admin, "acme-base-image")
            #expect(await apiError { _ = try await api.call("updateTemplate", [("id", acme), ("name", "mine")]) }?.status == 531)
            let notIso = await apiError { _ = try await api.call("updateIso", [("id", golden), ("name", "iso?")]) }
            #expect(notIso?.text == "Please specify a valid iso.")
        }
    }

    @Test("copyTemplate adds a ready copy in another zone; deleteTemplate in use fails its job, otherwise removes the zone's copy")
    func copyAndDelete() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let zones = try await ComputeFixtures.zones(admin).compactMap { $0["id"]?.text }
            let golden = try await ComputeFixtures.template(admin, "demo-webapp-golden")
            let copied = try await ComputeFixtures.run(api, "copyTemplate", [("id", golden), ("destzoneids", zones[1])])
            #expect(copied["template"]?["zoneid"]?.text == zones[1] && copied["template"]?["isready"] == .bool(true))
            #expect(try await api.call("listTemplates", [("templatefilter", "self"), ("id", golden)]).list.count == 2)
            let sameZone = try await ComputeFixtures.jobFailure(api, "copyTemplate", [("id", golden), ("sourcezoneid", zones[0]), ("destzoneid", zones[0])])
            #expect(sameZone.text == "Please specify different source and destination zones.")
            // A VM made from it in the first zone holds it there.
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "golden-1", template: "demo-webapp-golden")
            let inUse = try await ComputeFixtures.jobFailure(api, "deleteTemplate", [("id", golden), ("zoneid", zones[0])])
            #expect(inUse.text.hasPrefix("Unable to delete template with id: \(golden) because VM instances: [VM instance {"))
            #expect(inUse.text.contains(try #require(vm["id"]?.text)))
            let deleted = try await ComputeFixtures.run(api, "deleteTemplate", [("id", golden), ("zoneid", zones[1])])
            #expect(deleted["success"] == .bool(true))
            let left = try await api.call("listTemplates", [("templatefilter", "self"), ("id", golden)]).items()
            #expect(left.compactMap { $0["zoneid"]?.text } == [zones[0]])
        }
    }

    @Test("listOsTypes lists a realistic set with categories; listHypervisors the zone's hypervisors")
    func osTypesAndHypervisors() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let os = try await api.listAll("listOsTypes").items.compactMap(\.objectValue)
            #expect(os.count >= 25)
            #expect(os.contains { $0["description"]?.text == "Windows Server 2022 (64-bit)" && $0["oscategoryname"]?.text == "Windows" })
            let r = try await api.call("listHypervisors")
            #expect(r.responseName == "listhypervisorsresponse")
            #expect(Set(r.items().compactMap { $0["name"]?.text }) == ["KVM", "VMware", "XenServer"])
        }
    }
}
