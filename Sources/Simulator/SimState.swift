import CloudStack
import Foundation

/// All mutable state of one simulator, kept behind one lock: requests are short and in memory.
struct SimState: Sendable {
    var inventory: Inventory
    var jobs: [AsyncJobRecord] = []
    var jobIndex: [String: Int] = [:]
    /// The pending job acting on each object, shown as `jobid`/`jobstatus` in VM and storage pool rows as the server's DB views do.
    var pendingJobByInstance: [String: String] = [:]
    var sessions = SessionStore()
    var faults: FaultOptions
    /// Jobs queued by the request being handled; the server schedules them once the lock is released.
    var newJobs: [String] = []
    /// Seconds an async job takes (`--job-delay`); a template's download is paced by it.
    var jobDelay: ClosedRange<Double> = 1.0...3.0
    /// Throttling window.
    var windowStart: Int64 = 0
    var windowCount = 0

    init(inventory: Inventory, faults: FaultOptions) {
        self.inventory = inventory
        self.faults = faults
    }

    mutating func addJob(_ job: AsyncJobRecord) {
        jobIndex[job.id] = jobs.count
        jobs.append(job)
        newJobs.append(job.id)
        pendingJobByInstance[job.instanceID] = job.id
    }

    /// Records what a command did, as the server's action events do; `resourceID`/`resourceType` name the object
    /// (ApiCommandResourceType: VirtualMachine, Host, SystemVm, Account, User, …) for listEvents' filters.
    mutating func addEvent(type: String, description: String, caller: Caller, resourceID: String? = nil, resourceType: String? = nil) {
        let id = inventory.newID()
        inventory.events.append(EventRecord(id: id, type: type, level: "INFO", description: description, accountID: caller.account.id,
                                            userID: caller.user.id, state: "Completed", created: APIDate.now(),
                                            resourceID: resourceID, resourceType: resourceType))
    }
}

/// Who is calling: the user, its account, and whether the account is a root admin.
struct Caller: Sendable {
    var user: UserRecord
    var account: AccountRecord
    var isAdmin: Bool { account.accountType == 1 }
}
