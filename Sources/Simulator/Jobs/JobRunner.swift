import CloudStack

/// Submits async jobs and finishes them: the state transition at the end, the result or the failure.
enum JobRunner {
    /// Queues a job for `ctx`'s command and returns its id; the server schedules it after the request.
    static func submit(_ s: inout SimState, _ ctx: RequestContext, instanceType: String, instanceID: String, action: JobAction, failure: String? = nil) -> String {
        let id = s.inventory.newID()
        s.addJob(AsyncJobRecord(id: id, cmd: ctx.spec.javaClass, accountID: ctx.caller.account.id, userID: ctx.caller.user.id,
                                instanceType: instanceType, instanceID: instanceID, created: APIDate.now(), action: action, failure: failure))
        return id
    }

    static func complete(_ jobID: String, state s: inout SimState) {
        guard let i = s.jobIndex[jobID], s.jobs[i].status == 0 else { return }
        var job = s.jobs[i]
        job.completed = APIDate.now()
        if let text = job.failure {
            fail(&job, text)
        } else {
            let admin = s.inventory.account(job.accountID)?.accountType == 1
            switch finish(job.action, admin: admin, &s) {
            case .success(let result):
                job.status = 1
                job.resultCode = 0
                job.resultType = "object"
                job.result = .object(result)
            case .failure(let e):
                fail(&job, e.text)
            }
        }
        s.jobs[i] = job
        if s.pendingJobByInstance[job.instanceID] == job.id { s.pendingJobByInstance[job.instanceID] = nil }
    }

    private static func fail(_ job: inout AsyncJobRecord, _ text: String) {
        job.status = 2
        job.resultCode = 530
        job.resultType = "object"
        job.result = .object(JSONObject([("errorcode", .int(530)), ("errortext", .string(text))]))
    }

    private static func finish(_ action: JobAction, admin: Bool, _ s: inout SimState) -> Result<JSONObject, APIError> {
        switch action {
        case .startVM(let id):
            return VirtualMachineHandlers.finish(id, to: .Running, admin: admin, &s)
        case .stopVM(let id):
            return VirtualMachineHandlers.finish(id, to: .Stopped, admin: admin, &s)
        case .rebootVM(let id):
            return VirtualMachineHandlers.finish(id, to: .Running, admin: admin, &s)
        case .destroyVM(let id, let expunge):
            return VirtualMachineHandlers.finish(id, to: .Destroyed, expunge: expunge, admin: admin, &s)
        case .createVMSnapshot(let id):
            return VMSnapshotHandlers.finishCreate(id, &s)
        case .revertVMSnapshot(let id):
            return VMSnapshotHandlers.finishRevert(id, admin: admin, &s)
        case .deleteVMSnapshot(let id):
            return VMSnapshotHandlers.finishDelete(id, &s)
        case .prepareMaintenance(let id):
            return StorageHandlers.finishMaintenance(id, to: "Maintenance", &s)
        case .cancelMaintenance(let id):
            return StorageHandlers.finishMaintenance(id, to: "Up", &s)
        case .run(let completion):
            return completion(&s, admin)
        }
    }
}
