import CloudStack
import Foundation
import PluginKit
import StorageForms
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// A wizard action against the simulator: steps, cascading pickers, fields shown by a chosen option's attributes,
/// Esc going back with input kept, the confirmation as the review.
@Suite("Wizard forms")
struct WizardTests {
    static let json = #"""
    {"title": "Vols", "desc": "d", "listView": {"id": "vols", "command": "listVolumes", "parameters": {"listall": "true"},
      "fields": [{"key": "name", "label": "Name"}, {"key": "state", "label": "State"}],
      "headerActions": [{"id": "add", "label": "Add volume", "command": "createVolume", "notification": "Add volume {input.name}",
        "steps": [
          {"title": "Zone", "inputs": [{"key": "zoneid", "label": "Zone", "kind": "select", "required": true, "options": {"command": "listZones"}}]},
          {"title": "Offering", "inputs": [
            {"key": "diskofferingid", "label": "Offering", "kind": "select", "required": true,
             "options": {"command": "listDiskOfferings", "parameters": {"zoneid": "{zoneid}"}, "attributes": ["iscustomized"]}},
            {"key": "size", "label": "Size (GB)", "kind": "number", "integer": true, "min": 1, "required": true,
             "showIf": {"diskofferingid.iscustomized": ["true"]}}]},
          {"title": "Name", "inputs": [{"key": "name", "label": "Name", "required": true}]}]}]}}
    """#

    @Test("Add volume in three steps: zone, then an offering (size only for the custom one), then a name; Esc goes back keeping the name; the job makes the volume")
    func addVolumeWizard() async throws {
        try await SimConsole.with(vms: 10) { c in
            let view = try #require(try PluginManifest.parse(Self.json, file: "vols.json").view)
            c.s.lists["vols"] = ListModel(definition: ListViewDefinition(view))
            try await c.open("vols")
            c.key(.char("A"))
            guard case .form(let first)? = c.s.overlay else { Issue.record("the wizard opens"); return }
            #expect(first.stepTitle == "Zone (1 of 3)")
            #expect(c.screen.renderedText.contains("Zone (1 of 3)"))
            try await c.settle { s in if case .form(let f)? = s.overlay { return f.options["zoneid"]?.isEmpty == false } else { return false } }
            c.key(.enter)
            guard case .form(let second)? = c.s.overlay else { return }
            #expect(second.stepTitle == "Offering (2 of 3)")
            #expect(second.requested["diskofferingid"]?.parameters.first?.1 == second.values["zoneid"], "the offerings of the chosen zone")
            try await c.settle { s in if case .form(let f)? = s.overlay { return f.options["diskofferingid"]?.isEmpty == false } else { return false } }
            // Choose the custom offering: the size field appears, and must be filled.
            guard case .form(var f)? = c.s.overlay, let custom = f.options["diskofferingid"]?.first(where: { $0.attributes["iscustomized"] == "true" }) else {
                Issue.record("a custom offering is offered"); return
            }
            #expect(!f.shown.contains { $0.key == "size" })
            f.values["diskofferingid"] = custom.value
            f.rebuild()
            c.s.overlay = .form(f)
            guard case .form(let withSize)? = c.s.overlay else { return }
            #expect(withSize.shown.contains { $0.key == "size" })
            c.key(.enter)
            guard case .form(let stillTwo)? = c.s.overlay else { return }
            #expect(stillTwo.step == 1, "an empty size keeps the step")
            #expect(stillTwo.errors["size"] != nil)
            // The cursor is on the field that needs a value.
            c.type("12")
            c.key(.enter)
            guard case .form(let third)? = c.s.overlay else { return }
            #expect(third.stepTitle == "Name (3 of 3)")
            c.type("data-wizard")
            c.key(.escape)
            guard case .form(let back)? = c.s.overlay else { Issue.record("Esc goes back a step, not out"); return }
            #expect(back.step == 1)
            #expect(back.values["size"] == "12")
            c.key(.enter)
            guard case .form(let again)? = c.s.overlay else { return }
            #expect(again.values["name"] == "data-wizard", "what was typed survives going back")
            c.key(.enter)
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("the review: \(String(describing: c.s.overlay))"); return }
            #expect(dialog.message.contains("Sends createVolume"))
            #expect(dialog.message.contains("size = 12"))
            #expect(dialog.message.contains("name = data-wizard"))
            c.key(.char("y"))
            try await c.settle(timeout: 30) { $0.jobs.pendingCount == 0 }
            let made = try await c.client.call("listVolumes", [("name", "data-wizard"), ("listall", "true")]).list.items
            #expect(made.first?["size"]?.intValue == Int64(12) * 1_073_741_824)
        }
    }

    @Test("a fixed-size offering sends no size, even if one was typed while a custom one was chosen")
    func hiddenFieldsAreNotSent() throws {
        let view = try #require(try PluginManifest.parse(Self.json, file: "vols.json").view)
        let spec = try #require(view.headerActions.first)
        #expect(spec.steps.map(\.title) == ["Zone", "Offering", "Name"])
        let values = ["zoneid": "z", "diskofferingid": "small", "diskofferingid.iscustomized": "false", "size": "12", "name": "n"]
        let call = try #require(spec.call(row: Row(id: "", fields: JSONObject()), values: values))
        #expect(!call.parameters.contains { $0.0 == "size" })
    }
}
