/// One global setting as the management server defines it (Config.java or a ConfigKey): name, category, the Java
/// type of its value, default, the scopes it can be set at, whether a change applies without a restart, and the
/// kind and options the web UI edits it with.
struct SettingDefinition: Sendable {
    /// The Java class of the value, which decides how `updateConfiguration` parses it.
    enum ValueType: Sendable { case boolean, integer, long, float, double, string }
    /// ConfigKey.Kind: how a string setting is structured.
    enum Kind: String, Sendable { case csv = "CSV", order = "Order", select = "Select", whitespaceList = "WhitespaceSeparatedListWithOptions" }

    var name: String
    var category: String
    var valueType: ValueType
    var defaultValue: String?
    /// Lowercase scope names as listConfigurations and updateConfiguration spell them: zone, cluster, account,
    /// domain, storagepool, imagestore. Empty: global only.
    var scopes: [String]
    var isDynamic: Bool
    var kind: Kind?
    var options: String?
    /// Config.java's range: "0-5" for integers; for strings a list of options or a named check
    /// (domainName, privateip, hypervisorList, instanceName).
    var range: String?
    var description: String

    /// The value type as listConfigurations names it (`type`), the names the web UI's setting editor switches on.
    var typeName: String {
        if let kind { return kind.rawValue }
        switch valueType {
        case .boolean: return "Boolean"
        case .integer, .long: return "Number"
        case .float, .double: return isWeight ? "Range" : "Decimal"
        case .string: return "String"
        }
    }

    /// A share between 0 and 1 (capacity thresholds, weights): shown as a Range and checked to be within it.
    var isWeight: Bool {
        name.hasSuffix("notificationthreshold") || name.hasSuffix("disablethreshold") || name == "vm.user.dispersion.weight"
            || name == "agent.load.threshold"
    }

    /// The overprovisioning factors, which the server requires to be above 0.
    var isOverprovisioningFactor: Bool {
        name == "cpu.overprovisioning.factor" || name == "mem.overprovisioning.factor" || name == "storage.overprovisioning.factor"
    }

    /// Secure settings hold passwords and keys: their values never leave the server in clear.
    var isSecret: Bool { category == "Secure" }
}
