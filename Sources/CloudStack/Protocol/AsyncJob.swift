/// The `jobstatus` of an async job (JobInfo.Status).
public enum JobStatus: Int, Sendable, Equatable {
    case pending = 0
    case succeeded = 1
    case failed = 2
    case cancelled = 3
}

/// One `queryAsyncJobResult` / `listAsyncJobs` record.
public struct AsyncJob: Sendable, Equatable {
    public var jobID: String
    public var status: JobStatus
    public var resultCode: Int?
    public var resultType: String?
    /// `{"virtualmachine":{…}}` on success with an entity, `{"success":true}`, or `{"errorcode":…,"errortext":…}`.
    public var result: JSONValue?
    public var cmd: String?
    public var instanceType: String?
    public var instanceID: String?
    public var created: String?
    public var completed: String?
    public var raw: JSONObject

    public init?(_ o: JSONObject) {
        guard let id = o["jobid"]?.text, let s = o["jobstatus"]?.intValue.flatMap({ Int(exactly: $0) }),
              let status = JobStatus(rawValue: s) else { return nil }
        jobID = id
        self.status = status
        resultCode = o["jobresultcode"]?.intValue.flatMap { Int(exactly: $0) }
        resultType = o["jobresulttype"]?.text
        result = o["jobresult"]
        cmd = o["cmd"]?.text
        instanceType = o["jobinstancetype"]?.text
        instanceID = o["jobinstanceid"]?.text
        created = o["created"]?.text
        completed = o["completed"]?.text
        raw = o
    }

    /// The server's error text for a failed job.
    public var errorText: String {
        guard let v = result?["errortext"] else { return "" }
        return v.isContainer ? JSONSerializer.string(v) : v.text ?? ""
    }

    /// Why `o` is not a job record, naming the field and the value as sent (for error messages).
    public static func problem(in o: JSONObject) -> String {
        func shown(_ v: JSONValue) -> String {
            let t = v.text ?? JSONSerializer.string(v)
            return t.count > 40 ? String(t.prefix(40)) + "…" : t
        }
        guard let id = o["jobid"] else { return "no jobid" }
        if id.text == nil { return "jobid \(shown(id)) is not an id" }
        guard let status = o["jobstatus"] else { return "no jobstatus" }
        return "jobstatus '\(shown(status))' is not 0, 1, 2 or 3"
    }
}
