import CloudStack
import Foundation
import PluginKit

/// The user's answer to one call an action wants to send, awaited by the action's task and given by the console
/// loop. Answered once; a cancelled task counts as No.
final class CallApproval: @unchecked Sendable {
    private let lock = NSLock()
    private var answer: Bool?
    private var waiter: CheckedContinuation<Bool, Never>?

    func resolve(_ yes: Bool) {
        let w: CheckedContinuation<Bool, Never>? = lock.withLock {
            guard answer == nil else { return nil }
            answer = yes
            defer { waiter = nil }
            return waiter
        }
        w?.resume(returning: yes)
    }

    func wait() async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
                let known: Bool? = lock.withLock {
                    if let answer { return answer }
                    waiter = c
                    return nil
                }
                if let known { c.resume(returning: known) }
            }
        } onCancel: {
            resolve(false)
        }
    }
}

/// Why an action stopped before sending a call: the user said no, or it was not theirs to send.
struct CallRefused: Error, CustomStringConvertible {
    var description: String

    /// Paging is for list commands; paging one that changes something would send it unconfirmed.
    static func notAList(_ command: String) -> CallRefused {
        CallRefused(description: "\(command) changes something and cannot be listed page by page; it was not sent")
    }
}

/// What both gates below share: list calls pass to a base only for commands that read, and `isAllowed` answers from
/// the console state's listApis.
protocol ListingGate: APIHelper {
    var listBase: APIHelper { get }
    /// What listApis offers (lower-cased); nil: not known, everything is offered.
    var allowed: Set<String>? { get }
}

extension ListingGate {
    func isAllowed(_ command: String) -> Bool { allowed?.contains(command.lowercased()) ?? true }

    /// Paging is for list commands; paging one that changes something would send it unconfirmed.
    func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult {
        guard CommandKind.isReadOnly(command) else { throw CallRefused.notAList(command) }
        return try await listBase.listPage(command, parameters, page: page, pageSize: pageSize)
    }

    func listAll(_ command: String, _ parameters: [(String, String)]) async throws -> [JSONValue] {
        guard CommandKind.isReadOnly(command) else { throw CallRefused.notAList(command) }
        return try await listBase.listAll(command, parameters)
    }
}

/// The API as a list view's data provider, a plugin's content or a detail load sees it: reads only. Nothing that
/// changes the cloud happens without a user's action and confirmation.
struct ReadingAPI: ListingGate {
    let base: any ConsoleSession
    var allowed: Set<String>?
    var listBase: APIHelper { base }

    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse {
        guard CommandKind.isReadOnly(command) else {
            throw CallRefused(description: "a list view's data tried to call \(command), which changes something; only an action the user confirms may. It was not sent")
        }
        return try await base.call(command, parameters)
    }
}

/// The API as a running action sees it. Reads pass; a call that changes something passes only when it is the very
/// call the user confirmed (once), or when the user confirms it now: `ask` shows it, command and parameters, and
/// waits for the answer.
final class ActionAPI: ListingGate, @unchecked Sendable {
    private let base: APIHelper
    let allowed: Set<String>?
    private let lock = NSLock()
    private var approved: [APICall]
    private let ask: @Sendable (APICall) async -> Bool

    var listBase: APIHelper { base }

    init(base: APIHelper, allowed: Set<String>?, approved: [APICall], ask: @escaping @Sendable (APICall) async -> Bool) {
        self.base = base
        self.allowed = allowed
        self.approved = approved
        self.ask = ask
    }

    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse {
        let request = APICall(command, parameters)
        if request.isMutating {
            let preApproved = lock.withLock { () -> Bool in
                guard let i = approved.firstIndex(of: request) else { return false }
                approved.remove(at: i)
                return true
            }
            if !preApproved, !(await ask(request)) {
                throw CallRefused(description: "cancelled: \(command) was not sent")
            }
        }
        return try await base.call(command, parameters)
    }
}
