import CloudStack

/// registerTemplate and registerIso (sync: the template is answered at once, not ready, one row per zone, and its
/// download runs by itself), updateTemplate and updateIso (sync).
enum TemplateRegisterHandlers {
    static let formats = ["QCOW2", "RAW", "VHD", "VHDX", "ISO", "OVA", "QCOW", "VMDK", "BAREMETAL", "DIR", "TAR", "ZIP"]
    static let hypervisors = ["KVM", "VMware", "XenServer", "Hyperv", "LXC", "Ovm3", "BareMetal", "Simulator"]

    static func registerTemplate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        try register(&s, ctx, iso: false)
    }

    static func registerIso(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        try register(&s, ctx, iso: true)
    }

    static func register(_ s: inout SimState, _ ctx: RequestContext, iso: Bool) throws -> JSONObject {
        let inv = s.inventory
        let p = ctx.params
        let name = try ctx.required("name")
        let url = try ctx.required("url")
        let zoneText = p.value("zoneid")
        let zoneIDsText = ComputeAccess.list(ctx, "zoneids")
        if zoneText != nil && !zoneIDsText.isEmpty { throw APIError.param("Both zoneid and zoneids cannot be specified at the same time") }
        if zoneText == nil && zoneIDsText.isEmpty { throw APIError.param("Either zoneid or zoneids is required. Both cannot be null.") }
        // zoneid=-1 registers the template for every zone (crossZones).
        let allZones = zoneText == "-1"
        var zoneIDs: [String] = allZones ? inv.zones.map(\.id) : []
        if !allZones {
            if let zoneText { zoneIDs = [try ctx.uuid("zoneid") { inv.zone($0) != nil } ?? zoneText] }
            zoneIDs += try ComputeAccess.uuids(ctx, "zoneids") { inv.zone($0) != nil }
        }
        let osTypeID = try ctx.uuid("ostypeid") { inv.compute.osType($0) != nil }
        let owner = try ComputeAccess.owner(ctx, inv)
        var format = "ISO"
        var hypervisor: String?
        if !iso {
            let f = try ctx.required("format")
            guard formats.contains(f.uppercased()), f.uppercased() != "ISO" else {
                throw APIError.param("Image format: \(f) is incorrect. Supported formats are [\(formats.joined(separator: ", "))]")
            }
            format = f.uppercased()
            let h = try ctx.required("hypervisor")
            guard let known = hypervisors.first(where: { $0.lowercased() == h.lowercased() }) else {
                throw APIError.invalid("Hypervisor Type: \(h) is invalid. Supported Hypervisor types are \(hypervisors.joined(separator: ", "))")
            }
            hypervisor = known
        }
        if let text = TemplateURL.problem(url, format: format) { throw APIError.param(text) }

        let os = inv.compute.osType(osTypeID) ?? inv.compute.osTypes.first { $0.description == "Other (64-bit)" }
        let now = TemplateDownload.now()
        let created = APIDate.now()
        let t = TemplateRecord(
            id: s.inventory.newID(), name: name, displayText: p.value("displaytext") ?? name, osTypeID: os?.id ?? "",
            osDisplayName: os?.description ?? "Other (64-bit)", format: format, hypervisor: hypervisor, accountID: owner.id,
            isPublic: p.bool("ispublic") ?? false,
            // Only admins make featured templates; anyone else's isfeatured is ignored, as TemplateAdapterBase does.
            isFeatured: ctx.caller.isAdmin ? (p.bool("isfeatured") ?? false) : false,
            isExtractable: p.bool("isextractable") ?? iso, passwordEnabled: p.bool("passwordenabled") ?? false,
            sshKeyEnabled: iso ? nil : (p.bool("sshkeyenabled") ?? false), dynamicallyScalable: iso ? nil : (p.bool("isdynamicallyscalable") ?? false),
            bootable: iso ? (p.bool("bootable") ?? true) : nil, crossZones: allZones,
            templateType: ctx.caller.isAdmin ? (p.value("templatetype")?.uppercased() ?? "USER") : "USER", url: url, checksum: p.value("checksum"),
            created: created, removed: nil)
        s.inventory.appendTemplate(t)
        let seconds = TemplateDownload.seconds(jobDelay: s.jobDelay)
        var copies: [TemplateZoneRecord] = []
        for zoneID in zoneIDs {
            let z = TemplateZoneRecord(templateID: t.id, zoneID: zoneID, created: created, downloadStart: now, downloadSeconds: seconds)
            s.inventory.compute.templateZones.append(z)
            copies.append(z)
        }
        s.addEvent(type: iso ? "ISO.CREATE" : "TEMPLATE.CREATE", description: (iso ? "registering iso" : "registering template") + ". Id: \(t.id)",
                   caller: ctx.caller)
        let inventory = s.inventory
        let items = copies.map { JSONValue.object(TemplateListHandlers.object(t, copy: $0, inventory, ctx: ctx, now: now)) }
        return listContent(iso ? "iso" : "template", items, items.count)
    }

    // MARK: update

    static func updateTemplate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try update(&s, ctx, iso: false) }
    static func updateIso(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try update(&s, ctx, iso: true) }

    /// The template or ISO named by `id`, which the caller must own (root admins may act on any).
    static func owned(_ s: SimState, _ ctx: RequestContext, iso: Bool) throws -> Int {
        let id = try ctx.required("id")
        guard let k = s.inventory.templates.firstIndex(where: { $0.id == id }), s.inventory.templates[k].removed == nil else {
            throw APIError.badValue(ctx.commandLabel, "id", id)
        }
        let t = s.inventory.templates[k]
        if !ctx.caller.isAdmin && t.accountID != ctx.caller.account.id { throw ComputeAccess.denied(ctx, id) }
        if iso && t.format != "ISO" { throw APIError.invalid("Please specify a valid iso.") }
        if !iso && t.format == "ISO" { throw APIError.invalid("Please specify a valid template.") }
        return k
    }

    static func update(_ s: inout SimState, _ ctx: RequestContext, iso: Bool) throws -> JSONObject {
        let k = try owned(s, ctx, iso: iso)
        let p = ctx.params
        var t = s.inventory.templates[k]
        if let text = p.value("ostypeid") {
            guard let os = s.inventory.compute.osType(text) else { throw APIError.invalid("Please specify a valid guest OS ID.") }
            t.osTypeID = os.id
            t.osDisplayName = os.description
        }
        if let f = p.value("format"), !iso {
            guard formats.contains(f.uppercased()) else {
                throw APIError.invalid("Image format: \(f) is incorrect. Supported formats are [\(formats.joined(separator: ", "))]")
            }
            t.format = f.uppercased()
        }
        if let name = p.value("name") { t.name = name }
        if let text = p.value("displaytext") { t.displayText = text }
        if let v = p.bool("passwordenabled") { t.passwordEnabled = v }
        if let v = p.bool("bootable"), iso { t.bootable = v }
        if !iso {
            if let v = p.bool("sshkeyenabled") { t.sshKeyEnabled = v }
            if let v = p.bool("isdynamicallyscalable") { t.dynamicallyScalable = v }
        }
        s.inventory.templates[k] = t
        s.addEvent(type: iso ? "ISO.UPDATE" : "TEMPLATE.UPDATE", description: (iso ? "updating iso" : "updating template") + ". Id: \(t.id)", caller: ctx.caller)
        let inv = s.inventory
        let copy = inv.compute.zoneCopies(of: t.id).first
        return JSONObject([(iso ? "iso" : "template", .object(TemplateListHandlers.object(t, copy: copy, inv, ctx: ctx, now: TemplateDownload.now())))])
    }
}
