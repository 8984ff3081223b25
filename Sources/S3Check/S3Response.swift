/// One HTTP answer from an S3 server.
public struct S3Response: Sendable {
    public let status: Int
    public let headers: [(String, String)]
    public let body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The x-amz-meta-* headers, names lower-cased without the prefix.
    public var userMetadata: [String: String] {
        var out: [String: String] = [:]
        for (name, value) in headers where name.lowercased().hasPrefix("x-amz-meta-") {
            out[String(name.lowercased().dropFirst("x-amz-meta-".count))] = value
        }
        return out
    }
}
