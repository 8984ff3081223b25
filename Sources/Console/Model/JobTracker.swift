import CloudStack
import Foundation
import TUI

/// Every action the user ran this session, for the notifications tray: pending, succeeded or failed.
struct TrackedJob: Equatable {
    enum Status: Equatable {
        case running
        case succeeded
        case failed(String)
    }

    var id: String
    var title: String
    var jobID: String?
    /// The list view and row it acts on, so the row can be updated when the job ends.
    var listView: String?
    var rowID: String?
    var started: Date
    var ended: Date?
    var status: Status
    /// Result fields to show once when it ends (`RowAction.reveal`); their values are never stored here.
    var reveal: [String] = []
    /// A command run from the `:` form: its answer is opened when it ends.
    var showsResult = false
    /// A bulk run: the summary entry and its rows' entries.
    var parent: String?
    var children: [String] = []
    /// The summary's progress line ("12 of 20 done").
    var progress: String?

    func trayItem(now: Date) -> TrayItem {
        let elapsed = (ended ?? now).timeIntervalSince(started)
        switch status {
        case .running: return TrayItem(id: id, title: title, status: .pending, elapsed: elapsed, detail: progress ?? jobID.map { "job \($0)" })
        case .succeeded: return TrayItem(id: id, title: title, status: .succeeded, elapsed: elapsed, detail: progress ?? jobID.map { "job \($0)" })
        case .failed(let text): return TrayItem(id: id, title: title, status: .failed, elapsed: elapsed, detail: text)
        }
    }
}

struct JobTracker {
    private(set) var jobs: [TrackedJob] = []
    private var counter = 0

    mutating func start(title: String, listView: String?, rowID: String?, now: Date) -> String {
        counter += 1
        let id = "a\(counter)"
        jobs.insert(TrackedJob(id: id, title: title, jobID: nil, listView: listView, rowID: rowID, started: now, ended: nil, status: .running), at: 0)
        return id
    }

    mutating func update(_ id: String, _ change: (inout TrackedJob) -> Void) {
        guard let i = jobs.firstIndex(where: { $0.id == id }) else { return }
        change(&jobs[i])
    }

    func job(_ id: String) -> TrackedJob? { jobs.first { $0.id == id } }

    var pendingCount: Int { jobs.filter { $0.status == .running }.count }
}
