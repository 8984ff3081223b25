import CloudStack

/// listRoles: the default roles and the custom ones (RoleResponse).
enum RoleHandlers {
    static let fields = ["id", "name", "type", "description", "isdefault", "ispublic", "state"]
    static let roleTypes: Set<String> = ["Admin", "ResourceAdmin", "DomainAdmin", "User"]

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { id in inv.admin.roles.contains { $0.id == id } }
        let name = ctx.params.value("name")?.lowercased()
        let type = ctx.params.value("type")
        if let type, !roleTypes.contains(type) {
            // RoleType.valueOf in the command's accessor; the server answers an IllegalArgumentException as a parameter error.
            throw APIError.param("No enum constant org.apache.cloudstack.acl.RoleType.\(type)")
        }
        return try InfrastructureHandlers.page(ctx, inv.admin.roles, key: "role", where: { r in
            (id == nil || r.id == id) && (name == nil || r.name.lowercased().contains(name ?? "")) && (type == nil || r.type == type)
                && InfrastructureHandlers.keywordMatch(ctx, r.name, r.description)
        }) { r in
            var b = ObjectBuilder()
            b.add("id", r.id)
            b.add("name", r.name)
            b.add("type", r.type)
            b.add("description", r.description)
            b.add("isdefault", r.isDefault)
            b.add("ispublic", r.isPublic)
            b.add("state", "ENABLED")
            return b.value
        }
    }
}
