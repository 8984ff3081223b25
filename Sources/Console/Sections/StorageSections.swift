import CloudStack
import Foundation
import PluginKit

/// Primary Storage, Secondary Storage and VM Snapshots.
enum StorageSections {
    static let primaryID = "primary-storage"
    static let secondaryID = "secondary-storage"

    static func primary() -> ListViewDefinition {
        ListViewDefinition(id: primaryID, title: "Primary Storage", fields: [
            // Capacity right after the state: at 80 columns it is what an operator scans for, before type and provider.
            ListField("name", "Name", minWidth: 12), ListField("state", "State", format: .state, minWidth: 6),
            ListField("capacity", "Capacity", format: .capacity, minWidth: 7), ListField("scope", "Scope"),
            ListField("type", "Type"), ListField("provider", "Provider"), ListField("zonename", "Zone"),
            ListField("clustername", "Cluster"), ListField("tags", "Tags"),
        ], dataProvider: .api("listStoragePools"), actions: [
            poolAction("maintain", "Enable maintenance", key: "M", command: "enableStorageMaintenance", states: ["Up", "ErrorInMaintenance"],
                       confirm: "Put primary storage %@ into maintenance? Its volumes' VMs are stopped or migrated."),
            poolAction("cancel-maintain", "Cancel maintenance", key: "C", command: "cancelStorageMaintenance",
                       states: ["Maintenance", "PrepareForMaintenance", "ErrorInMaintenance"], confirm: "Cancel maintenance of %@?"),
            updatePool(),
            poolAction("disable", "Disable", key: "X", command: "updateStoragePool", extra: [("enabled", "false")], states: ["Up"],
                       confirm: "Disable primary storage %@? No new volumes are allocated on it."),
            poolAction("enable", "Enable", key: "E", command: "updateStoragePool", extra: [("enabled", "true")], states: ["Disabled"],
                       confirm: nil),
            deletePool(),
        ], stateField: "state")
    }

    static func poolName(_ ctx: PluginContext) -> String { ctx.row(primaryID)?["name"] ?? "?" }

    static func poolAction(_ id: String, _ label: String, key: Character, command: String, extra: [(String, String)] = [],
                           states: Set<String>, confirm: String?) -> RowAction {
        let question = confirm ?? "\(label) primary storage %@?"
        return RowAction(id: id, label: label, key: key, commands: [command],
                         confirm: { ctx in question.replacingOccurrences(of: "%@", with: poolName(ctx)) },
                         notification: { ctx in "\(label): \(poolName(ctx))" },
                         isAvailable: { row, _ in states.contains(row["state"] ?? "") },
                         call: { row, _ in APICall(command, [("id", row.id)] + extra) })
    }

    /// Update [U]: name, tags, capacity bytes and IOPS, seeded from the row; only changed fields are sent.
    static func updatePool() -> RowAction {
        RowAction(id: "update", label: "Update", key: "U", commands: ["updateStoragePool"],
                  inputs: [
                      ActionInput(key: "name", label: "Name", required: true, rowField: "name"),
                      ActionInput(key: "tags", label: "Tags (comma list)", rowField: "tags"),
                      // Shown as 40T when exact; 500G, 40 TiB or a plain byte count are all accepted.
                      ActionInput(key: "capacitybytes", label: "Capacity", kind: .bytes, rowField: "disksizetotal"),
                      ActionInput(key: "capacityiops", label: "Capacity IOPS", kind: .number, rowField: "capacityiops"),
                  ],
                  confirm: { ctx in "Update primary storage \(poolName(ctx))?" },
                  notification: { ctx in "Update primary storage \(poolName(ctx))" },
                  isAvailable: { row, _ in row["state"] != "Removed" },
                  call: { row, inputs in
                      let params = try updateParameters(row: row, inputs: inputs)
                      return params.isEmpty ? nil : APICall("updateStoragePool", [("id", row.id)] + params)
                  })
    }

