import CloudStack

/// listNetworkOfferings and listVPCOfferings.
enum NetworkOfferingHandlers {
    static let fields = ["id", "name", "displaytext", "guestiptype", "traffictype", "state", "isdefault", "forvpc", "specifyvlan", "specifyipranges",
                         "availability", "conservemode", "egressdefaultpolicy", "networkrate", "service", "created"]
    static let vpcFields = ["id", "name", "displaytext", "state", "isdefault", "distributedvpcrouter", "service", "created"]

    static func services(_ list: [OfferedService]) -> JSONValue {
        .array(list.map { svc in
            .object(JSONObject([("name", .string(svc.name)), ("provider", .array([.object(JSONObject([("name", .string(svc.provider))]))]))]))
        })
    }

    static func object(_ o: NetworkOfferingRecord) -> JSONObject {
        var b = ObjectBuilder(capacity: 20)
        b.add("id", o.id)
        b.add("name", o.name)
        b.add("displaytext", o.displayText)
        b.add("traffictype", o.trafficType)
        b.add("isdefault", o.isDefault)
        b.add("specifyvlan", o.specifyVLAN)
        b.add("conservemode", o.conserveMode)
        b.add("specifyipranges", o.specifyIPRanges)
        b.add("availability", o.availability)
        b.add("networkrate", 200)
        b.add("state", o.state)
        b.add("guestiptype", o.guestIPType)
        b.add("service", services(o.services))
        b.add("forvpc", o.forVPC)
        b.add("ispersistent", false)
        b.add("egressdefaultpolicy", o.egressDefaultPolicy)
        b.add("supportsstrechedl2subnet", false)
        b.add("supportspublicaccess", false)
        b.add("internetprotocol", "IPv4")
        b.date("created", o.created)
        return b.object
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let net = s.inventory.net
        let p = ctx.params
        let id = try ctx.uuid("id") { net.offering($0) != nil }
        _ = try ctx.uuid("zoneid") { s.inventory.zone($0) != nil }
        let name = p.value("name")
        let guestType = p.value("guestiptype")?.lowercased()
        let traffic = p.value("traffictype")?.lowercased()
        let state = p.value("state")?.lowercased()
        let forVPC = p.bool("forvpc")
        let isDefault = p.bool("isdefault")
        let specifyVLAN = p.bool("specifyvlan")
        let sourceNat = p.bool("sourcenatsupported")
        return try InfrastructureHandlers.page(ctx, net.networkOfferings, key: "networkoffering", where: { o in
            (id == nil || o.id == id) && (name == nil || o.name == name) && (guestType == nil || o.guestIPType.lowercased() == guestType)
                && (traffic == nil || o.trafficType.lowercased() == traffic) && (state == nil || o.state.lowercased() == state)
                && (forVPC == nil || o.forVPC == forVPC) && (isDefault == nil || o.isDefault == isDefault)
                && (specifyVLAN == nil || o.specifyVLAN == specifyVLAN) && (sourceNat == nil || o.hasSourceNat == sourceNat)
                && InfrastructureHandlers.keywordMatch(ctx, o.name, o.displayText)
        }) { .object(object($0)) }
    }

    static func vpcObject(_ o: VPCOfferingRecord) -> JSONObject {
        var b = ObjectBuilder()
        b.add("id", o.id)
        b.add("name", o.name)
        b.add("displaytext", o.displayText)
        b.add("isdefault", o.isDefault)
        b.add("state", o.state)
        b.add("service", services(o.services))
        b.add("distributedvpcrouter", false)
        b.add("supportsregionLevelvpc", false)
        b.add("internetprotocol", "IPv4")
        b.date("created", o.created)
        return b.object
    }

    static func listVPC(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let net = s.inventory.net
        let id = try ctx.uuid("id") { net.vpcOffering($0) != nil }
        let name = ctx.params.value("name")
        let state = ctx.params.value("state")?.lowercased()
        let isDefault = ctx.params.bool("isdefault")
        return try InfrastructureHandlers.page(ctx, net.vpcOfferings, key: "vpcoffering", where: { o in
            (id == nil || o.id == id) && (name == nil || o.name == name) && (state == nil || o.state.lowercased() == state)
                && (isDefault == nil || o.isDefault == isDefault) && InfrastructureHandlers.keywordMatch(ctx, o.name, o.displayText)
        }) { .object(vpcObject($0)) }
    }
}
