import CloudStack
import PluginKit
import StorageForms

/// Any command listApis offers, as a form (`:deployVirtualMachine`): a field per parameter, typed as listApis says
/// (numbers, true/false, dates, lists, maps), ids as pickers filled from the matching list API, required ones
/// first. The call is checked before it is sent, confirmed when it changes something, tracked when it is async,
/// and its answer opens as a list (rows) or as the details of what came back.
enum APIForm {
    static func open(_ info: APIInfo, _ s: inout AppState) -> [Effect] {
        let mutating = !CommandKind.isReadOnly(info.name)
        if mutating && s.readOnly {
            Update.flash(&s, "Read-only mode: \(info.name) changes something, so it is not offered", error: true)
            return []
        }
        let specs = fields(info, apis: s.apis)
        let action = RowAction(id: "api:" + info.name, label: info.name, commands: [info.name], inputs: specs,
                               confirm: { _ in "Send \(info.name)?" },
                               notification: { _ in info.name }, call: { _, values in call(info.name, specs, values) })
        var pending = PendingAction(action: action, listView: "", row: Row(id: "", fields: JSONObject()), context: s.context())
        pending.showsResult = true
        if specs.isEmpty { return Actions.confirmOrRun(pending, &s) }
        s.nextDialogID += 1
        var form = ActionForm(id: s.nextDialogID, pending: pending)
        let effects = form.takeOptionLoads()
        s.overlay = .form(form)
        return effects
    }

    /// Required parameters first, then the rest, each in listApis' order.
    static func fields(_ info: APIInfo, apis: [APIInfo]) -> [FieldSpec] {
        let ordered = info.params.filter(\.required) + info.params.filter { !$0.required }
        return ordered.map { field($0, command: info.name, apis: apis) }
    }

    static func field(_ p: APIParamInfo, command: String, apis: [APIInfo]) -> FieldSpec {
        let help = p.description.isEmpty ? nil : String(p.description.prefix(200))
        var f = FieldSpec(key: p.name, label: p.name, kind: .text, required: p.required, help: help, target: .param(p.name))
        let lower = p.name.lowercased()
        switch p.type {
        case "boolean":
            f.kind = .select
            f.options = (p.required ? [] : [FieldOption(value: "", label: "(not sent)")]) + [FieldOption(value: "true", label: "true"), FieldOption(value: "false", label: "false")]
        case "integer", "short":
            f.kind = .number
            f.integer = true
            f.min = p.type == "short" ? -32768 : -2_147_483_648
            f.max = p.type == "short" ? 32767 : 2_147_483_647
        case "long":
            f.kind = .number
            f.integer = true
        case "float", "double":
            f.kind = .number
        case "date":
            f.format = .date
        case "list":
            f.transform = "list"
            f.help = (help.map { $0 + " " } ?? "") + "(comma-separated)"
        case "map":
            f.transform = "map"
            f.help = (help.map { $0 + " " } ?? "") + "(key=value, key2=value2)"
        case "uuid":
            if let api = picker(for: lower, command: command, apis: apis) {
                f.kind = .select
                f.optionsAPI = api
                if !p.required { f.options = [FieldOption(value: "", label: "(not sent)")] }
            }
        default:
            break
        }
        if f.kind == .text, lower.contains("password") || lower.contains("secret") || lower == "privatekey" { f.kind = .secret }
        return f
    }

    /// The list API an id parameter's value comes from: `zoneid` → listZones, `virtualmachineid` →
    /// listVirtualMachines, `id` → the command's own kind (`stopVirtualMachine` → listVirtualMachines); nil when
    /// listApis offers none (the field is then typed).
    static func picker(for parameter: String, command: String, apis: [APIInfo]) -> FieldSpec.OptionsAPI? {
        let known = ["storageid": "listStoragePools", "ipaddressid": "listPublicIpAddresses", "publicipid": "listPublicIpAddresses",
                     "isoid": "listIsos", "ostypeid": "listOsTypes", "vmsnapshotid": "listVMSnapshot", "imagestoreid": "listImageStores",
                     "diskofferingid": "listDiskOfferings", "serviceofferingid": "listServiceOfferings"]
        var entity = String(parameter.dropLast(2))
        if parameter == "id" {
            // The command's noun: its name after the leading lower-case verb.
            entity = String(command.drop { $0.isLowercase }).lowercased()
        }
        guard parameter.hasSuffix("id"), !entity.isEmpty else { return nil }
        let names = Set(apis.map { $0.name.lowercased() })
        let candidates = [known[parameter]?.lowercased()].compactMap { $0 } + ["list\(entity)s", "list\(entity)es", "list\(entity)"]
        guard let match = candidates.first(where: names.contains), let api = apis.first(where: { $0.name.lowercased() == match }) else { return nil }
        var parameters: [(String, String)] = []
        if api.params.contains(where: { $0.name == "listall" }) { parameters.append(("listall", "true")) }
        if api.name == "listTemplates" { parameters.append(("templatefilter", "executable")) }
        if api.name == "listIsos" { parameters.append(("isofilter", "executable")) }
        let label = api.responseFields.contains("name") || api.responseFields.isEmpty ? "name" : (api.responseFields.first { $0.hasSuffix("name") } ?? "id")
        return FieldSpec.OptionsAPI(command: api.name, parameters: parameters, value: "id", label: label, limit: 500)
    }

    /// The call: each filled field as its parameter; a map as `name[0].key=k&name[0].value=v`, as the server reads maps.
    static func call(_ command: String, _ specs: [FieldSpec], _ values: [String: String]) -> APICall {
        var params: [(String, String)] = []
        for spec in specs {
            let raw = (values[spec.key] ?? "").trimmingCharacters(in: .whitespaces)
            guard !raw.isEmpty else { continue }
            if spec.transform == "map" {
                let pairs = raw.split(separator: ",").map { $0.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) } }
                for (i, pair) in pairs.enumerated() where pair.count == 2 && !pair[0].isEmpty {
                    params.append(("\(spec.key)[\(i)].key", pair[0]))
                    params.append(("\(spec.key)[\(i)].value", pair[1]))
                }
            } else if let v = spec.wireValue(raw) {
                params.append((spec.key, v))
            }
        }
        return APICall(command, params)
    }
}
