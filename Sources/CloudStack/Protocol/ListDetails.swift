/// The `details` parameter of list APIs that take one: which groups of fields to answer with, so a list asks the
/// server only for what it shows. The server leaves a group out unless `details` names it or `all`, and with no
/// `details` it answers with everything (UserVmJoinDaoImpl.newUserVmResponse, ListVMsCmd.getDetails: values are
/// the VMDetails names, matched exactly; `min` names no group).
public enum ListDetails {
    /// listVirtualMachines: each group and the response fields it adds. Fields in no group are always answered.
    static let virtualMachineGroups: [(group: String, fields: [String])] = [
        ("group", ["group", "groupid"]),
        ("tmpl", ["templateid", "templatename", "templatedisplaytext", "passwordenabled"]),
        ("iso", ["isoid", "isoname", "isodisplaytext"]),
        ("servoff", ["serviceofferingid", "serviceofferingname", "cpunumber", "cpuspeed", "memory", "vgpu"]),
        ("diskoff", ["diskofferingid", "diskofferingname"]),
        ("backoff", ["backupofferingid", "backupofferingname"]),
        ("stats", ["cpuused", "networkkbsread", "networkkbswrite", "diskkbsread", "diskkbswrite", "diskioread", "diskiowrite",
                   "memorykbs", "memoryintfreekbs", "memorytargetkbs"]),
        ("volume", ["rootdeviceid", "rootdevicetype"]),
        ("secgrp", ["securitygroup"]),
        ("nics", ["nic"]),
        ("affgrp", ["affinitygroup"]),
    ]

    /// listVirtualMachines' fields that every `details` value answers with. A field in neither list is one this
    /// table does not know (a newer server's), so asking for it sends no `details` and gets everything.
    static let virtualMachineBase: Set<String> = [
        "id", "name", "displayname", "account", "projectid", "project", "userid", "username", "domainid", "domain", "created",
        "displayvm", "state", "haenable", "zoneid", "zonename", "instancename", "hostid", "hostname", "hypervisor", "guestosid",
        "ostypeid", "password", "jobid", "jobstatus", "publicipid", "publicip", "keypairs", "tags", "details",
        "isdynamicallyscalable", "boottype", "bootmode",
    ]

    /// The `details` value that answers `command` with at least `fields`, or nil when every field is wanted or the
    /// command takes no `details` this table knows.
    public static func value(command: String, fields: some Sequence<String>) -> String? {
        guard command.lowercased() == "listvirtualmachines" else { return nil }
        var groups: [String] = []
        for field in fields {
            let key = field.lowercased()
            if virtualMachineBase.contains(key) { continue }
            guard let group = virtualMachineGroups.first(where: { $0.fields.contains(key) })?.group else { return nil }
            if !groups.contains(group) { groups.append(group) }
        }
        let ordered = virtualMachineGroups.map(\.group).filter(groups.contains)
        return ordered.isEmpty ? "min" : ordered.joined(separator: ",")
    }

    /// `parameters` with a `details` for `fields` added, unless they already name one.
    public static func adding(to parameters: [(String, String)], command: String, fields: some Sequence<String>) -> [(String, String)] {
        guard !parameters.contains(where: { $0.0.lowercased() == "details" }), let value = value(command: command, fields: fields) else {
            return parameters
        }
        return parameters + [("details", value)]
    }
}