    /// The updateStoragePool parameters for the fields the user changed. Tags compare as lists (spaces and
    /// empty entries dropped); an emptied tags field is sent as `tags=` to clear them.
    static func updateParameters(row: Row, inputs: [String: String]) throws -> [(String, String)] {
        var params: [(String, String)] = []
        if let name = inputs["name"]?.trimmingCharacters(in: .whitespaces), !name.isEmpty, name != row["name"] {
            params.append(("name", name))
        }
        func tagList(_ s: String?) -> [String] {
            (s ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let tags = inputs["tags"] {
            let new = tagList(tags)
            if new != tagList(row["tags"]) { params.append(("tags", new.joined(separator: ","))) }
        }
        if let text = inputs["capacitybytes"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let n = ByteSize.parse(text) else {
                throw CloudStackError.configuration("Capacity must be \(ByteSize.expected), not “\(text)”")
            }
            if String(n) != row["disksizetotal"] { params.append(("capacitybytes", String(n))) }
        }
        if let text = inputs["capacityiops"] {
            let digits = text.filter { $0 != "," && $0 != " " && $0 != "_" }
            if !digits.isEmpty, digits != row["capacityiops"] {
                guard let n = Int64(digits), n > 0 else {
                    throw CloudStackError.configuration("Capacity IOPS must be a whole number of at least 1 (commas allowed), not “\(text)”")
                }
                params.append(("capacityiops", String(n)))
            }
        }
        return params
    }

    /// Delete [D]: only in Maintenance (the server refuses elsewhere), optionally expunging Destroyed volumes.
    static func deletePool() -> RowAction {
        RowAction(id: "delete", label: "Delete", key: "D", commands: ["deleteStoragePool"],
                  inputs: [ActionInput(key: "forced", label: "Also expunge volumes in Destroyed state", kind: .bool, defaultValue: "false")],
                  confirm: { ctx in
                      let forced = ctx.inputs["forced"] == "true" ? " Volumes in Destroyed state on it are expunged." : ""
                      return "Delete primary storage \(poolName(ctx))? It is removed from CloudStack.\(forced)"
                  },
                  notification: { ctx in "Delete primary storage \(poolName(ctx))" },
                  isAvailable: { row, _ in row["state"] == "Maintenance" },
                  call: { row, inputs in
                      APICall("deleteStoragePool", [("id", row.id)] + (inputs["forced"] == "true" ? [("forced", "true")] : []))
                  })
    }

    // MARK: - Secondary storage

    static func secondary() -> ListViewDefinition {
        ListViewDefinition(id: secondaryID, title: "Secondary Storage", fields: [
            ListField("name", "Name", minWidth: 14), ListField("role", "Role", minWidth: 7), ListField("providername", "Provider"),
            ListField("protocol", "Protocol"), ListField("zonename", "Zone"), ListField("location", "URL", minWidth: 20),
            ListField("readonly", "Read-only", format: .bool), ListField("capacity", "Capacity", format: .capacity, minWidth: 7),
        ], dataProvider: secondaryProvider(), actions: [deleteSecondary()])
    }

    /// Image stores and secondary staging stores in one list (there are few), each row marked with a
    /// synthetic `role` (Image or Staging) and `location` (the URL, or endpoint/bucket for S3).
    static func secondaryProvider() -> DataProvider {
        DataProvider { request, context in
            guard request.page == 1 else { return DataPage(rows: [], total: nil) }
            var params: [(String, String)] = []
            if let k = request.keyword, !k.isEmpty { params.append(("keyword", k)) }
            var rows: [Row] = []
            var sources = [("listImageStores", "Image")]
            if context.api.isAllowed("listSecondaryStagingStores") { sources.append(("listSecondaryStagingStores", "Staging")) }
            for (command, role) in sources {
                for item in try await context.api.listAll(command, params).compactMap(\.objectValue) {
                    var fields = item
                    fields["role"] = .string(role)
                    fields["location"] = .string(location(item))
                    rows.append(Row(fields, position: rows.count))
                }
            }
            return DataPage(rows: rows, total: rows.count)
        }
    }

    static func location(_ item: JSONObject) -> String {
        if let url = item["url"]?.text, !url.isEmpty { return url }
        let parts = [item["endpoint"]?.text, item["bucket"]?.text].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.joined(separator: "/")
    }

    static func deleteCommand(_ row: Row) -> String { row["role"] == "Staging" ? "deleteSecondaryStagingStore" : "deleteImageStore" }

    /// Delete [D]: deleteImageStore for Image rows, deleteSecondaryStagingStore for Staging rows.
    static func deleteSecondary() -> RowAction {
        @Sendable func describe(_ ctx: PluginContext) -> String {
            let row = ctx.row(secondaryID)
            return (row?["role"] == "Staging" ? "staging store " : "image store ") + (row?["name"] ?? row?.id ?? "?")
        }
        return RowAction(id: "delete", label: "Delete", key: "D", commands: ["deleteImageStore", "deleteSecondaryStagingStore"],
                         requiredAPIs: [],
                         confirm: { ctx in "Delete \(describe(ctx))? CloudStack stops using it; the files on it stay." },
                         notification: { ctx in "Delete \(describe(ctx))" },
                         isAvailable: { row, ctx in ctx.api.isAllowed(deleteCommand(row)) },
                         call: { row, _ in APICall(deleteCommand(row), [("id", row.id)]) })
    }

    // MARK: - VM snapshots

    static func vmSnapshots() -> ListViewDefinition {
        let name: @Sendable (PluginContext) -> String = { $0.row("vm-snapshots")?["displayname"] ?? $0.row("vm-snapshots")?["name"] ?? "?" }
        return ListViewDefinition(id: "vm-snapshots", title: "VM Snapshots", fields: [
            ListField("displayname", "Name", minWidth: 8), ListField("state", "State", format: .state),
            ListField("virtualmachinename", "VM"), ListField("type", "Type"), ListField("current", "Current", format: .bool),
            ListField("created", "Created", format: .date),
        ], dataProvider: .api("listVMSnapshot", [("listall", "true")]), actions: [
            RowAction(id: "revert", label: "Revert to snapshot", key: "V", commands: ["revertToVMSnapshot"],
                      confirm: { "Revert its VM to snapshot \(name($0))? Changes since the snapshot are lost." },
                      notification: { "Revert to VM snapshot \(name($0))" },
                      isAvailable: { row, _ in row["state"] == "Ready" },
                      call: { row, _ in APICall("revertToVMSnapshot", [("vmsnapshotid", row.id)]) }),
            RowAction(id: "delete", label: "Delete snapshot", key: "D", commands: ["deleteVMSnapshot"],
                      confirm: { "Delete VM snapshot \(name($0))?" },
                      notification: { "Delete VM snapshot \(name($0))" },
                      isAvailable: { row, _ in ["Ready", "Error", "Expunging"].contains(row["state"] ?? "") },
                      call: { row, _ in APICall("deleteVMSnapshot", [("vmsnapshotid", row.id)]) }),
        ], stateField: "state")
    }
}
