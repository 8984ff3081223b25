import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A small S3 client: the operations CloudStack's secondary storage uses, each signed with SigV4.
public final class S3Client: Sendable {
    public let endpoint: S3Endpoint
    public let signer: SigV4Signer
    /// Sign bodies as UNSIGNED-PAYLOAD instead of hashing them.
    public let unsignedPayload: Bool
    let http: HTTPClient
    let timeout: TimeAmount
    let maxBodyBytes = 1024 * 1024 * 1024

    public init(endpoint: S3Endpoint, credentials: S3Credentials, region: String,
                unsignedPayload: Bool = false, timeoutSeconds: Int64 = 60, connectTimeoutSeconds: Int64 = 10) {
        self.endpoint = endpoint
        self.signer = SigV4Signer(credentials: credentials, region: region)
        self.unsignedPayload = unsignedPayload
        self.timeout = .seconds(timeoutSeconds)
        var config = HTTPClient.Configuration(
            timeout: .init(connect: .seconds(min(timeoutSeconds, connectTimeoutSeconds)), read: .seconds(timeoutSeconds)))
        config.httpVersion = .http1Only
        // S3 answers must be seen as they are (redirects would need re-signing).
        config.redirectConfiguration = .disallow
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }

    public func shutdown() async {
        try? await http.shutdown()
    }

    // MARK: buckets

    public func createBucket(_ bucket: String) async throws(S3Error) {
        var body: [UInt8] = []
        if signer.region != "us-east-1" {
            body = Array("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>\(signer.region)</LocationConstraint></CreateBucketConfiguration>".utf8)
        }
        _ = try await send("PUT", bucket: bucket, key: nil, body: body)
    }

    public func deleteBucket(_ bucket: String) async throws(S3Error) {
        _ = try await send("DELETE", bucket: bucket, key: nil)
    }

    /// Names of the buckets the caller owns.
    public func listBuckets() async throws(S3Error) -> [String] {
        let response = try await send("GET", bucket: nil, key: nil)
        return try document(response).values("Bucket/Name")
    }

    // MARK: objects

    public func putObject(bucket: String, key: String, bytes: [UInt8], metadata: [String: String] = [:],
                          contentType: String = "application/octet-stream") async throws(S3Error) {
        var headers: [(String, String)] = [("Content-Type", contentType)]
        for (name, value) in metadata.sorted(by: { $0.key < $1.key }) {
            headers.append(("x-amz-meta-\(name.lowercased())", value))
        }
        _ = try await send("PUT", bucket: bucket, key: key, headers: headers, body: bytes)
    }

    public func putObject(bucket: String, key: String, file: String, metadata: [String: String] = [:]) async throws(S3Error) {
        let bytes = try Self.read(file)
        try await putObject(bucket: bucket, key: key, bytes: bytes, metadata: metadata)
    }

    /// The object's bytes and headers (metadata in `userMetadata`).
    public func getObject(bucket: String, key: String) async throws(S3Error) -> S3Response {
        try await send("GET", bucket: bucket, key: key)
    }

    /// Saves the object to a file and returns its headers.
    @discardableResult
    public func getObject(bucket: String, key: String, toFile file: String) async throws(S3Error) -> S3Response {
        let response = try await getObject(bucket: bucket, key: key)
        guard FileManager.default.createFile(atPath: file, contents: Data(response.body)) else {
            throw S3Error.invalidArgument("cannot write \(file)")
        }
        return response
    }

