import CloudStack
import PluginKit

/// A list view for any list* API the `:` palette names, in the manner of k9s resources.
enum GenericListView {
    static let preferred = ["name", "displayname", "state", "type", "zonename", "account", "domain", "created", "id"]
    static let maxColumns = 7

    static func definition(for api: String, info: APIInfo?) -> ListViewDefinition {
        let columns = info.map { Self.fields(fromNames: $0.responseFields) } ?? []
        var params: [(String, String)] = []
        if info?.responseFields.contains("account") ?? true { params.append(("listall", "true")) }
        return ListViewDefinition(id: "api:" + api, title: api, fields: columns, dataProvider: .api(api, params),
                                  stateField: columns.contains { $0.key == "state" } ? "state" : nil)
    }

    /// Columns from the response fields listApis names: the usual ones first, then others, at most seven.
    static func fields(fromNames names: [String]) -> [ListField] {
        let available = Set(names)
        var chosen = preferred.filter(available.contains)
        if chosen.contains("name") { chosen.removeAll { $0 == "id" } }
        for n in names where chosen.count < maxColumns && !chosen.contains(n) && !n.hasSuffix("id") { chosen.append(n) }
        return chosen.prefix(maxColumns).map { ListField($0, label($0), format: format($0)) }
    }

    /// Columns from the first row when listApis did not describe the response: its scalar fields.
    static func fields(fromRow row: JSONObject) -> [ListField] {
        let scalars = row.members.filter { !$0.value.isContainer }.map(\.key)
        return fields(fromNames: scalars)
    }

    static func label(_ key: String) -> String {
        let known = ["displayname": "Display name", "zonename": "Zone", "instancename": "Instance name", "created": "Created"]
        return known[key] ?? key.prefix(1).uppercased() + key.dropFirst()
    }

    static func format(_ key: String) -> FieldFormat {
        if key == "state" || key == "allocationstate" { return .state }
        if key == "created" || key == "lastupdated" || key == "removed" { return .date }
        return .text
    }
}
