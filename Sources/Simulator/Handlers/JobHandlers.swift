import CloudStack

/// `queryAsyncJobResult` and `listAsyncJobs`.
enum JobHandlers {
    static let fields = ["accountid", "account", "domainid", "domainpath", "userid", "cmd", "jobstatus", "jobprocstatus", "jobresultcode",
                         "jobresulttype", "jobresult", "jobinstancetype", "jobinstanceid", "created", "completed", "jobid"]

    static func query(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let id = try ctx.required("jobid")
        guard let i = s.jobIndex[id] else { throw APIError.badValue(ctx.commandLabel, "jobid", id) }
        let job = s.jobs[i]
        if !ctx.caller.isAdmin && job.accountID != ctx.caller.account.id {
            throw APIError.denied("Account \(ctx.caller.account.name) does not have permission to access async job \(id)")
        }
        return object(job, s.inventory)
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let paging = try Paging(ctx)
        let seeAll = ctx.caller.isAdmin && ctx.params.bool("listall") == true
        let resourceID = ctx.params.value("resourceid")
        let keyword = ctx.params.value("keyword")?.lowercased()
        let matches = s.jobs.reversed().filter { j in
            (seeAll || j.accountID == ctx.caller.account.id) && (resourceID == nil || j.instanceID == resourceID)
                && (keyword == nil || j.cmd.lowercased().contains(keyword ?? ""))
        }
        let page = matches[paging.range(total: matches.count)].map { JSONValue.object(object($0, s.inventory)) }
        return listContent("asyncjobs", page, matches.count)
    }

    static func object(_ job: AsyncJobRecord, _ inv: Inventory) -> JSONObject {
        var b = ObjectBuilder(capacity: 18)
        b.add("accountid", job.accountID)
        b.add("account", inv.account(job.accountID)?.name)
        b.add("domainid", inv.domains.first?.id)
        b.add("domainpath", "/")
        b.add("userid", job.userID)
        b.add("cmd", job.cmd)
        b.add("jobstatus", job.status)
        b.add("jobprocstatus", 0)
        b.add("jobresultcode", job.resultCode)
        if let r = job.result {
            b.add("jobresulttype", job.resultType)
            b.add("jobresult", r)
        }
        b.add("jobinstancetype", job.instanceType)
        b.add("jobinstanceid", job.instanceID)
        b.date("created", job.created)
        if let c = job.completed { b.date("completed", c) }
        b.add("jobid", job.id)
        return b.object
    }
}

/// `{"count":N,"<item>":[…]}` as a list command's content; empty lists are `{}`.
func listContent(_ itemKey: String, _ items: [JSONValue], _ count: Int) -> JSONObject {
    var o = JSONObject()
    if count != 0 { o["count"] = .int(Int64(count)) }
    if !items.isEmpty { o[itemKey] = .array(items) }
    return o
}
