import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP/1.1 on SwiftNIO: keep-alive, GET queries and POST forms, each request answered by `SimulatorCore`.
final class APIChannelHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let core: SimulatorCore
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private let maxBody = 8 * 1024 * 1024

    init(core: SimulatorCore) { self.core = core }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body = []
        case .body(var buffer):
            if body.count + buffer.readableBytes > maxBody {
                context.close(promise: nil)
                return
            }
            if let bytes = buffer.readBytes(length: buffer.readableBytes) { body.append(contentsOf: bytes) }
        case .end:
            guard let h = head else { return }
            head = nil
            let request = SimHTTPRequest(method: h.method.rawValue, uri: h.uri, headers: h.headers.map { ($0.name, $0.value) }, body: body)
            body = []
            let outcome = core.handle(request)
            let keepAlive = h.isKeepAlive
            let version = h.version
            switch outcome {
            case .drop(let delay):
                later(context, delay) { $0.close(promise: nil) }
            case .respond(let status, let headers, let bytes, let delay):
                later(context, delay) { ctx in
                    var hs = HTTPHeaders(headers)
                    hs.add(name: "Content-Length", value: String(bytes.count))
                    hs.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
                    let responseHead = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: status), headers: hs)
                    ctx.write(self.wrapOutboundOut(.head(responseHead)), promise: nil)
                    var buffer = ctx.channel.allocator.buffer(capacity: bytes.count)
                    buffer.writeBytes(bytes)
                    ctx.write(self.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
                    let done = ctx.eventLoop.makePromise(of: Void.self)
                    ctx.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: done)
                    if !keepAlive {
                        let channel = ctx.channel
                        done.futureResult.whenComplete { _ in channel.close(promise: nil) }
                    }
                }
            }
        }
    }

    /// Runs `body` now, or after `delay` seconds on the channel's event loop (the latency fault).
    private func later(_ context: ChannelHandlerContext, _ delay: Double, _ body: @escaping (ChannelHandlerContext) -> Void) {
        if delay <= 0 { body(context); return }
        context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Nanoseconds.from(seconds: delay))) {
            guard context.channel.isActive else { return }
            body(context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}

/// Binds the listening socket and wires each connection's pipeline.
enum HTTPServer {
    static func bind(host: String, port: Int, group: EventLoopGroup, core: SimulatorCore) async throws -> Channel {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(APIChannelHandler(core: core))
                }
            }
            .childChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1)
        return try await bootstrap.bind(host: host, port: port).get()
    }
}
