import CloudStack

/// What a queued job will do when its delay has passed.
enum JobAction: Sendable {
    case startVM(String), stopVM(String), rebootVM(String), destroyVM(String, expunge: Bool)
    case createVMSnapshot(String), revertVMSnapshot(String), deleteVMSnapshot(String)
    case prepareMaintenance(String), cancelMaintenance(String)
    /// Any other area's job: the handler that submits it says how it finishes (admin: whether the caller is a root admin).
    case run(JobCompletion)
}

/// How a job finishes: it changes the state and returns the job's result object, or fails with the server's error.
typealias JobCompletion = @Sendable (_ state: inout SimState, _ admin: Bool) -> Result<JSONObject, APIError>

/// One async job as `queryAsyncJobResult` and `listAsyncJobs` show it.
struct AsyncJobRecord: Sendable {
    var id: String
    /// The Java class of the command, as the server reports it in `cmd`.
    var cmd: String
    var accountID: String
    var userID: String
    var instanceType: String
    var instanceID: String
    var status: Int = 0
    var resultCode: Int = 0
    var resultType: String = "object"
    var result: JSONValue? = nil
    var created: Int64
    var completed: Int64? = nil
    var action: JobAction
    /// Set at submission when the action cannot succeed: the job fails with this text when it runs.
    var failure: String? = nil
}
