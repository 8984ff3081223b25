import CloudStack
import Foundation
import PluginKit
import StorageForms
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// `:` with any command listApis offers: a form from its parameters, ids as pickers, values checked by type.
@Suite("Any API command as a form")
struct APIFormTests {
    @Test(":stopVirtualMachine: the id is a picker of VMs; the call is confirmed, tracked, and the VM it returns is shown")
    func stopFromTheForm() async throws {
        try await SimConsole.with(vms: 12) { c in
            let running = try await c.client.call("listVirtualMachines", [("state", "Running")]).list.items
            let target = try #require(running.first)
            c.key(.char(":"))
            c.type("stopVirtualMachine")
            c.key(.enter)
            guard case .form(let form)? = c.s.overlay else { Issue.record("a form opens"); return }
            #expect(form.specs.map(\.key).first == "id", "required parameters first")
            #expect(form.specs.first?.optionsAPI?.command == "listVirtualMachines")
            #expect(form.specs.contains { $0.key == "forced" && $0.kind == .select })
            try await c.settle { s in if case .form(let f)? = s.overlay { return f.options["id"] != nil } else { return false } }
            // Choose the running VM in the picker, then send.
            guard case .form(var f)? = c.s.overlay else { return }
            f.values["id"] = target["id"]?.text
            f.rebuild()
            c.s.overlay = .form(f)
            c.key(.enter)
            guard case .confirm(let dialog, _)? = c.s.overlay else { Issue.record("stopping is confirmed"); return }
            #expect(dialog.message.contains("Send stopVirtualMachine?"))
            #expect(dialog.message.contains("id = \(target["id"]?.text ?? "")"))
            c.key(.char("y"))
            try await c.settle(timeout: 30) { $0.jobs.pendingCount == 0 && $0.section.hasPrefix("api:stopVirtualMachine") }
            #expect(c.s.detail != nil, "one object: its details are open")
            #expect(c.screen.renderedText.contains("Stopped"))
            #expect(c.api.last("stopVirtualMachine") != nil)
        }
    }

    @Test("a long parameter refuses text, a date parameter refuses 30/11/2026; typed values stay for correction")
    func typesAreChecked() {
        let info = APIInfo(name: "doThing", isAsync: false, responseFields: [],
                           params: [APIParamInfo(name: "capacitybytes", type: "long", required: true, description: "bytes", length: 255),
                                    APIParamInfo(name: "startdate", type: "date", required: false, description: "", length: 255),
                                    APIParamInfo(name: "enabled", type: "boolean", required: false, description: "", length: 255),
                                    APIParamInfo(name: "password", type: "string", required: false, description: "", length: 255)])
        let specs = APIForm.fields(info, apis: [])
        #expect(specs.first { $0.key == "capacitybytes" }?.problem("lots") != nil)
        #expect(specs.first { $0.key == "capacitybytes" }?.problem("1099511627776") == nil)
        #expect(specs.first { $0.key == "startdate" }?.problem("30/11/2026") != nil)
        #expect(specs.first { $0.key == "enabled" }?.options.map(\.value) == ["", "true", "false"])
        #expect(specs.first { $0.key == "password" }?.kind == .secret)
    }

    @Test("a map parameter is sent as name[i].key / name[i].value; empty fields are not sent")
    func mapsAndEmptyFields() {
        let info = APIInfo(name: "addImageStore", isAsync: false, responseFields: [],
                           params: [APIParamInfo(name: "provider", type: "string", required: true, description: "", length: 255),
                                    APIParamInfo(name: "details", type: "map", required: false, description: "", length: 255),
                                    APIParamInfo(name: "name", type: "string", required: false, description: "", length: 255)])
        let specs = APIForm.fields(info, apis: [])
        let call = APIForm.call("addImageStore", specs, ["provider": "NFS", "details": "accesskey=AK, bucket = b1", "name": ""])
        #expect(call.parameters.map { "\($0.0)=\($0.1)" } == ["provider=NFS", "details[0].key=accesskey", "details[0].value=AK",
                                                             "details[1].key=bucket", "details[1].value=b1"])
    }

    @Test("ids find their list API: zoneid, virtualmachineid, storageid, and id from the command's own noun")
    func pickers() {
        let apis = ["listZones", "listVirtualMachines", "listStoragePools", "listHosts"].map {
            APIInfo(name: $0, isAsync: false, responseFields: ["id", "name"], params: [APIParamInfo(name: "listall", type: "boolean", required: false, description: "", length: nil)])
        }
        #expect(APIForm.picker(for: "zoneid", command: "createVolume", apis: apis)?.command == "listZones")
        #expect(APIForm.picker(for: "virtualmachineid", command: "attachVolume", apis: apis)?.command == "listVirtualMachines")
        #expect(APIForm.picker(for: "storageid", command: "migrateVolume", apis: apis)?.command == "listStoragePools")
        #expect(APIForm.picker(for: "id", command: "reconnectHost", apis: apis)?.command == "listHosts")
        #expect(APIForm.picker(for: "snapshotid", command: "createVolume", apis: apis) == nil, "no list API: typed")
        #expect(APIForm.picker(for: "zoneid", command: "createVolume", apis: apis)?.limit == 500)
    }

    @Test("--read-only: a form for a command that changes something is not opened")
    func readOnlyRefuses() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api(), readOnly: true)
        s.apis = [APIInfo(name: "destroyVirtualMachine", isAsync: true, responseFields: [])]
        _ = PaletteCommands.execute("destroyVirtualMachine", &s)
        #expect(s.overlay == nil)
        #expect(s.flash?.text.contains("Read-only mode") == true)
    }
}
