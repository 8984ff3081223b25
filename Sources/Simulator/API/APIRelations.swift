/// Which commands relate to which, as ApiDiscoveryServiceImpl works it out: commands answering with the same response
/// class are related to each other, and a parameter naming an object is related to the commands answering with that
/// object. The simulator's response classes are its response field lists: commands sharing a list share a class.
enum APIRelations {
    /// SuccessResponse is left out of relations, as on the server.
    static let successFields: Set<String> = ["success", "displaytext"]

    /// Commands by their response field list.
    static let byResponse: [[String]: [String]] = {
        var d: [[String]: [String]] = [:]
        for spec in APICatalog.all where Set(spec.responseFields) != successFields && !spec.responseFields.isEmpty {
            d[spec.responseFields, default: []].append(spec.name)
        }
        return d
    }()

    static let names: Set<String> = Set(APICatalog.all.map(\.name))

    /// The other commands answering with the same response class; nil when there are none.
    static func related(of spec: APICommandSpec) -> String? {
        let others = (byResponse[spec.responseFields] ?? []).filter { $0 != spec.name }
        return others.isEmpty ? nil : others.joined(separator: ",")
    }

    /// A parameter's related commands: its list command first, then the others answering with the same object;
    /// nil when it names nothing the simulator serves.
    static func related(of p: APIParam, in spec: APICommandSpec) -> String? {
        let list: String?
        if let r = p.related {
            list = r
        } else if p.name == "id" || p.name == "ids" {
            list = listCommand(for: spec)
        } else {
            list = nil
        }
        guard let list, names.contains(list), let fields = APICatalog.lookup(list)?.responseFields else { return nil }
        return ([list] + (byResponse[fields] ?? []).filter { $0 != list }).joined(separator: ",")
    }

    /// The list command of the object a command acts on: one with the same response, else one named after its noun.
    static func listCommand(for spec: APICommandSpec) -> String? {
        if spec.isList { return spec.name }
        if let same = (byResponse[spec.responseFields] ?? []).first(where: { $0.hasPrefix("list") }) { return same }
        let noun = String(spec.name.drop { $0.isLowercase })
        var candidates = ["list" + noun + "s", "list" + noun, "list" + noun + "es"]
        if noun.hasSuffix("y") { candidates.insert("list" + noun.dropLast() + "ies", at: 0) }
        return candidates.first { names.contains($0) }
    }
}
