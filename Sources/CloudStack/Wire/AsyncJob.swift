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
        guard let id = o["jobid"]?.text, let s = o["jobstatus"]?.intValue, let status = JobStatus(rawValue: Int(s)) else { return nil }
        jobID = id
        self.status = status
        resultCode = o["jobresultcode"]?.intValue.map { Int($0) }
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
        result?["errortext"]?.text ?? ""
    }
}
