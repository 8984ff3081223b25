/// The checks updateConfiguration makes on a value before storing it, in ConfigurationManagerImpl's order and with
/// its texts (all InvalidParameterValueException: 431): the scope, the Java type, the overprovisioning factors,
/// booleans, a few positive integers, shares between 0 and 1, and Config.java's ranges.
enum SettingValidator {
    /// Integer settings the server requires to be positive (configValuesForValidation).
    static let positiveIntegers: Set<String> = ["account.cleanup.interval", "expunge.interval", "host.stats.interval", "storage.cleanup.interval",
                                               "vm.stats.interval", "remote.access.vpn.psk.length", "router.stats.interval"]

    /// `value` nil is a cleared value (an empty value or "null" at global scope).
    static func check(_ def: SettingDefinition, _ value: String?, scope: String?) throws(APIError) {
        let name = def.name
        if let scope, !def.scopes.contains(scope) { throw .invalid("Invalid scope id provided for the parameter \(name)") }
        func parses(_ what: String, _ ok: (String) -> Bool) throws(APIError) {
            guard let value, ok(value) else {
                throw .invalid("There was error in trying to parse value: \(value ?? "null"). Please enter a valid \(what) value for parameter \(name)")
            }
        }
        switch def.valueType {
        case .integer: try parses("integer") { Int32($0) != nil }
        case .long: try parses("long") { Int64($0) != nil }
        case .float, .double: try parses("float") { Float($0) != nil }
        case .boolean, .string: break
        }
        guard let raw = value else {
            if def.valueType == .boolean { throw .invalid("Please enter either 'true' or 'false'.") }
            if def.isOverprovisioningFactor { throw .invalid("value cannot be null for the parameter \(name)") }
            return
        }
        let value = raw.trimmingCharacters(in: .whitespaces)
        if def.isOverprovisioningFactor {
            guard let f = Float(value) else { throw .invalid("There was an error trying to parse the float value for: \(name)") }
            if f <= 0 { throw .invalid("\(name) should be greater than 0") }
        }
        if def.valueType == .boolean {
            guard value == "true" || value == "false" else { throw .invalid("Please enter either 'true' or 'false'.") }
            return
        }
        if def.valueType == .integer, positiveIntegers.contains(name), let n = Int(value) {
            if n <= 0 { throw .invalid("Please enter a positive value for the configuration parameter:\(name)") }
            if name == "remote.access.vpn.psk.length" && n < 8 { throw .invalid("Please enter a value greater than 7 for the configuration parameter:\(name)") }
            if name == "remote.access.vpn.psk.length" && n > 256 { throw .invalid("Please enter a value less than 257 for the configuration parameter:\(name)") }
        }
        if def.isWeight, let f = Float(value), f < 0 || f > 1 {
            throw .invalid("Please enter a value between 0 and 1 for the configuration parameter: \(name)")
        }
        guard let range = def.range else { return }
        if def.valueType == .integer {
            let bounds = range.split(separator: "-").compactMap { Int($0) }
            if bounds.count == 2, let n = Int(value), n < bounds[0] || n > bounds[1] {
                throw .invalid("The provided value is not valid for this configuration. Please enter an integer in the range: [\(range)]")
            }
        } else if def.valueType == .string {
            try checkStringRange(value, range)
        }
    }

    /// Config.java string ranges: each comma-separated option is a check, and the value must pass one of them.
    private static func checkStringRange(_ value: String, _ range: String) throws(APIError) {
        var failures: [String] = []
        for option in range.split(separator: ",").map(String.init) {
            let failure: String?
            switch option {
            case "privateip": failure = isSiteLocal(value) ? nil : "a valid site local IP address"
            case "hypervisorList": failure = isHypervisorList(value) ? nil : "a valid hypervisor type"
            case "instanceName":
                failure = value.contains(where: { $0 == "-" || $0 == " " || $0 == "+" })
                    ? "a valid instance name (instance names cannot contain hyphens, spaces or plus signs)" : nil
            case "domainName": failure = isDomainName(value) ? nil : "a valid domain name"
            default: failure = option.trimmingCharacters(in: .whitespaces).lowercased() == value.lowercased() ? nil
                : "a valid value for this configuration (Options are: [\(option)])"
            }
            guard let failure else { return }
            failures.append(failure)
        }
        if failures.count == 1 { throw .invalid("The provided value is not \(failures[0]).") }
        throw .invalid("The provided value is neither \(failures.joined(separator: " NOR ")).")
    }

    static let hypervisors: Set<String> = ["xenserver", "kvm", "vmware", "hyperv", "virtualbox", "parralels", "baremetal", "simulator",
                                          "ovm", "ovm3", "lxc", "custom", "external"]

    private static func isHypervisorList(_ value: String) -> Bool {
        value.split(separator: ",").allSatisfy { hypervisors.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }
    }

    /// 10/8, 172.16/12, 192.168/16.
    private static func isSiteLocal(_ value: String) -> Bool {
        let o = value.split(separator: ".").compactMap { UInt8($0) }
        guard o.count == 4, value.split(separator: ".").count == 4 else { return false }
        return o[0] == 10 || (o[0] == 172 && (16...31).contains(o[1])) || (o[0] == 192 && o[1] == 168)
    }

    /// Labels of letters, digits and hyphens (not at either end) and a final label of 2 to 6 letters; a leading
    /// "*." is allowed, as the server strips it.
    private static func isDomainName(_ value: String) -> Bool {
        let name = value.hasPrefix("*.") ? String(value.dropFirst(2)) : value
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard name.count < 238, labels.count >= 2, let last = labels.last, (2...6).contains(last.count), last.allSatisfy(\.isLetter) else { return false }
        return labels.dropLast().allSatisfy { l in
            (1...63).contains(l.count) && l.first != "-" && l.last != "-" && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
