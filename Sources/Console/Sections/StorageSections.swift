import CloudStack
import PluginKit

/// Primary Storage, Secondary Storage and VM Snapshots.
enum StorageSections {
    static func primary() -> ListViewDefinition {
        ListViewDefinition(id: "primary-storage", title: "Primary Storage", fields: [
            ListField("name", "Name", minWidth: 8), ListField("state", "State", format: .state), ListField("scope", "Scope"),
            ListField("type", "Type"), ListField("provider", "Provider"), ListField("zonename", "Zone"),
            ListField("clustername", "Cluster"), ListField("disksizeused", "Used", format: .bytes),
            ListField("disksizetotal", "Total", format: .bytes), ListField("tags", "Tags"),
        ], dataProvider: .api("listStoragePools"), actions: [
            poolAction("maintain", "Enable maintenance", key: "M", command: "enableStorageMaintenance", states: ["Up", "ErrorInMaintenance"],
                       confirm: "Put primary storage %@ into maintenance? Its volumes' VMs are stopped or migrated."),
            poolAction("cancel-maintain", "Cancel maintenance", key: "C", command: "cancelStorageMaintenance",
                       states: ["Maintenance", "PrepareForMaintenance", "ErrorInMaintenance"], confirm: "Cancel maintenance of %@?"),
        ], stateField: "state")
    }

    static func poolAction(_ id: String, _ label: String, key: Character, command: String, states: Set<String>, confirm: String) -> RowAction {
        let name: @Sendable (PluginContext) -> String = { $0.row("primary-storage")?["name"] ?? "?" }
        return RowAction(id: id, label: label, key: key, isMutating: true, requiredAPIs: [command],
                         confirm: { ctx in confirm.replacingOccurrences(of: "%@", with: name(ctx)) },
                         notification: { ctx in "\(label): \(name(ctx))" },
                         isAvailable: { row, _ in states.contains(row["state"] ?? "") },
                         perform: { ctx in
                             guard let row = ctx.row("primary-storage") else { throw CloudStackError.configuration("no storage pool is selected") }
                             let r = try await ctx.api.call(command, [("id", row.id)])
                             return r.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: nil)
                         })
    }

    static func secondary() -> ListViewDefinition {
        ListViewDefinition(id: "secondary-storage", title: "Secondary Storage", fields: [
            ListField("name", "Name", minWidth: 8), ListField("providername", "Provider"), ListField("protocol", "Protocol"),
            ListField("zonename", "Zone"), ListField("url", "URL", minWidth: 12), ListField("readonly", "Read-only", format: .bool),
        ], dataProvider: .api("listImageStores"))
    }

    static func vmSnapshots() -> ListViewDefinition {
        let name: @Sendable (PluginContext) -> String = { $0.row("vm-snapshots")?["name"] ?? "?" }
        return ListViewDefinition(id: "vm-snapshots", title: "VM Snapshots", fields: [
            ListField("name", "Name", minWidth: 8), ListField("state", "State", format: .state),
            ListField("virtualmachinename", "VM"), ListField("type", "Type"), ListField("current", "Current", format: .bool),
            ListField("created", "Created", format: .date),
        ], dataProvider: .api("listVMSnapshot", [("listall", "true")]), actions: [
            RowAction(id: "revert", label: "Revert to snapshot", key: "V", requiredAPIs: ["revertToVMSnapshot"],
                      confirm: { "Revert its VM to snapshot \(name($0))? Changes since the snapshot are lost." },
                      notification: { "Revert to VM snapshot \(name($0))" },
                      isAvailable: { row, _ in row["state"] == "Ready" },
                      perform: { ctx in
                          guard let row = ctx.row("vm-snapshots") else { throw CloudStackError.configuration("no snapshot is selected") }
                          let r = try await ctx.api.call("revertToVMSnapshot", [("vmsnapshotid", row.id)])
                          return r.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: nil)
                      }),
            RowAction(id: "delete", label: "Delete snapshot", key: "D", requiredAPIs: ["deleteVMSnapshot"],
                      confirm: { "Delete VM snapshot \(name($0))?" },
                      notification: { "Delete VM snapshot \(name($0))" },
                      isAvailable: { row, _ in ["Ready", "Error", "Expunging"].contains(row["state"] ?? "") },
                      perform: { ctx in
                          guard let row = ctx.row("vm-snapshots") else { throw CloudStackError.configuration("no snapshot is selected") }
                          let r = try await ctx.api.call("deleteVMSnapshot", [("vmsnapshotid", row.id)])
                          return r.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: nil)
                      }),
        ], stateField: "state")
    }
}
