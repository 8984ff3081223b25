import CloudStack

/// copyTemplate/copyIso (async: the copy is made between the zones' image stores and is ready when the job ends) and
/// deleteTemplate/deleteIso (async: from one zone, or every zone; refused while VMs use it, as TemplateManagerImpl).
enum TemplateCopyDeleteHandlers {
    static func copyTemplate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try copy(&s, ctx, iso: false) }
    static func copyIso(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try copy(&s, ctx, iso: true) }

    static func copy(_ s: inout SimState, _ ctx: RequestContext, iso: Bool) throws -> JSONObject {
        let inv = s.inventory
        let k = try TemplateRegisterHandlers.owned(s, ctx, iso: iso)
        let t = inv.templates[k]
        let source = try ctx.uuid("sourcezoneid") { inv.zone($0) != nil }
        var destinations = try ComputeAccess.uuids(ctx, "destzoneids") { inv.zone($0) != nil }
        if let one = try ctx.uuid("destzoneid", exists: { inv.zone($0) != nil }) { destinations.insert(one, at: 0) }
        if destinations.isEmpty { throw APIError.param("Please specify at least one destination zone: destzoneid or destzoneids") }
        let now = TemplateDownload.now()
        let readyCopy = inv.compute.zoneCopies(of: t.id).first { (source == nil || $0.zoneID == source) && TemplateDownload.isReady($0, now: now) }
        var failure: String?
        if let source, destinations.contains(source) {
            failure = "Please specify different source and destination zones."
        } else if readyCopy == nil {
            let zone = source.flatMap { inv.zone($0)?.name } ?? "any zone"
            failure = "Please specify a \(iso ? "iso" : "template") that is installed on secondary storage host: nfs-secondary-\(zone)"
        }
        s.addEvent(type: iso ? "ISO.COPY" : "TEMPLATE.COPY", description: (iso ? "copying iso" : "copying template") + ". Id: \(t.id)", caller: ctx.caller)
        let templateID = t.id, zones = destinations
        let job = JobRunner.submit(&s, ctx, instanceType: iso ? "Iso" : "Template", instanceID: t.id, action: .run { state, _ in
            let created = APIDate.now()
            // A zone that already has it keeps its copy, as the server skips a store holding the template.
            for zoneID in zones where state.inventory.compute.zoneCopy(of: templateID, in: zoneID) == nil {
                state.inventory.compute.templateZones.append(TemplateZoneRecord(templateID: templateID, zoneID: zoneID, created: created))
            }
            guard let t = state.inventory.template(templateID), let first = zones.first,
                  let copy = state.inventory.compute.zoneCopy(of: templateID, in: first) else {
                return .failure(.internalError("Failed to copy \(iso ? "iso" : "template") \(templateID)"))
            }
            return .success(JSONObject([(iso ? "iso" : "template", .object(TemplateListHandlers.object(t, copy: copy, state.inventory, ctx: ctx,
                                                                                                       now: TemplateDownload.now())))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }

    static func deleteTemplate(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try delete(&s, ctx, iso: false) }
    static func deleteIso(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try delete(&s, ctx, iso: true) }

    static func delete(_ s: inout SimState, _ ctx: RequestContext, iso: Bool) throws -> JSONObject {
        let inv = s.inventory
        let k = try TemplateRegisterHandlers.owned(s, ctx, iso: iso)
        let t = inv.templates[k]
        let zoneID = try ctx.uuid("zoneid") { inv.zone($0) != nil }
        let forced = ctx.params.bool("forced") ?? false
        var failure: String?
        if iso {
            if inv.compute.vmDetails.values.contains(where: { $0.isoID == t.id }) { failure = "Unable to delete iso, as it's used by other vms" }
        } else {
            let users = inv.vms.filter { $0.templateID == t.id && $0.state != .Expunging && (zoneID == nil || $0.zoneID == zoneID) }
            if !forced && !users.isEmpty {
                failure = "Unable to delete template with id: \(t.id) because VM instances: [\(users.map(ComputeAccess.label).joined(separator: ","))] are using it."
            }
        }
        s.addEvent(type: iso ? "ISO.DELETE" : "TEMPLATE.DELETE", description: (iso ? "deleting iso" : "deleting template") + ". Id: \(t.id)", caller: ctx.caller)
        let templateID = t.id
        let job = JobRunner.submit(&s, ctx, instanceType: iso ? "Iso" : "Template", instanceID: t.id, action: .run { state, _ in
            state.inventory.compute.templateZones.removeAll { $0.templateID == templateID && (zoneID == nil || $0.zoneID == zoneID) }
            // Gone from every zone: removed, yet still named by the VMs made from it.
            if state.inventory.compute.zoneCopies(of: templateID).isEmpty, let k = state.inventory.templates.firstIndex(where: { $0.id == templateID }) {
                state.inventory.templates[k].removed = APIDate.now()
            }
            return .success(JSONObject([("success", .bool(true))]))
        }, failure: failure)
        return VirtualMachineHandlers.jobResponse(job)
    }
}
