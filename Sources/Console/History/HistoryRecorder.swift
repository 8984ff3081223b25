import CloudStack
import Foundation
import StorageForms

/// Writes the history of one profile's calls: every call that changes something (`CommandKind.isReadOnly`, the
/// same predicate read-only mode uses) when it returns, and again when its job ends. The console's API and
/// `cstui call` both record through it; reads, login and logout are never written.
public final class HistoryRecorder: @unchecked Sendable {
    public let log: HistoryLog
    public let profile: String
    private let lock = NSLock()
    private var currentUser: String?
    /// Entries waiting for their job, by job id; each holds the secret values its outcome message must not show.
    private var waiting: [String: (HistoryEntry, [String])] = [:]

    public init(log: HistoryLog, profile: String, user: String? = nil) {
        self.log = log
        self.profile = profile
        self.currentUser = user
    }

    /// The username a session profile signs in with; nil for an API key (its owner is known only once asked).
    public static func sessionUser(_ credentials: Credentials) -> String? {
        if case .session(let username, _, _) = credentials { return username }
        return nil
    }

    /// The signed-in user, once known (the console learns an API key's owner after it starts).
    public var user: String? {
        get { lock.withLock { currentUser } }
        set { lock.withLock { currentUser = newValue } }
    }

    /// After a call was sent: its response (a job id makes it `pending`) or its error. Calls that only read, and
    /// calls refused before they were sent (read-only mode, a bad profile), are not written.
    public func called(_ command: String, _ parameters: [(String, String)], _ result: Result<APIResponse, Error>) {
        guard !CommandKind.isReadOnly(command) else { return }
        let (kept, removed) = Redaction.removingSecrets(parameters)
        let secrets = parameters.filter { p in removed.contains(p.0) }.map(\.1).filter { !$0.isEmpty }
        var entry = HistoryEntry(id: UUID().uuidString.lowercased(), time: HistoryEntry.timestamp(Date()), profile: profile, user: user,
                                 command: command, parameters: kept, removed: removed, jobID: nil, outcome: "success")
        switch result {
        case .success(let response):
            if let jobID = response.jobID, response.content["jobstatus"] == nil || response.content["jobstatus"]?.intValue == 0 {
                entry.jobID = jobID
                entry.outcome = "pending"
                lock.withLock { waiting[jobID] = (entry, secrets) }
            } else if let jobID = response.jobID {
                entry.jobID = jobID
            }
        case .failure(let error):
            if error is CancellationError { return }
            if case .configuration = error as? CloudStackError { return }
            entry.outcome = "failed: " + Self.masked(Self.describe(error), secrets)
        }
        log.append(entry)
    }

    /// After a job this recorder saw queued ended: nil for success, else the error (cancellation and giving up on
    /// waiting leave it `pending`: the job may still end well on the server).
    public func jobEnded(_ jobID: String, error: Error?) {
        guard let (entry, secrets) = lock.withLock({ waiting[jobID] }) else { return }
        var outcome = "success"
        if let error {
            switch error as? CloudStackError {
            case .some(.jobFailed), .some(.jobCancelled): outcome = "failed: " + Self.masked(Self.describe(error), secrets)
            default: return
            }
        }
        lock.withLock { _ = waiting.removeValue(forKey: jobID) }
        var done = entry
        done.outcome = outcome
        log.append(done)
    }

    private static func describe(_ error: Error) -> String {
        let text = (error as? CloudStackError)?.description ?? String(describing: error)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }

    /// A server message that quotes a secret the call carried shows it masked, in every spelling it can come back in.
    static func masked(_ text: String, _ secrets: [String]) -> String {
        var out = text
        for secret in secrets {
            for form in secretSpellings(secret) { out = out.replacingOccurrences(of: form, with: "••••") }
        }
        return out
    }
}
