// Console's model types are internal, so these fixtures see them through a testable import, which only debug
// builds allow; a release build of the package compiles TestSupport without them (no test runs in release).
#if DEBUG
import CloudStack
import PluginKit
import TUI
@testable import Console

/// AppState builders and keys for tests that drive `Update` and `Renderer` directly, with no server behind them.
enum ConsoleFixtures {
    /// A signed-in admin's state at `width`x`height`, no section opened yet.
    static func signedIn(api: any ConsoleSession, readOnly: Bool = false, width: Int = 80, height: Int = 24, profileName: String = "test") -> AppState {
        var s = AppState(width: width, height: height, profileName: profileName, endpointHost: "127.0.0.1", readOnly: readOnly,
                         theme: .builtIn, api: api)
        s.user = UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin")
        return s
    }

    /// A signed-in admin looking at Instances, whose first page is being loaded.
    static func state(api: any ConsoleSession, readOnly: Bool = false, width: Int = 80, height: Int = 24) -> AppState {
        var s = signedIn(api: api, readOnly: readOnly, width: width, height: height)
        _ = Update.open(InstancesSection.id, &s)
        return s
    }

    /// Answers the Instances load in progress with `rows` as its only page.
    static func load(_ rows: [Row], into s: inout AppState, total: Int? = nil) {
        let generation = s.lists[InstancesSection.id]?.generation ?? 0
        _ = Update.apply(.pageLoaded(view: InstancesSection.id, generation: generation, page: 1, DataPage(rows: rows, total: total ?? rows.count)), to: &s)
    }

    /// An API helper for a server that is not there (port 9, discard): for tests that must not reach one.
    static func api() throws -> ConsoleAPI {
        ConsoleAPI(client: try CloudStackClient(configuration: ClientConfiguration(endpoint: "http://127.0.0.1:9/client/api", credentials: .apiKey(key: "k", secret: "s"))))
    }

    /// One key press through `Update`; the effects it asks for are returned, not run.
    static func key(_ k: Key, _ s: inout AppState) -> [Effect] { Update.apply(.input(.key(k)), to: &s) }
}
#endif
