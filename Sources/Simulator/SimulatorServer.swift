import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A running simulator: an in-memory CloudStack management server on 127.0.0.1 at `/client/api`.
public final class SimulatorServer: Sendable {
    private let core: SimulatorCore
    private let channel: Channel
    private let group: MultiThreadedEventLoopGroup
    private let options: SimulatorOptions
    private let stopped = Mutex(false)
    public let port: Int
    public let credentials: SimulatorCredentials

    /// "http://127.0.0.1:PORT/client/api"
    public var endpoint: String { "http://\(options.host):\(port)/client/api" }

    private init(core: SimulatorCore, channel: Channel, group: MultiThreadedEventLoopGroup, options: SimulatorOptions, port: Int, credentials: SimulatorCredentials) {
        self.core = core
        self.channel = channel
        self.group = group
        self.options = options
        self.port = port
        self.credentials = credentials
    }

    /// Builds (or loads) the inventory and starts listening.
    /// Throws `SimulatorOptionError` for an option out of range, before anything is built.
    public static func start(_ options: SimulatorOptions) async throws -> SimulatorServer {
        try options.validate()
        var inventory: Inventory
        if let path = options.statePath, let loaded = try StateFile.load(path) {
            inventory = loaded
        } else {
            inventory = Seeder.build(seed: options.seed, vms: max(0, options.vms))
        }
        inventory.rebuildIndexes()
        let credentials = try Self.credentials(inventory)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(2, min(4, System.coreCount)))
        let core = SimulatorCore(inventory: inventory, options: options, scheduler: group)
        let channel: Channel
        do {
            channel = try await HTTPServer.bind(host: options.host, port: options.port, group: group, core: core)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        let port = channel.localAddress?.port ?? options.port
        return SimulatorServer(core: core, channel: channel, group: group, options: options, port: port, credentials: credentials)
    }

    private static func credentials(_ inv: Inventory) throws -> SimulatorCredentials {
        func account(_ name: String) throws -> SimulatorAccount {
            guard let a = inv.accounts.first(where: { $0.name == name }), let u = inv.users.first(where: { $0.accountID == a.id }) else {
                throw SimulatorError.inventory("the inventory has no \(name) account")
            }
            return SimulatorAccount(username: u.username, password: u.password, domain: "/", apiKey: u.apiKey, secretKey: u.secretKey, account: a.name,
                                    roleType: a.roleType, accountType: a.accountType, userID: u.id, accountID: a.id)
        }
        return SimulatorCredentials(admin: try account("admin"), user: try account("demo"))
    }

    /// How many login sessions are alive (logged in and not logged out), for tests that a client ends its session.
    public var activeSessions: Int { core.state.withLock { $0.sessions.sessions.count } }

    /// Changes fault injection at runtime; applies to the next request.
    public func setFaults(_ f: FaultOptions) { core.setFaults(f) }

    /// Stops listening, finishes pending jobs and saves the inventory when `statePath` is set, and stops the event loops. Idempotent.
    public func shutdown() async throws {
        let already = stopped.withLock { s -> Bool in
            defer { s = true }
            return s
        }
        if already { return }
        try? await channel.close()
        if let path = options.statePath {
            core.finishPendingJobs()
            try StateFile.save(core.snapshotInventory(), to: path)
        }
        try await group.shutdownGracefully()
    }
}

/// Why the simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible, Sendable {
    case inventory(String)

    public var description: String {
        switch self {
        case .inventory(let why): return "The simulator's inventory is unusable: \(why)"
        }
    }
}
