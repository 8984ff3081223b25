import CloudStack

/// archiveAlerts, deleteAlerts, archiveEvents, deleteEvents (sync): select by ids, type and a date range as the
/// server's DAOs do; archived rows leave listAlerts and listEvents. A user-role caller archives its own events only.
enum ArchiveHandlers {
    /// The `ids` list parameter; every id must name a row, as ParamProcessWorker checks UUID lists.
    static func ids(_ ctx: RequestContext, exists: (String) -> Bool) throws -> [String]? {
        guard let text = ctx.params.value("ids") else { return nil }
        let ids = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for id in ids where !exists(id) { throw APIError.badValue(ctx.commandLabel, "ids", id) }
        return ids
    }

    /// The commands' own checks: something must select the rows, and a start needs an end.
    static func checkSelection(_ ctx: RequestContext, ids: [String]?, dates: DateRange, what: String) throws {
        if ids == nil && ctx.params.value("type") == nil && dates.end == nil {
            throw APIError.invalid("either ids, type\(what) or enddate must be specified")
        }
        if dates.start != nil && dates.end == nil { throw APIError.invalid("enddate must be specified with startdate parameter") }
    }

    static func alerts(_ s: inout SimState, _ ctx: RequestContext, delete: Bool) throws -> JSONObject {
        let inv = s.inventory
        let ids = try ids(ctx) { id in inv.alerts.contains { $0.id == id } }
        let dates = try DateRange(ctx)
        try checkSelection(ctx, ids: ids, dates: dates, what: ", startdate")
        let type = ctx.params.value("type")
        let wanted = ids.map(Set.init)
        let selected = inv.alerts.indices.filter { k in
            let a = inv.alerts[k]
            return (delete || !(a.archived ?? false)) && (wanted == nil || wanted?.contains(a.id) == true)
                && (type == nil || String(a.type) == type) && dates.contains(a.sent)
        }
        if let ids, selected.count < ids.count {
            throw APIError.internalError("Unable to \(delete ? "delete" : "archive") Alerts, one or more parameters has invalid values")
        }
        if delete {
            let gone = Set(selected)
            s.inventory.alerts = s.inventory.alerts.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        } else {
            for k in selected { s.inventory.alerts[k].archived = true }
        }
        return JSONObject([("success", .bool(true))])
    }

    static func events(_ s: inout SimState, _ ctx: RequestContext, delete: Bool) throws -> JSONObject {
        let inv = s.inventory
        let ids = try ids(ctx) { id in inv.events.contains { $0.id == id } }
        let dates = try DateRange(ctx)
        try checkSelection(ctx, ids: ids, dates: dates, what: "")
        let type = ctx.params.value("type")?.uppercased()
        let wanted = ids.map(Set.init)
        let selected = inv.events.indices.filter { k in
            let e = inv.events[k]
            return (delete || !(e.archived ?? false)) && (ctx.caller.isAdmin || e.accountID == ctx.caller.account.id)
                && (wanted == nil || wanted?.contains(e.id) == true) && (type == nil || e.type == type) && dates.contains(e.created)
        }
        if let ids, selected.count < ids.count {
            throw APIError.internalError("Unable to \(delete ? "delete" : "archive") Events, one or more parameters has invalid values")
        }
        if delete {
            let gone = Set(selected)
            s.inventory.events = s.inventory.events.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        } else {
            for k in selected { s.inventory.events[k].archived = true }
        }
        return JSONObject([("success", .bool(true))])
    }

    static func archiveAlerts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try alerts(&s, ctx, delete: false) }
    static func deleteAlerts(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try alerts(&s, ctx, delete: true) }
    static func archiveEvents(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try events(&s, ctx, delete: false) }
    static func deleteEvents(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject { try events(&s, ctx, delete: true) }
}