    /// Keys under a prefix (ListObjectsV2, following continuation tokens).
    public func listObjects(bucket: String, prefix: String) async throws(S3Error) -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix)]
            if let token { query.append(("continuation-token", token)) }
            let doc = try document(try await send("GET", bucket: bucket, key: nil, query: query))
            keys += doc.values("Contents/Key")
            token = doc.first("IsTruncated") == "true" ? doc.first("NextContinuationToken") : nil
        } while token != nil
        return keys
    }

    public func putObjectACL(bucket: String, key: String, acl: S3CannedACL) async throws(S3Error) {
        _ = try await send("PUT", bucket: bucket, key: key, query: [("acl", "")], headers: [("x-amz-acl", acl.rawValue)])
    }

    public func deleteObject(bucket: String, key: String) async throws(S3Error) {
        _ = try await send("DELETE", bucket: bucket, key: key)
    }

    /// A URL anyone can GET until it expires.
    public func presignedGetURL(bucket: String, key: String, expiresSeconds: Int = 900, date: Date = Date()) -> String {
        let path = S3Encoding.path(endpoint.rawPath(bucket: bucket, key: key))
        let query = signer.presignedQuery(method: "GET", host: endpoint.hostHeader(bucket: bucket), path: path,
                                          query: [], expires: expiresSeconds, date: date)
        // The signature goes last, as AWS's own presigned URLs have it.
        let signature = query.filter { $0.0 == "X-Amz-Signature" }
        let rest = query.filter { $0.0 != "X-Amz-Signature" }
        let encoded = [S3Encoding.query(rest), S3Encoding.query(signature)].filter { !$0.isEmpty }.joined(separator: "&")
        return endpoint.url(bucket: bucket, encodedPath: path, encodedQuery: encoded)
    }

    /// A plain unsigned GET of any URL (to fetch a presigned URL as a browser would).
    public func plainGet(_ url: String) async throws(S3Error) -> S3Response {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        let response = try await execute(request)
        guard (200..<300).contains(response.status) else {
            let fields = S3XMLDocument.errorFields(response.body)
            throw S3Error.server(status: response.status, code: fields.code, message: fields.message)
        }
        return response
    }

    // MARK: multipart (TransferManager's job above a threshold)

    public func initiateMultipartUpload(bucket: String, key: String) async throws(S3Error) -> String {
        let response = try await send("POST", bucket: bucket, key: key, query: [("uploads", "")],
                                      headers: [("Content-Type", "application/octet-stream")])
        guard let id = try document(response).first("UploadId"), !id.isEmpty else {
            throw S3Error.unexpected("InitiateMultipartUpload answer has no UploadId")
        }
        return id
    }

    /// Uploads one part and returns its ETag.
    public func uploadPart(bucket: String, key: String, uploadId: String, partNumber: Int, bytes: [UInt8]) async throws(S3Error) -> String {
        let response = try await send("PUT", bucket: bucket, key: key,
                                      query: [("partNumber", String(partNumber)), ("uploadId", uploadId)], body: bytes)
        guard let etag = response.header("ETag") else {
            throw S3Error.unexpected("UploadPart answer has no ETag header")
        }
        return etag
    }

    public func completeMultipartUpload(bucket: String, key: String, uploadId: String, etags: [String]) async throws(S3Error) {
        var xml = "<CompleteMultipartUpload>"
        for (index, etag) in etags.enumerated() {
            let quoted = etag.hasPrefix("\"") ? etag : "\"\(etag)\""
            xml += "<Part><PartNumber>\(index + 1)</PartNumber><ETag>\(quoted.replacingOccurrences(of: "\"", with: "&quot;"))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        let response = try await send("POST", bucket: bucket, key: key, query: [("uploadId", uploadId)],
                                      headers: [("Content-Type", "application/xml")], body: Array(xml.utf8))
        // S3 may answer 200 with an <Error> body when completion fails late.
        let fields = S3XMLDocument.errorFields(response.body)
        if let document = S3XMLDocument(response.body), document.leaves.first?.path.hasPrefix("Error") == true {
            throw S3Error.server(status: response.status, code: fields.code, message: fields.message)
        }
    }

    public func abortMultipartUpload(bucket: String, key: String, uploadId: String) async throws(S3Error) {
        _ = try await send("DELETE", bucket: bucket, key: key, query: [("uploadId", uploadId)])
    }

    /// Uploads bytes in one PUT below the threshold, else as a multipart upload of `partSize` parts.
    /// A multipart upload that fails part-way is aborted (as TransferManager does) and the first error thrown.
    /// Returns the number of requests that carried data (1 for a single PUT, else the part count).
    public func upload(bucket: String, key: String, bytes: [UInt8], threshold: Int, partSize: Int) async throws(S3Error) -> Int {
        guard bytes.count > threshold else {
            try await putObject(bucket: bucket, key: key, bytes: bytes)
            return 1
        }
        let size = max(partSize, 1)
        let uploadId = try await initiateMultipartUpload(bucket: bucket, key: key)
        var etags: [String] = []
        var offset = 0
        do {
            while offset < bytes.count {
                let end = min(offset + size, bytes.count)
                etags.append(try await uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: etags.count + 1,
                                                  bytes: Array(bytes[offset..<end])))
                offset = end
            }
            try await completeMultipartUpload(bucket: bucket, key: key, uploadId: uploadId, etags: etags)
        } catch {
            try? await abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
            throw error
        }
        return etags.count
    }

    // MARK: plumbing

    /// Sends one signed request; a non-2xx answer becomes `S3Error.server` with the XML Code and Message.
    func send(_ method: String, bucket: String?, key: String?, query: [(String, String)] = [],
              headers: [(String, String)] = [], body: [UInt8] = []) async throws(S3Error) -> S3Response {
        let path = S3Encoding.path(endpoint.rawPath(bucket: bucket, key: key))
        let host = endpoint.hostHeader(bucket: bucket)
        let payloadHash = unsignedPayload ? SigV4Signer.unsignedPayload : SigV4Signer.payloadHash(body)
        var toSign = headers
        toSign.append(("host", host))
        let signed = signer.signedHeaders(method: method, path: path, query: query, headers: toSign,
                                          payloadHash: payloadHash, date: Date())
        var request = HTTPClientRequest(url: endpoint.url(bucket: bucket, encodedPath: path, encodedQuery: S3Encoding.query(query)))
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in signed { request.headers.replaceOrAdd(name: name, value: value) }
        if !body.isEmpty || method == "PUT" || method == "POST" {
            request.body = .bytes(ByteBuffer(bytes: body))
            request.headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        }
        let response = try await execute(request)
        guard (200..<300).contains(response.status) else {
            let fields = S3XMLDocument.errorFields(response.body)
            throw S3Error.server(status: response.status, code: fields.code, message: fields.message)
        }
        return response
    }

    private func execute(_ request: HTTPClientRequest) async throws(S3Error) -> S3Response {
        do {
            let response = try await http.execute(request, timeout: timeout)
            var buffer = try await response.body.collect(upTo: maxBodyBytes)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            return S3Response(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) }, body: bytes)
        } catch {
            throw S3Error.transport(Self.describe(error, url: request.url))
        }
    }

    private func document(_ response: S3Response) throws(S3Error) -> S3XMLDocument {
        guard let document = S3XMLDocument(response.body) else {
            throw S3Error.unexpected("answer is not XML (HTTP \(response.status), \(response.body.count) bytes)")
        }
        return document
    }

    static func read(_ file: String) throws(S3Error) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw S3Error.invalidArgument("cannot read \(file)")
        }
        return Array(data)
    }

    /// A transport failure in words, without the query string (it may hold a presigned signature).
    static func describe(_ error: any Error, url: String) -> String {
        let target = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        let text = String(describing: error)
        let lowered = text.lowercased()
        if lowered.contains("connectionrefused") || lowered.contains("connection refused") || lowered.contains("econnrefused") {
            return "cannot connect to \(target): connection refused"
        }
        if lowered.contains("timeout") {
            return "no answer from \(target): timed out"
        }
        if lowered.contains("ssl") || lowered.contains("tls") || lowered.contains("handshake") {
            return "TLS failure talking to \(target): \(text)"
        }
        return "request to \(target) failed: \(text)"
    }
}
