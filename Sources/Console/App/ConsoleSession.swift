import CloudStack
import PluginKit

/// The signed-in API as the console's own work uses it, beyond what plugins see: what listApis offers, who is
/// signed in, following an async job. AppState holds the one current session; the effect runner borrows it from
/// each effect's context and holds none.
protocol ConsoleSession: APIHelper {
    func loadAPIs() async throws -> [APIInfo]
    func whoAmI() async throws -> UserInfo
    func waitForJob(_ jobID: String, command: String) async throws -> AsyncJob
}
