import CloudStack

/// listConfigurations and updateConfiguration (sync): the global settings, their values at a scope (falling back
/// to the global value), and checked updates that a state file keeps.
enum ConfigurationHandlers {
    static let fields = ["category", "name", "value", "defaultvalue", "description", "isdynamic", "type", "options", "scope"]

    /// The scope parameters of both commands and the scope each names (`storageid` is a storage pool).
    static let scopeParams: [(param: String, scope: String)] = [("zoneid", "zone"), ("clusterid", "cluster"), ("storageid", "storagepool"),
                                                                ("accountid", "account"), ("domainid", "domain"), ("imagestoreuuid", "imagestore")]

    /// The one scope id given, checked to name an object; more than one is refused as the server does.
    static func scope(_ ctx: RequestContext, _ inv: Inventory) throws -> (scope: String, id: String)? {
        var found: [(String, String)] = []
        for (param, scope) in scopeParams {
            let id = try ctx.uuid(param) { id in
                switch scope {
                case "zone": return inv.zone(id) != nil
                case "cluster": return inv.cluster(id) != nil
                case "storagepool": return inv.poolPosition(id) != nil
                case "account": return inv.accounts.contains { $0.id == id }
                case "domain": return inv.domainRecord(id) != nil
                default: return inv.imageStorePosition(id) != nil
                }
            }
            if let id { found.append((scope, id)) }
        }
        if found.count > 1 { throw APIError.invalid("cannot handle multiple IDs, provide only one ID corresponding to the scope") }
        return found.first.map { (scope: $0.0, id: $0.1) }
    }

    /// A secret's value is never sent in clear; the server sends it encrypted, the simulator masked.
    static func shown(_ def: SettingDefinition, _ value: String?) -> String? {
        guard let value else { return nil }
        return def.isSecret && !value.isEmpty ? "********" : value
    }

    static func object(_ def: SettingDefinition, value: String?, scope: String?) -> JSONObject {
        var b = ObjectBuilder(capacity: 10)
        b.add("category", def.category)
        b.add("name", def.name)
        b.add("value", shown(def, value))
        b.add("defaultvalue", shown(def, def.defaultValue))
        b.add("description", def.description)
        b.add("isdynamic", def.isDynamic)
        b.add("type", def.typeName)
        b.add("options", def.options)
        b.add("scope", scope)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let scoped = try scope(ctx, inv)
        let category = ctx.params.value("category")?.lowercased()
        let name = ctx.params.value("name")?.lowercased()
        let keyword = ctx.params.value("keyword")?.lowercased()
        return try InfrastructureHandlers.page(ctx, GlobalSettings.all, key: "configuration", where: { d in
            (scoped == nil || d.scopes.contains(scoped?.scope ?? "")) && (category == nil || d.category.lowercased() == category)
                && (name == nil || d.name.lowercased().contains(name ?? ""))
                && (keyword == nil || [d.name, d.description, d.category].contains { $0.lowercased().contains(keyword ?? "") })
        }) { d in .object(object(d, value: SettingStore.value(d, inv, scope: scoped?.scope, id: scoped?.id), scope: scoped?.scope)) }
    }

    static func update(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        guard let def = GlobalSettings.byName[name] else { throw APIError.invalid("Config parameter with name \(name) doesn't exist") }
        let scoped = try scope(ctx, s.inventory)
        // Without a value the server changes nothing and answers with the setting.
        guard let given = ctx.params["value"] else {
            return JSONObject([("configuration", .object(object(def, value: SettingStore.value(def, s.inventory, scope: scoped?.scope, id: scoped?.id),
                                                                scope: scoped?.scope)))])
        }
        var value: String? = given.trimmingCharacters(in: .whitespaces)
        if value == "" || value == "null" { value = scoped == nil ? nil : "" }
        try SettingValidator.check(def, value, scope: scoped?.scope)
        let stored = value?.trimmingCharacters(in: .whitespaces) ?? ""
        SettingStore.set(stored, def, &s.inventory, scope: scoped?.scope, id: scoped?.id)
        let logged = def.isSecret || name.lowercased().contains("password") ? "*****" : stored
        s.addEvent(type: "CONFIGURATION.VALUE.EDIT", description: "updating configuration. Name: \(name) New Value: \(logged)", caller: ctx.caller,
                   resourceID: scoped?.id, resourceType: scoped.map { scopeResourceType[$0.scope] ?? "" })
        return JSONObject([("configuration", .object(object(def, value: stored, scope: scoped?.scope)))])
    }

    static let scopeResourceType = ["zone": "Zone", "cluster": "Cluster", "storagepool": "StoragePool", "account": "Account",
                                    "domain": "Domain", "imagestore": "ImageStore"]
}
