import CloudStack
import Foundation
import PluginKit

/// The console's API: the signed-in client. What listApis allows is kept by the console's state (`AppState.apis`),
/// which answers `isAllowed` in the contexts it hands out; the client itself does not judge.
///
/// Every call the console makes passes `call` here, so this is where the history is written: a call that changes
/// something when it returns, and its job's outcome when `waitForJob` sees it end.
final class ConsoleAPI: ConsoleSession, @unchecked Sendable {
    let client: CloudStackClient
    /// The history of this profile's calls; nil writes none.
    let history: HistoryRecorder?

    init(client: CloudStackClient, history: HistoryRecorder? = nil) {
        self.client = client
        self.history = history
    }

    func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse {
        do {
            let response = try await client.call(command, parameters)
            history?.called(command, parameters, .success(response))
            return response
        } catch {
            history?.called(command, parameters, .failure(error))
            throw error
        }
    }

    func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult {
        try await client.listPage(command, parameters, page: page, pageSize: pageSize)
    }

    /// Every row, pages fetched in parallel by the client.
    func listAll(_ command: String, _ parameters: [(String, String)]) async throws -> [JSONValue] {
        try await client.listAll(command, parameters).items
    }

    func isAllowed(_ command: String) -> Bool { true }

    func waitForJob(_ jobID: String, command: String) async throws -> AsyncJob {
        do {
            let job = try await client.waitForJob(jobID, command: command)
            history?.jobEnded(jobID, error: nil)
            return job
        } catch {
            history?.jobEnded(jobID, error: error)
            throw error
        }
    }

    /// listApis: every command this user may call, with its response fields.
    func loadAPIs() async throws -> [APIInfo] {
        let r = try await client.call("listApis", [])
        let apis = r.list.items.compactMap { item -> APIInfo? in
            guard let name = item["name"]?.text else { return nil }
            let fields = item["response"]?.arrayValue?.compactMap { $0["name"]?.text } ?? []
            let params = item["params"]?.arrayValue?.compactMap { p -> APIParamInfo? in
                guard let n = p["name"]?.text, !n.isEmpty else { return nil }
                return APIParamInfo(name: n, type: p["type"]?.text?.lowercased() ?? "string", required: p["required"]?.boolValue ?? false,
                                    description: p["description"]?.text ?? "", length: p["length"]?.intValue.flatMap { Int(exactly: $0) })
            } ?? []
            return APIInfo(name: name, isAsync: item["isasync"]?.boolValue ?? false, responseFields: fields, params: params)
        }
        return apis.sorted { $0.name < $1.name }
    }

    /// Who is signed in: from the login response for sessions, from listUsers for API keys.
    func whoAmI() async throws -> UserInfo {
        let login = await client.session
        let users = try await client.call("listUsers", login?["userid"]?.text.map { [("id", $0)] } ?? [("listall", "true")]).list.items
        var me: JSONValue?
        switch client.configuration.credentials {
        case .apiKey(let key, _): me = users.first { $0["apikey"]?.text == key } ?? (users.count == 1 ? users.first : nil)
        case .session(let username, _, _): me = users.first { $0["username"]?.text == username } ?? users.first
        }
        guard let me else {
            throw CloudStackError.unexpectedResponse(command: "listUsers", reason: "the signed-in user is not among the users listed")
        }
        if let name = me["username"]?.text { history?.user = name }
        let accountType = me["accounttype"]?.intValue
        let role = me["roletype"]?.text ?? (accountType == 1 ? "Admin" : accountType == 2 ? "DomainAdmin" : "User")
        return UserInfo(username: me["username"]?.text ?? "?", account: me["account"]?.text ?? "?",
                        domain: me["domain"]?.text ?? "?", roleType: role)
    }
}
