/// Where a setting's value lives: the values operators set (in `Inventory.admin.settingValues`, so a state file
/// keeps them) over the defaults; a scoped value over the global one.
enum SettingStore {
    /// The key of a value: "global/NAME" or "SCOPE/ID/NAME".
    static func key(scope: String?, id: String?, name: String) -> String {
        guard let scope, let id else { return "global/" + name }
        return scope + "/" + id + "/" + name
    }

    /// The value that applies: the one set at `scope` `id`, else the global one, else the default.
    static func value(_ def: SettingDefinition, _ inv: Inventory, scope: String? = nil, id: String? = nil) -> String? {
        if scope != nil, let v = inv.admin.settingValues[key(scope: scope, id: id, name: def.name)] { return v }
        return inv.admin.settingValues[key(scope: nil, id: nil, name: def.name)] ?? def.defaultValue
    }

    static func set(_ value: String, _ def: SettingDefinition, _ inv: inout Inventory, scope: String?, id: String?) {
        inv.admin.settingValues[key(scope: scope, id: id, name: def.name)] = value
    }
}
