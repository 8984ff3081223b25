/// What listApis says of a response field: its type (the Java field's type, lowercased) and a description, from the
/// names CloudStack's response classes share; anything else is a string described after its name.
enum APIResponseFields {
    static let booleans: Set<String> = [
        "haenable", "passwordenabled", "isready", "ispublic", "isfeatured", "isextractable", "crosszones", "bootable", "sshkeyenabled",
        "isdynamicallyscalable", "success", "current", "iscustomized", "isdefault", "issystem", "suitableformigration", "requiresStorageMotion",
        "localstorageenabled", "securitygroupsenabled", "managed", "readonly", "isuserdefined", "fordisplay", "hasannotations", "offerha",
        "limitcpuuse", "redundantrouter", "restartrequired", "canusefordeploy", "specifyipranges", "isrecursive", "forvirtualnetwork",
        "isstaticnat", "issourcenat", "hahost", "requireshvm", "directdownload", "deployasis", "displayvm",
    ]
    static let integers: Set<String> = [
        "cpunumber", "cpuspeed", "memory", "jobstatus", "jobprocstatus", "jobresultcode", "accounttype", "bits", "cpusockets", "vmrunning",
        "vmstopped", "deviceid", "startport", "endport", "privateport", "publicport", "count",
    ]
    static let longs: Set<String> = [
        "size", "physicalsize", "virtualsize", "disksizetotal", "disksizeallocated", "disksizeused", "capacitytotal", "capacityused",
        "capacityallocated", "capacitybytes", "capacityiops", "memorytotal", "memoryallocated", "memoryused", "networkkbsread",
        "networkkbswrite", "diskkbsread", "diskkbswrite", "diskioread", "diskiowrite", "memorykbs", "memoryintfreekbs", "vmtotal",
        "cpuallocatedvalue", "memoryallocatedbytes", "disksize", "miniops", "maxiops", "rootdisksize",
    ]
    static let dates: Set<String> = ["created", "removed", "lastpinged", "sent", "completed", "attached", "lastupdated"]
    static let lists: Set<String> = [
        "nic", "securitygroup", "affinitygroup", "tags", "service", "params", "response", "api", "user", "startip", "endip",
        "virtualmachineIds", "childtemplates", "secondaryip", "capabilities",
    ]
    static let maps: Set<String> = ["details", "capability", "storagecapabilities", "jobresult"]

    static func type(_ name: String) -> String {
        if booleans.contains(name) { return "boolean" }
        if integers.contains(name) { return "integer" }
        if longs.contains(name) { return "long" }
        if dates.contains(name) { return "date" }
        if lists.contains(name) { return "list" }
        if maps.contains(name) { return "map" }
        return "string"
    }

    /// Descriptions of the common fields; %@ stands for the object ("virtual machine", "template").
    static let descriptions: [String: String] = [
        "id": "the ID of the %@", "name": "the name of the %@", "displayname": "the display name of the %@",
        "displaytext": "the display text of the %@", "description": "the description of the %@", "state": "the state of the %@",
        "created": "the date and time the %@ was created", "removed": "the date the %@ was removed", "account": "the account owning the %@",
        "accountid": "the ID of the account owning the %@", "domain": "the name of the domain of the %@", "domainid": "the ID of the domain of the %@",
        "zoneid": "the ID of the zone of the %@", "zonename": "the name of the zone of the %@", "podid": "the ID of the pod of the %@",
        "podname": "the name of the pod of the %@", "clusterid": "the ID of the cluster of the %@", "clustername": "the name of the cluster of the %@",
        "hostid": "the ID of the host of the %@", "hostname": "the name of the host of the %@", "hypervisor": "the hypervisor of the %@",
        "templateid": "the ID of the template of the %@", "templatename": "the name of the template of the %@",
        "serviceofferingid": "the ID of the service offering of the %@", "serviceofferingname": "the name of the service offering of the %@",
        "cpunumber": "the number of CPU cores of the %@", "cpuspeed": "the speed of each CPU core in MHz", "memory": "the memory in MB",
        "size": "the size of the %@ in bytes", "tags": "the list of resource tags of the %@", "details": "additional key/value details of the %@",
        "type": "the type of the %@", "success": "true if the operation was executed successfully", "jobid": "the ID of the async job acting on the %@",
        "jobstatus": "the status of the async job acting on the %@", "ostypeid": "the ID of the OS type of the %@",
        "ostypename": "the name of the OS type of the %@", "isready": "true if the %@ is ready to be deployed from, false otherwise",
        "status": "the status of the %@", "count": "the number of items",
    ]

    static func description(_ name: String, entity: String) -> String {
        let text = descriptions[name] ?? "the \(name) of the %@"
        return text.replacingOccurrences(of: "%@", with: entity)
    }

    /// The object a command answers with, in words: listVirtualMachines → "virtual machine".
    static func entity(of spec: APICommandSpec) -> String {
        var noun = String(spec.name.drop { $0.isLowercase })
        if spec.isList {
            if noun.hasSuffix("ies") { noun = String(noun.dropLast(3)) + "y" } else if noun.hasSuffix("ses") { noun = String(noun.dropLast(2)) }
            else if noun.hasSuffix("s") { noun = String(noun.dropLast()) }
        }
        var words: [String] = []
        var current = ""
        let chars = Array(noun)
        for (i, c) in chars.enumerated() {
            let startsWord = c.isUppercase && !current.isEmpty
                && (!(chars[i - 1].isUppercase) || (i + 1 < chars.count && chars[i + 1].isLowercase))
            if startsWord {
                words.append(current)
                current = ""
            }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { w in w.allSatisfy(\.isUppercase) && w.count > 1 ? w : w.lowercased() }.joined(separator: " ")
    }
}
