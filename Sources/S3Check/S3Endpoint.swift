import Foundation

/// Where the S3 service is and how buckets are addressed (path-style `/bucket/key` or virtual-hosted `bucket.host/key`).
public struct S3Endpoint: Sendable, Equatable {
    public let scheme: String
    public let host: String
    public let port: Int?
    public let pathStyle: Bool

    /// Parses `https://s3.example.com[:port]`; a bare host means https.
    public static func parse(_ text: String, pathStyle: Bool) -> Result<S3Endpoint, S3Error> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed
        guard let components = URLComponents(string: withScheme),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else {
            return .failure(.invalidArgument("endpoint \(text) is not an http(s) URL such as https://s3.example.com"))
        }
        if !(components.path.isEmpty || components.path == "/") {
            return .failure(.invalidArgument("endpoint \(text) must not have a path (got \(components.path))"))
        }
        return .success(S3Endpoint(scheme: scheme, host: host, port: components.port, pathStyle: pathStyle))
    }

    public init(scheme: String, host: String, port: Int?, pathStyle: Bool) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.pathStyle = pathStyle
    }

    /// The Host header value for a bucket (nil: the service itself, e.g. list buckets).
    public func hostHeader(bucket: String?) -> String {
        var name = host
        if let bucket, !pathStyle { name = bucket + "." + host }
        if let port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            return "\(name):\(port)"
        }
        return name
    }

    /// The raw (unencoded) request path for a bucket and key.
    public func rawPath(bucket: String?, key: String?) -> String {
        var path = ""
        if let bucket, pathStyle { path += "/" + bucket }
        if let key { path += "/" + key }
        if path.isEmpty || (key == nil && bucket != nil && !pathStyle) { path = "/" }
        return path
    }

    /// The full URL for an already-encoded path and query string.
    public func url(bucket: String?, encodedPath: String, encodedQuery: String) -> String {
        let base = "\(scheme)://\(hostHeader(bucket: bucket))\(encodedPath)"
        return encodedQuery.isEmpty ? base : base + "?" + encodedQuery
    }
}
