import CloudStack

/// listTemplates and listIsos: one row per template (or ISO) and zone holding a copy, filtered as the server's
/// template filters are (featured, self, selfexecutable, sharedexecutable, executable, community, all).
enum TemplateListHandlers {
    static let templateFields = ["id", "name", "displaytext", "ispublic", "created", "removed", "isready", "passwordenabled", "format", "isfeatured",
                                 "crossZones", "ostypeid", "ostypename", "accountid", "account", "zoneid", "zonename", "status", "size", "physicalsize",
                                 "templatetype", "hypervisor", "domain", "domainid", "isextractable", "checksum", "sshkeyenabled",
                                 "isdynamicallyscalable", "directdownload", "deployasis", "bits", "requireshvm", "tags", "details", "url"]
    static let isoFields = ["id", "name", "displaytext", "ispublic", "created", "removed", "isready", "bootable", "isfeatured", "crossZones",
                            "ostypeid", "ostypename", "accountid", "account", "zoneid", "zonename", "status", "size", "physicalsize", "templatetype",
                            "domain", "domainid", "isextractable", "checksum", "directdownload", "bits", "tags", "url"]
    static let filters = ["featured", "self", "selfexecutable", "sharedexecutable", "executable", "community", "all"]

    static func listTemplates(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        try list(s, ctx, iso: false, filter: try ctx.required("templatefilter"))
    }

    static func listIsos(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        // ListIsosCmd's isofilter defaults to selfexecutable.
        try list(s, ctx, iso: true, filter: ctx.params.value("isofilter") ?? "selfexecutable")
    }

    static func list(_ s: SimState, _ ctx: RequestContext, iso: Bool, filter filterText: String) throws -> JSONObject {
        let inv = s.inventory
        let paging = try Paging(ctx)
        let p = ctx.params
        guard let filter = filters.first(where: { $0 == filterText }) else {
            // TemplateFilter.valueOf's IllegalArgumentException, answered as a parameter error.
            throw APIError.param("No enum constant com.cloud.template.VirtualMachineTemplate.TemplateFilter.\(filterText)")
        }
        if filter == "all" && !ctx.caller.isAdmin {
            throw APIError.invalid("Filter all can be specified by admin only")
        }
        let id = try ctx.uuid("id") { inv.template($0) != nil }
        let ids = try ComputeAccess.uuids(ctx, "ids") { inv.template($0) != nil }
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let name = p.value("name")
        let keyword = p.value("keyword")?.lowercased()
        let hypervisor = p.value("hypervisor")?.lowercased()
        let bootable = iso ? p.bool("bootable") : nil
        let isPublic = iso ? p.bool("ispublic") : nil
        let isReadyParam = iso ? p.bool("isready") : nil
        let showRemoved = p.bool("showremoved") ?? false
        let owner = try ComputeAccess.owner(ctx, inv).id
        let now = TemplateDownload.now()

        if let id, let t = inv.template(id) {
            // With an id the server ignores the other filters, after checking what the id names.
            if iso && t.format != "ISO" { throw APIError.invalid("Specified Template Id is not an ISO") }
            if !iso && t.format == "ISO" { throw APIError.invalid("Incorrect format ISO of the specified template id") }
            if !ctx.caller.isAdmin && t.isPublic != true && t.accountID != ctx.caller.account.id { throw ComputeAccess.denied(ctx, id) }
        }
        // Featured, community and the *executable filters show ready copies only (ListTemplatesCmd.listInReadyState).
        let onlyReady = ["featured", "selfexecutable", "sharedexecutable", "community"].contains(filter)
            || (filter == "executable" && ctx.caller.isAdmin && p.value("account") != nil)

        func visible(_ t: TemplateRecord) -> Bool {
            if let id { return t.id == id }
            if (t.format == "ISO") != iso { return false }
            if t.removed != nil && !showRemoved { return false }
            if !ids.isEmpty && !ids.contains(t.id) { return false }
            let ownedHere = t.accountID == owner
            switch filter {
            case "featured": if !(t.isPublic == true && t.isFeatured == true) { return false }
            case "community": if !(t.isPublic == true && t.isFeatured != true) { return false }
            case "self", "selfexecutable": if !ownedHere { return false }
            case "sharedexecutable": return false
            case "executable": if !(t.isPublic == true || ownedHere) { return false }
            default:
                if !ctx.caller.isAdmin && !(t.isPublic == true || ownedHere) { return false }
            }
            if let name, t.name != name { return false }
            if let keyword, !t.name.lowercased().contains(keyword), !t.displayText.lowercased().contains(keyword) { return false }
            if let hypervisor, !iso, (t.hypervisor ?? "").lowercased() != hypervisor { return false }
            if let bootable, (t.bootable ?? false) != bootable { return false }
            if let isPublic, (t.isPublic ?? false) != isPublic { return false }
            return true
        }

        var rows: [(TemplateRecord, TemplateZoneRecord)] = []
        let copies = Dictionary(grouping: inv.compute.templateZones, by: \.templateID)
        let zoneOrder = Dictionary(uniqueKeysWithValues: inv.zones.enumerated().map { ($1.id, $0) })
        for t in inv.templates where visible(t) {
            let zones = (copies[t.id] ?? []).sorted { (zoneOrder[$0.zoneID] ?? 0) < (zoneOrder[$1.zoneID] ?? 0) }
            for z in zones where zoneID == nil || z.zoneID == zoneID {
                let ready = TemplateDownload.isReady(z, now: now)
                if (onlyReady && id == nil) || isReadyParam == true { if !ready { continue } }
                if isReadyParam == false && ready { continue }
                rows.append((t, z))
            }
        }
        let key = iso ? "iso" : "template"
        let page = rows[paging.range(total: rows.count)].map { JSONValue.object(object($0.0, copy: $0.1, inv, ctx: ctx, now: now)) }
        return listContent(key, page, rows.count)
    }

