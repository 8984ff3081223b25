import CloudStack
import Foundation
import PluginKit
import StorageForms
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// The compute sections' actions as an operator runs them against the simulator: the Deploy VM wizard, Migrate to
/// host's picker, Reset password shown once; and the calls the forms plan.
@Suite("Compute sections")
struct ComputeSectionTests {
    static func form(_ c: SimConsole) -> ActionForm? { if case .form(let f)? = c.s.overlay { return f } else { return nil } }

    /// Waits until the picker `key` of the open form has its answer (choices or an error).
    static func loaded(_ c: SimConsole, _ key: String) async throws {
        try await c.settle { s in
            if case .form(let f)? = s.overlay { return f.options[key] != nil || f.optionErrors[key] != nil } else { return false }
        }
    }

    /// Sets a select of the open form to `value`, as choosing it with the arrows does.
    static func choose(_ c: SimConsole, _ key: String, _ value: String) {
        guard var f = form(c) else { return }
        f.values[key] = value
        f.rebuild()
        c.s.overlay = .form(f)
    }

    @Test("Deploy VM from the Instances header: zone, template, offering, no data disk, network, name; the new VM is in the list")
    func deployWizard() async throws {
        try await SimConsole.with(vms: 10) { c in
            try await c.open("instances")
            c.key(.char("A"))
            #expect(Self.form(c)?.stepTitle == "Zone (1 of 7)")
            try await Self.loaded(c, "zoneid")
            let zone = try #require(Self.form(c)?.values["zoneid"])
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "Template (2 of 7)")
            try await Self.loaded(c, "templateid")
            let asked = try #require(Self.form(c)?.requested["templateid"])
            #expect(asked.command == "listTemplates")
            #expect(asked.parameters.contains { $0 == ("templatefilter", "executable") } && asked.parameters.contains { $0 == ("zoneid", zone) },
                    "the zone's usable templates: \(asked.parameters)")
            let templates = try await c.client.call("listTemplates", [("templatefilter", "executable"), ("zoneid", zone)]).list.items
            let template = try #require(templates.first { $0["isready"]?.text == "true" && $0["format"]?.text != "ISO" }?["id"]?.text)
            #expect(Self.form(c)?.options["templateid"]?.contains { $0.value == template } == true)
            Self.choose(c, "templateid", template)
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "Compute offering (3 of 7)")
            try await Self.loaded(c, "serviceofferingid")
            let offerings = Self.form(c)?.options["serviceofferingid"] ?? []
            let fixed = try #require(offerings.first { $0.attributes["iscustomized"] == "false" })
            if let custom = offerings.first(where: { $0.attributes["iscustomized"] == "true" }) {
                Self.choose(c, "serviceofferingid", custom.value)
                #expect(Self.form(c)?.shown.map(\.key) == ["serviceofferingid", "cpunumber", "cpuspeed", "memory"], "CPU and memory for a custom offering")
            }
            Self.choose(c, "serviceofferingid", fixed.value)
            #expect(Self.form(c)?.shown.map(\.key) == ["serviceofferingid"])
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "Data disk (4 of 7)")
            try await Self.loaded(c, "diskofferingid")
            #expect(Self.form(c)?.values["diskofferingid"] == "", "an optional picker starts at none")
            #expect(c.screen.renderedText.contains("none"))
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "Network (5 of 7)")
            try await Self.loaded(c, "networkids")
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "SSH key pair and affinity (6 of 7)")
            c.key(.enter)
            #expect(Self.form(c)?.stepTitle == "Name (7 of 7)")
            c.type("web-wizard")
            c.key(.enter)
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("the review: \(String(describing: c.s.overlay))"); return }
            #expect(dialog.message.contains("Sends deployVirtualMachine"))
            #expect(dialog.message.contains("templateid = \(template)"))
            #expect(dialog.message.contains("name = web-wizard"))
            #expect(!dialog.message.contains("diskofferingid"), "no data disk was chosen")
            #expect(!dialog.message.contains("templatefilter"), "the template list's filter is not a deploy parameter")
            c.key(.char("y"))
            try await c.settle(timeout: 30) { $0.jobs.pendingCount == 0 }
            #expect(c.s.jobs.jobs.first?.status == .succeeded, "\(String(describing: c.s.jobs.jobs.first?.status))")
            try await c.settleAction(in: "instances")
            let made = try await c.client.call("listVirtualMachines", [("name", "web-wizard"), ("listall", "true")]).list.items
            #expect(made.first?["state"]?.text == "Running")
            #expect(made.first?["templateid"]?.text == template)
            try await c.settle { s in s.lists["instances"]?.rows.contains { $0["name"] == "web-wizard" } == true }
            #expect(c.s.jobs.jobs.first?.title == "Deploy VM web-wizard", "the tray names the VM typed in the wizard")
        }
    }

    @Test("Migrate to host lists the hosts findHostsForMigration answers for the VM, each with its suitability and load")
    func migratePickerLabels() async throws {
        try await SimConsole.with(vms: 10) { c in
            try await c.open("instances")
            let vm = try c.select(in: "instances") { $0["state"] == "Running" }
            c.key(.char("M"))
            try await Self.loaded(c, "hostid")
            let f = try #require(Self.form(c))
            #expect(f.requested["hostid"]?.command == "findHostsForMigration")
            #expect(f.requested["hostid"]?.parameters.contains { $0 == ("id", vm.id) } == true)
            let labels = (f.options["hostid"] ?? []).map(\.label)
            #expect(!labels.isEmpty, "\(f.optionErrors)")
            let hosts = try await c.client.call("findHostsForMigration", [("id", vm.id)]).list.items
            let first = try #require(hosts.first)
            let name = first["name"]?.text ?? "", suitable = first["suitableformigration"]?.text ?? "", cpu = first["cpuallocated"]?.text ?? ""
            #expect(labels.first?.hasPrefix("\(name)  suitable \(suitable)  cpu \(cpu)  mem ") == true, "\(labels.first ?? "")")
            #expect(c.screen.renderedText.contains("suitable"), "the label is on screen")
        }
    }

    @Test("Reset password on a stopped password-enabled VM shows the new password once; the tray and status line do not keep it")
    func resetPasswordRevealed() async throws {
        try await SimConsole.with(vms: 30) { c in
            let vms = try await c.client.call("listVirtualMachines", [("listall", "true")]).list.items
            let vm = try #require(vms.first { $0["passwordenabled"]?.text == "true" && $0["state"]?.text == "Stopped" }
                                  ?? vms.first { $0["passwordenabled"]?.text == "true" && $0["state"]?.text == "Running" })
            let id = try #require(vm["id"]?.text)
            if vm["state"]?.text == "Running" {
                let r = try await c.client.call("stopVirtualMachine", [("id", id)])
                if let job = r.jobID { _ = try await c.client.waitForJob(job, command: "stopVirtualMachine") }
            }
            try await c.open("instances")
            try c.select(in: "instances") { $0.id == id }
            c.key(.char("K"))
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("the confirmation: \(String(describing: c.s.overlay))"); return }
            #expect(dialog.message.contains("Sends resetPasswordForVirtualMachine"))
            c.key(.char("y"))
            try await c.settle(timeout: 30) { s in if case .message? = s.overlay { return true } else { return false } }
            let shown = c.screen.renderedText
            #expect(shown.contains("Shown once"))
            let line = try #require(shown.split(separator: "\n").first { $0.contains("password: ") })
            let after = try #require(line.range(of: "password: ")).upperBound
            let password = String(line[after...].prefix { !$0.isWhitespace && $0 != "│" })
            #expect(password.count >= 6, "a generated password: \(line)")
            c.key(.enter)
            #expect(c.s.overlay == nil)
            c.key(.char("n"))
            #expect(!c.screen.renderedText.contains(password), "the tray does not keep it")
            let flash = c.s.flash?.text ?? ""
            #expect(!flash.contains(password), "the status line does not keep it")
        }
    }

    @Test("a custom offering's CPU and memory are sent as the details map the server reads; a fixed one sends none")
    func customOfferingDetails() throws {
        let spec = try #require(BuiltInSections.view("instances")?.headerActions.first { $0.id == "deploy" })
        let row = Row(id: "", fields: JSONObject())
        var values = ["zoneid": "z", "templatefilter": "executable", "templateid": "t", "serviceofferingid": "o",
                      "serviceofferingid.iscustomized": "true", "cpunumber": "2", "cpuspeed": "1000", "memory": "2048", "name": "n"]
        let custom = try #require(spec.call(row: row, values: values))
        for (k, v) in [("details[0].cpuNumber", "2"), ("details[0].cpuSpeed", "1000"), ("details[0].memory", "2048")] {
            #expect(custom.parameters.contains { $0 == (k, v) }, "\(k) in \(custom.parameters)")
        }
        values["serviceofferingid.iscustomized"] = "false"
        let fixed = try #require(spec.call(row: row, values: values))
        #expect(!fixed.parameters.contains { $0.0.hasPrefix("details") })
        #expect(!fixed.parameters.contains { $0.0 == "templatefilter" })
    }

    @Test("Destroy asks an admin whether to expunge; a user's Destroy has no such box")
    func destroyExpungeForAdmins() throws {
        let view = try #require(BuiltInSections.view("instances"))
        let row = Row(id: "vm-1", fields: JSONObject([("state", .string("Running"))]))
        let offered = view.actions.filter { $0.key == "D" && $0.applies(to: row, role: "Admin") }
        #expect(offered.map(\.id) == ["destroy-admin"])
        #expect(offered.first?.form.map(\.key) == ["expunge"])
        let user = view.actions.filter { $0.key == "D" && $0.applies(to: row, role: "User") }
        #expect(user.map(\.id) == ["destroy"])
        #expect(user.first?.form.isEmpty == true)
    }
}
