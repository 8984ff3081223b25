import CloudStack
import Simulator

/// The client configuration tests use against the simulator: jobs are polled every 50 ms from 20 ms on, so a job
/// the simulator ends in a tenth of a second is seen at once, and a job that never ends fails the test in 20 s.
/// Requests keep the client's own timeout: with the whole suite on two cores an answer can take over 10 s.
public func fastPollConfiguration(_ server: SimulatorServer, _ credentials: Credentials) -> ClientConfiguration {
    var c = ClientConfiguration(endpoint: server.endpoint, credentials: credentials)
    c.jobPollInterval = 0.05
    c.firstJobPollDelay = 0.02
    c.jobTimeout = 20
    return c
}

/// A fast-poll client for `server`, closed when the simulator started by `withSimulator`/`TestSimulator.with` stops.
public func client(_ server: SimulatorServer, _ credentials: Credentials, configure: (inout ClientConfiguration) -> Void = { _ in }) throws -> CloudStackClient {
    var c = fastPollConfiguration(server, credentials)
    configure(&c)
    let made = try CloudStackClient(configuration: c)
    ClientRegistry.add(made, port: server.port)
    return made
}

/// A fast-poll client signed with the simulator's admin keys.
public func admin(_ server: SimulatorServer, configure: (inout ClientConfiguration) -> Void = { _ in }) throws -> CloudStackClient {
    try client(server, .apiKey(key: server.credentials.admin.apiKey, secret: server.credentials.admin.secretKey), configure: configure)
}

/// A fast-poll client signed with the simulator's normal user's keys.
public func user(_ server: SimulatorServer) throws -> CloudStackClient {
    try client(server, .apiKey(key: server.credentials.user.apiKey, secret: server.credentials.user.secretKey))
}