    /// A template or ISO as TemplateResponse shows it, for one zone copy (status only to admins and the owner).
    static func object(_ t: TemplateRecord, copy z: TemplateZoneRecord?, _ inv: Inventory, ctx: RequestContext, now: Double) -> JSONObject {
        let iso = t.format == "ISO"
        let phase = z.map { TemplateDownload.phase($0, now: now) } ?? .ready
        let owner = inv.account(t.accountID)
        var b = ObjectBuilder(capacity: 36)
        b.add("id", t.id)
        b.add("name", t.name)
        b.add("displaytext", t.displayText)
        b.add("ispublic", t.isPublic ?? false)
        b.date("created", z?.created ?? t.created ?? Seeder.epochBase)
        if let removed = t.removed { b.date("removed", removed) }
        b.add("isready", phase == .ready)
        if iso {
            b.add("bootable", t.bootable ?? true)
        } else {
            b.add("passwordenabled", t.passwordEnabled ?? false)
            b.add("format", t.format ?? "QCOW2")
        }
        b.add("isfeatured", t.isFeatured ?? false)
        b.add("crossZones", t.crossZones ?? false)
        b.add("ostypeid", t.osTypeID)
        b.add("ostypename", inv.compute.osType(t.osTypeID)?.description ?? t.osDisplayName)
        b.add("accountid", owner?.id)
        b.add("account", owner?.name ?? "system")
        if let z {
            b.add("zoneid", z.zoneID)
            b.add("zonename", inv.zone(z.zoneID)?.name)
        }
        if ctx.caller.isAdmin || t.accountID == ctx.caller.account.id { b.add("status", TemplateDownload.status(phase)) }
        if phase == .ready {
            b.add("size", TemplateSizes.virtual(t))
            b.add("physicalsize", TemplateSizes.physical(t))
        }
        b.add("templatetype", t.templateType ?? "USER")
        if !iso { b.add("hypervisor", t.hypervisor ?? "KVM") }
        b.add("domain", "ROOT")
        b.add("domainid", owner?.domainID ?? inv.domains.first?.id)
        b.add("isextractable", t.isExtractable ?? false)
        if let checksum = t.checksum { b.add("checksum", checksum) }
        if !iso {
            b.add("sshkeyenabled", t.sshKeyEnabled ?? false)
            b.add("isdynamicallyscalable", t.dynamicallyScalable ?? false)
            b.add("deployasis", false)
            b.add("requireshvm", true)
        }
        b.add("directdownload", false)
        b.add("bits", 64)
        if let url = t.url, ctx.caller.isAdmin || t.accountID == ctx.caller.account.id { b.add("url", url) }
        b.add("tags", .array([]))
        if !iso { b.add("details", .object(JSONObject())) }
        return b.object
    }
}
