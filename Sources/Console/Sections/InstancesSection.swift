import CloudStack
import PluginKit

/// Instances (listVirtualMachines) with the web UI's row actions, each offered only in the states that allow it.
enum InstancesSection {
    static let id = "instances"

    static func definition() -> ListViewDefinition {
        ListViewDefinition(
            id: id, title: "Instances",
            fields: [
                ListField("name", "Name", minWidth: 14), ListField("state", "State", format: .state, minWidth: 9),
                ListField("zonename", "Zone", minWidth: 9), ListField("hostname", "Host", minWidth: 10), ListField("nic", "IP", minWidth: 11),
                ListField("serviceofferingname", "Offering", minWidth: 12), ListField("account", "Account", minWidth: 8),
                ListField("created", "Created", format: .date, minWidth: 16),
            ],
            dataProvider: .api("listVirtualMachines", [("listall", "true")]),
            actions: [
                vmAction("start", "Start", key: "S", command: "startVirtualMachine", states: ["Stopped"], confirm: nil),
                vmAction("stop", "Stop", key: "T", command: "stopVirtualMachine", states: ["Running"],
                         confirm: "Stop VM %@? Its guest OS is shut down."),
                vmAction("restart", "Restart", key: "R", command: "rebootVirtualMachine", states: ["Running"],
                         confirm: "Restart VM %@?"),
                vmAction("destroy", "Destroy", key: "D", command: "destroyVirtualMachine", states: ["Running", "Stopped", "Error"],
                         confirm: "Destroy VM %@? It stops and its root disk is scheduled for deletion."),
                takeSnapshot(),
            ],
            stateField: "state")
    }

    /// Take VM snapshot [P]: the web UI's form (name, description, snapshotmemory, quiescevm). The booleans are
    /// always sent; name and description only when filled in.
    static func takeSnapshot() -> RowAction {
        let name: @Sendable (PluginContext) -> String = { $0.row(Self.id)?["name"] ?? $0.row(Self.id)?.id ?? "?" }
        return RowAction(
            id: "snapshot", label: "Take VM snapshot", key: "P", commands: ["createVMSnapshot"],
            inputs: [
                ActionInput(key: "name", label: "Name"),
                ActionInput(key: "description", label: "Description"),
                ActionInput(key: "snapshotmemory", label: "Include memory", kind: .bool, defaultValue: "false"),
                ActionInput(key: "quiescevm", label: "Quiesce VM", kind: .bool, defaultValue: "false"),
            ],
            confirm: { ctx in "Take a snapshot of VM \(name(ctx))?" },
            notification: { ctx in "Take VM snapshot of \(name(ctx))" },
            isAvailable: { row, _ in ["Running", "Stopped"].contains(row["state"] ?? "") },
            call: { row, inputs in APICall("createVMSnapshot", snapshotParameters(vmID: row.id, inputs: inputs)) })
    }

    static func snapshotParameters(vmID: String, inputs: [String: String]) -> [(String, String)] {
        var params = [("virtualmachineid", vmID)]
        for key in ["name", "description"] {
            if let v = inputs[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty { params.append((key, v)) }
        }
        for key in ["snapshotmemory", "quiescevm"] { params.append((key, inputs[key] == "true" ? "true" : "false")) }
        return params
    }

    static func vmAction(_ id: String, _ label: String, key: Character, command: String, states: Set<String>,
                         idParameter: String = "id", confirm: String?) -> RowAction {
        let name: @Sendable (PluginContext) -> String = { $0.row(Self.id)?["name"] ?? $0.row(Self.id)?.id ?? "?" }
        let question = confirm ?? "\(label) VM %@?"
        return RowAction(
            id: id, label: label, key: key, commands: [command],
            confirm: { ctx in question.replacingOccurrences(of: "%@", with: name(ctx)) },
            notification: { ctx in "\(label) VM \(name(ctx))" },
            isAvailable: { row, _ in states.contains(row["state"] ?? "") },
            call: { row, _ in APICall(command, [(idParameter, row.id)]) })
    }
}
