import CloudStack

/// listManagementServers: the management server nodes of the cluster and their state.
enum ManagementServerHandlers {
    static let fields = ["id", "name", "state", "version", "javaversion", "javadistribution", "osdistribution", "kernelversion",
                         "lastserverstart", "lastserverstop", "lastboottime", "serviceip", "ipaddress"]

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { id in inv.admin.managementServers.contains { $0.id == id } }
        let name = ctx.params.value("name")
        return try InfrastructureHandlers.page(ctx, inv.admin.managementServers, key: "managementserver", where: { m in
            (id == nil || m.id == id) && (name == nil || m.name == name) && InfrastructureHandlers.keywordMatch(ctx, m.name)
        }) { m in
            var b = ObjectBuilder()
            b.add("id", m.id)
            b.add("name", m.name)
            b.add("state", m.state)
            b.add("version", m.version)
            b.add("javadistribution", m.javaDistribution)
            b.add("javaversion", m.javaVersion)
            b.add("osdistribution", m.osDistribution)
            b.date("lastserverstart", m.lastServerStart)
            if let stop = m.lastServerStop { b.date("lastserverstop", stop) }
            b.date("lastboottime", m.lastBoot)
            b.add("kernelversion", m.kernelVersion)
            b.add("serviceip", m.serviceIP)
            b.add("ipaddress", m.serviceIP)
            return b.value
        }
    }
}
