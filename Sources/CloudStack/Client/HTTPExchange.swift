import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOSSL

/// One HTTP answer as the client needs it.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    func headers(_ name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }
}

/// The HTTP layer: AsyncHTTPClient with the user's TLS and timeout choices.
final class HTTPExchange: Sendable {
    let client: HTTPClient
    let requestTimeout: Double
    /// Bodies larger than this are refused rather than held in memory (a misrouted download, not an API answer).
    let maxBodyBytes = 512 * 1024 * 1024

    init(configuration: ClientConfiguration) throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !configuration.verifyTLS {
            tls.certificateVerification = .none
        }
        if let ca = configuration.caFile {
            guard FileManager.default.isReadableFile(atPath: ca) else {
                throw CloudStackError.configuration("CA file \(ca) cannot be read")
            }
            do {
                let certs = try NIOSSLCertificate.fromPEMFile(ca)
                tls.additionalTrustRoots = [.certificates(certs)]
            } catch {
                throw CloudStackError.configuration("CA file \(ca) is not a PEM certificate file: \(error)")
            }
        }
        var config = HTTPClient.Configuration(
            tlsConfiguration: tls,
            timeout: .init(connect: .milliseconds(Self.milliseconds(configuration.connectTimeout)),
                           read: .milliseconds(Self.milliseconds(configuration.requestTimeout))),
            decompression: .enabled(limit: .ratio(50)))
        config.httpVersion = .http1Only
        // A redirect comes back as the 3xx answer (CloudStackClient turns it into an error naming the Location):
        // following it would resend a login POST or a signed request, password included, to another host.
        config.redirectConfiguration = .disallow
        config.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 8)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
        requestTimeout = configuration.requestTimeout
    }

    func send(url: String, method: HTTPMethod, headers: [(String, String)], body: String?) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (k, v) in headers { request.headers.add(name: k, value: v) }
        if let body {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=UTF-8")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await client.execute(request, timeout: .milliseconds(Self.milliseconds(requestTimeout)))
        var buffer = try await response.body.collect(upTo: maxBodyBytes)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        return HTTPAnswer(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: bytes)
    }

    /// Seconds as whole milliseconds, clamped to a day so no setting (inf, 1e300, NaN) can trap the conversion.
    static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int64(min(seconds, 86_400) * 1000)
    }

    private let isShutDown = NIOLockedValueBox(false)

    func shutdown() async {
        guard !isShutDown.withLockedValue({ done in defer { done = true }; return done }) else { return }
        try? await client.shutdown()
    }

    /// A client dropped without `close()` still releases its connections (AsyncHTTPClient traps otherwise).
    deinit {
        if !isShutDown.withLockedValue({ $0 }) {
            _ = client.shutdown()
        }
    }
}
