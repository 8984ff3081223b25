import CloudStack
import PluginKit

/// The `securityGroupRules` data provider: listSecurityGroups nests each group's rules in `ingressrule` and
/// `egressrule` arrays; this makes one row per rule (keyed by its `ruleid`, so Revoke sends it as `id`), with its
/// direction (`type`: Ingress or Egress), `ports` and `cidr` as one short text each, and the group it belongs to.
/// The list's narrowing goes to listSecurityGroups as it is: `id` gives one group's rules.
enum SecurityGroupRules {
    static func provider() -> DataProvider {
        DataProvider({ request, context in
            // One call gives every rule of the groups asked for; there is no second page.
            guard request.page == 1 else { return DataPage(rows: [], total: nil) }
            var params: [(String, String)] = [("listall", "true")]
            params += request.parameters.filter { $0.key != "listall" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            if let k = request.keyword, !k.isEmpty { params.append(("keyword", k)) }
            let groups = try await context.api.listAll("listSecurityGroups", params).compactMap(\.objectValue)
            let rows = rows(of: groups)
            return DataPage(rows: rows, total: rows.count)
        }, narrows: true)
    }

    /// The rules of `groups`, ingress before egress within each group; a rule without a `ruleid` cannot be revoked
    /// and is keyed by its position, as any row without an id.
    static func rows(of groups: [JSONObject]) -> [Row] {
        var rows: [Row] = []
        for group in groups {
            for (key, direction) in [("ingressrule", "Ingress"), ("egressrule", "Egress")] {
                for rule in group[key]?.arrayValue?.compactMap(\.objectValue) ?? [] {
                    var fields = JSONObject()
                    fields["ruleid"] = rule["ruleid"] ?? .null
                    fields["type"] = .string(direction)
                    fields["protocol"] = .string(rule["protocol"]?.text ?? "")
                    fields["ports"] = .string(ports(rule))
                    fields["cidr"] = .string(source(rule))
                    for copied in ["startport", "endport", "icmptype", "icmpcode"] where rule[copied] != nil {
                        fields[copied] = rule[copied]
                    }
                    fields["group"] = .string(group["name"]?.text ?? "")
                    fields["securitygroupid"] = .string(group["id"]?.text ?? "")
                    fields["account"] = .string(group["account"]?.text ?? "")
                    let id = rule["ruleid"]?.text ?? "#\(rows.count)"
                    rows.append(Row(id: id, fields: fields))
                }
            }
        }
        return rows
    }

    /// "22", "8000-8080", ICMP "8/0" (type/code), or "any" when the rule names no ports (protocol all).
    static func ports(_ rule: JSONObject) -> String {
        if let type = rule["icmptype"]?.text { return "\(type)/\(rule["icmpcode"]?.text ?? "-1")" }
        guard let start = rule["startport"]?.text else { return "any" }
        let end = rule["endport"]?.text ?? start
        return start == end ? start : "\(start)-\(end)"
    }

    /// The CIDR a rule allows, or the other group it allows (`account/name`) when it names one instead.
    static func source(_ rule: JSONObject) -> String {
        if let cidr = rule["cidr"]?.text, !cidr.isEmpty { return cidr }
        guard let name = rule["securitygroupname"]?.text, !name.isEmpty else { return "" }
        if let account = rule["account"]?.text, !account.isEmpty { return "\(account)/\(name)" }
        return name
    }
}
