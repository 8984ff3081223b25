import CloudStack
import Foundation
import PluginKit
import StorageForms

/// A thread-safe mailbox of events from background work to the console loop. Posting also writes a byte to a
/// pipe, so a loop sleeping in poll() wakes at once instead of at its next timeout.
final class EventQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [AppEvent] = []
    /// Read end for poll(), write end for post(); -1 when no pipe could be made.
    let wakeFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            wakeFD = fds[0]
            writeFD = fds[1]
        } else {
            wakeFD = -1
            writeFD = -1
        }
    }

    deinit {
        if wakeFD >= 0 { close(wakeFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    func post(_ event: AppEvent) {
        lock.lock()
        events.append(event)
        lock.unlock()
        if writeFD >= 0 {
            var byte: UInt8 = 1
            _ = write(writeFD, &byte, 1)
        }
    }

    func drain() -> [AppEvent] {
        if wakeFD >= 0 {
            var buffer = [UInt8](repeating: 0, count: 256)
            while read(wakeFD, &buffer, buffer.count) > 0 {}
        }
        lock.lock()
        defer { lock.unlock() }
        let out = events
        events = []
        return out
    }
}

/// Runs effects as tasks; every result comes back through the queue as an event. Jobs keep being polled
/// whatever the user does meanwhile.
final class EffectRunner: @unchecked Sendable {
    let queue: EventQueue
    private let lock = NSLock()
    /// Running tasks, for cancelAll; each leaves when it ends, so a long session does not collect them.
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var nextTaskID = 0
    /// Opens a client for a profile name (`:profile NAME`); nil when the console cannot switch (e.g. tests).
    let openProfile: (@Sendable (String) async throws -> (CloudStackClient, String))?
    /// Clients opened for other profiles: closed when the console ends (not before, so their jobs keep polling).
    /// Resources to release, not a second holder of the API: the state holds the current one.
    private var opened: [CloudStackClient] = []
    /// `--read-only`: clients opened for other profiles refuse changes too.
    let readOnly: Bool
    /// Bulk actions' rows in flight, bounded.
    let bulkSlots = BulkSlots()
    /// The history clients opened for other profiles write to, under their own profile's name.
    let history: HistoryLog?

    init(queue: EventQueue, readOnly: Bool = false, openProfile: (@Sendable (String) async throws -> (CloudStackClient, String))? = nil,
         history: HistoryLog? = nil) {
        self.queue = queue
        self.history = history
        self.readOnly = readOnly
        self.openProfile = openProfile
    }

    /// Closes the clients this runner opened for other profiles.
    func closeOpenedClients() async {
        let all = lock.withLock { () -> [CloudStackClient] in
            defer { opened = [] }
            return opened
        }
        for client in all { await client.close() }
    }

    func run(_ effect: Effect, context: PluginContext) {
        // The API each effect uses is the state's, borrowed through the context it was made with.
        guard let reading = context.api as? ReadingAPI else { return }
        let api = reading.base
        let task: Task<Void, Never>
        switch effect {
        case .quit:
            return
        case .storage(let work):
            task = Task { [queue] in await StorageWork.run(work, reader: reading, session: api, post: queue.post) }
        case .plugins(let work):
            task = Task { [queue] in await PluginWork.run(work, context: context, post: queue.post) }
        case .form(let work):
            task = Task { [queue] in await FormWork.run(work, api: reading, post: queue.post) }
        case .switchProfile(let name):
            task = Task { [self, queue] in
                guard let openProfile else {
                    queue.post(.profileSwitchFailed("Switching profiles is not available here"))
                    return
                }
                do {
                    let (client, resolvedName) = try await openProfile(name)
                    if self.readOnly { await client.enforceReadOnly() }
                    let newAPI = ConsoleAPI(client: client, history: self.history.map {
                        HistoryRecorder(log: $0, profile: resolvedName, user: HistoryRecorder.sessionUser(client.configuration.credentials))
                    })
                    // Fail early (wrong key, unreachable) while still on the old profile.
                    _ = try await client.call("listCapabilities", [])
                    self.lock.withLock { self.opened.append(client) }
                    queue.post(.profileSwitched(name: resolvedName, host: client.endpointHost, api: newAPI))
                } catch {
                    queue.post(.profileSwitchFailed("Cannot switch to profile \(name): \(Self.describe(error))"))
                }
            }
        case .signIn:
            task = Task { [queue] in
                do {
                    queue.post(.apisLoaded(try await api.loadAPIs()))
                } catch {
                    queue.post(.apisFailed(Self.describe(error)))
                }
                do {
                    queue.post(.signedIn(try await api.whoAmI()))
                } catch {
                    queue.post(.fatal("Cannot sign in: \(Self.describe(error))"))
                }
            }
        case let .loadPage(def, generation, page, pageSize):
            task = Task { [queue] in
                do {
                    let kept = ListModel.keptFields(of: def)
                    var data = try await def.dataProvider.fetch(DataRequest(page: page, pageSize: pageSize, parameters: def.narrowing,
                                                                            fields: kept), context)
                    // Rows are cut to the fields the list keeps here, on the task's thread, so the loop only appends them.
                    data.rows = data.rows.map { ListModel.project($0, keeping: kept) }
                    queue.post(.pageLoaded(view: def.id, generation: generation, page: page, data))
                } catch {
                    queue.post(.pageFailed(view: def.id, generation: generation, Self.describe(error)))
                }
            }
        case let .loadDetail(def, rowID):
            task = Task { [queue] in
                do {
                    let found: Row?
                    if let narrowed = def.dataProvider.fetchOneNarrowed {
                        found = try await narrowed(rowID, def.narrowing, context)
                    } else if let fetch = def.dataProvider.fetchOne {
                        found = try await fetch(rowID, context)
                    } else {
                        return
                    }
                    if let row = found {
                        queue.post(.detailLoaded(view: def.id, rowID: rowID, row.fields))
                    } else {
                        queue.post(.detailFailed(view: def.id, rowID: rowID, "it no longer exists"))
                    }
                } catch {
                    queue.post(.detailFailed(view: def.id, rowID: rowID, Self.describe(error)))
                }
            }
        case .loadDashboard:
            task = Task { [queue] in
                do {
                    queue.post(.dashboardLoaded(try await DashboardLoader(api: reading).load()))
                } catch {
                    queue.post(.dashboardFailed(Self.describe(error)))
                }
            }
        case let .runAction(track, pending) where pending.isBulkRow:
            task = Task { [queue, bulkSlots] in
                // One row of a bulk action: it waits for a slot, sends its confirmed call, and follows its job itself,
                // so no more than the slots' limit of calls and jobs are in flight.
                await bulkSlots.acquire()
                defer { Task { await bulkSlots.release() } }
                guard let call = pending.call else {
                    queue.post(.actionCompleted(track: track, message: "nothing to change"))
                    return
                }
                let gate = ActionAPI(base: api, allowed: reading.allowed, approved: [call]) { _ in false }
                do {
                    let response = try await gate.call(call.command, call.parameters)
                    guard let jobID = response.jobID else {
                        queue.post(.actionCompleted(track: track, message: nil))
                        return
                    }
                    queue.post(.jobStarted(track: track, jobID: jobID))
                    let job = try await api.waitForJob(jobID, command: pending.action.notification(pending.context))
                    queue.post(.jobFinished(track: track, job))
                } catch CloudStackError.jobFailed(_, _, let code, let text) {
                    queue.post(.jobFailed(track: track, (text.isEmpty ? "failed" : text) + (code.map { " (\($0))" } ?? "")))
                } catch is CancellationError {
                    return
                } catch {
                    queue.post(.actionFailed(track: track, Self.describe(error)))
                }
            }
        case let .runAction(track, pending):
            task = Task { [queue] in
                // The action's own gate: the confirmed call passes once; any other call that changes something is
                // shown to the user first, and waits for the answer.
                let gate = ActionAPI(base: api, allowed: reading.allowed, approved: pending.call.map { [$0] } ?? []) { call in
                    let approval = CallApproval()
                    queue.post(.approvalNeeded(track: track, ActionConfirmation.dialog(pending, call: call), approval))
                    return await approval.wait()
                }
                var ctx = pending.context
                ctx.api = gate
                do {
                    let outcome: ActionOutcome
                    switch pending.action.body {
                    case .call:
                        guard let call = pending.call else {
                            queue.post(.actionCompleted(track: track, message: "nothing to change"))
                            return
                        }
                        let response = try await gate.call(call.command, call.parameters)
                        if response.jobID == nil, pending.showsResult {
                            queue.post(.actionAnswered(track: track, command: call.command, response.content))
                            return
                        }
                        if response.jobID == nil, !pending.action.reveal.isEmpty {
                            queue.post(.actionRevealed(track: track, Reveal.values(pending.action.reveal, in: response.content)))
                            return
                        }
                        outcome = response.jobID.map { .asyncJob(jobID: $0) } ?? .completed(message: nil)
                    case .custom(let perform):
                        outcome = try await perform(ctx)
                    }
                    switch outcome {
                    case .asyncJob(let id): queue.post(.actionQueued(track: track, jobID: id))
                    case .completed(let message): queue.post(.actionCompleted(track: track, message: message))
                    }
                } catch let refused as CallRefused {
                    queue.post(.actionCancelled(track: track, refused.description))
                } catch {
                    queue.post(.actionFailed(track: track, Self.describe(error)))
                }
            }
        case let .answerApproval(approval, yes):
            approval.resolve(yes)
            return
        case let .pollJob(track, jobID, command):
            task = Task { [queue] in
                do {
                    let job = try await api.waitForJob(jobID, command: command)
                    queue.post(.jobFinished(track: track, job))
                } catch CloudStackError.jobFailed(_, _, let code, let text) {
                    queue.post(.jobFailed(track: track, (text.isEmpty ? "failed" : text) + (code.map { " (\($0))" } ?? "")))
                } catch is CancellationError {
                    return
                } catch {
                    queue.post(.jobFailed(track: track, Self.describe(error)))
                }
            }
        }
        let id = lock.withLock { () -> Int in
            nextTaskID += 1
            tasks[nextTaskID] = task
            return nextTaskID
        }
        Task { [weak self] in
            await task.value
            self?.lock.withLock { _ = self?.tasks.removeValue(forKey: id) }
        }
    }

    /// How many effects are still running (for tests).
    var runningCount: Int { lock.withLock { tasks.count } }

    func cancelAll() {
        lock.lock()
        let all = Array(tasks.values)
        tasks = [:]
        lock.unlock()
        for t in all { t.cancel() }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? CloudStackError { return e.description }
        if let e = error as? CallRefused { return e.description }
        return String(describing: error)
    }
}

/// Gathers the dashboard: capacity per zone, VM counts by state, latest alerts and events.
struct DashboardLoader {
    /// Reads only, and knows what listApis allows.
    let api: APIHelper

    func load() async throws -> DashboardData {
        var data = DashboardData()
        async let capacity = optional("listCapacity", [])
        async let alerts = optional("listAlerts", [("page", "1"), ("pagesize", "6")])
        async let events = optional("listEvents", [("listall", "true"), ("page", "1"), ("pagesize", "8")])
        var counts: [(String, Int)] = []
        for state in ["Running", "Stopped", "Starting", "Stopping", "Error"] {
            let r = try await api.call("listVirtualMachines", [("listall", "true"), ("state", state), ("page", "1"), ("pagesize", "1")])
            counts.append((state, r.list.count ?? r.list.items.count))
        }
        data.vmStates = counts
        // Capacity is an admin's: everyone else gets their own account's resources against its limits.
        if !api.isAllowed("listCapacity"), let account = try await optional("listAccounts", []).first {
            data.ownAccount = account["name"]?.text
            data.own = Self.ownResources(account)
        }
        var zones: [String: [Int: (Double, Double)]] = [:]
        var order: [String] = []
        for item in try await capacity {
            guard let zone = item["zonename"]?.text, let type = item["type"]?.intValue,
                  let used = item["capacityused"]?.doubleValue, let total = item["capacitytotal"]?.doubleValue else { continue }
            if zones[zone] == nil { order.append(zone); zones[zone] = [:] }
            if zones[zone]?[Int(type)] == nil { zones[zone]?[Int(type)] = (used, total) }
        }
        // Capacity types: 1 CPU (MHz), 0 memory (bytes), 2 primary storage used (bytes).
        data.zones = order.map { zone in
            let c = zones[zone] ?? [:]
            let gauges = [("CPU", 1), ("Memory", 0), ("Primary", 2)].compactMap { label, type in c[type].map { (label, $0.0, $0.1) } }
            return DashboardData.ZoneCapacity(zone: zone, gauges: gauges)
        }
        data.alerts = try await alerts.map { a in
            "\(FieldFormatter.date(a["sent"]?.text ?? ""))  \(a["description"]?.text ?? a["name"]?.text ?? "")"
        }
        data.events = try await events.map { e in
            "\(FieldFormatter.date(e["created"]?.text ?? ""))  \(e["level"]?.text ?? "")  \(e["type"]?.text ?? "")  \(e["description"]?.text ?? "")"
        }
        data.loadedAt = Date()
        return data
    }

    /// AccountResponse's counts and limits: instances, volumes, snapshots, networks, public IPs.
    static func ownResources(_ account: JSONValue) -> [DashboardData.OwnResource] {
        func count(_ key: String) -> Int? { account[key].flatMap { $0.intValue.map(Int.init) ?? $0.text.flatMap { Int($0) } } }
        var out: [DashboardData.OwnResource] = []
        for (label, name) in [("Instances", "vm"), ("Volumes", "volume"), ("Snapshots", "snapshot"), ("Networks", "network"), ("Public IPs", "ip")] {
            guard let total = count(name + "total") else { continue }
            var detail: String?
            if name == "vm", let running = count("vmrunning"), let stopped = count("vmstopped") {
                detail = "\(ListPane.fmt(running)) running · \(ListPane.fmt(stopped)) stopped"
            }
            out.append(.init(label: label, total: max(0, total), limit: count(name + "limit").map { max(0, $0) }, detail: detail))
        }
        return out
    }

    /// Items of a command the user may not be allowed to call; nothing when listApis does not offer it.
    private func optional(_ command: String, _ params: [(String, String)]) async throws -> [JSONValue] {
        guard api.isAllowed(command) else { return [] }
        return try await api.call(command, params).list.items
    }
}
