import Foundation

/// Runs every S3 operation CloudStack uses ("Minimum Required Interfaces") against one bucket and cleans up after.
public struct S3Probe: Sendable {
    public struct Options: Sendable {
        /// An existing bucket to use (not created, not deleted); nil: a fresh bucket is created and removed.
        public var bucket: String?
        /// Objects larger than this go up as multipart uploads (TransferManager's 16 MiB by default).
        public var multipartThreshold: Int
        /// Part size of multipart uploads; S3 wants at least 5 MiB for every part but the last.
        public var partSize: Int
        /// Where the probe writes its temporary files.
        public var workDirectory: String

        public init(bucket: String? = nil, multipartThreshold: Int = 16 * 1024 * 1024, partSize: Int = 5 * 1024 * 1024,
                    workDirectory: String = NSTemporaryDirectory()) {
            self.bucket = bucket
            self.multipartThreshold = multipartThreshold
            self.partSize = partSize
            self.workDirectory = workDirectory
        }
    }

    public enum Operation {
        public static let createBucket = "create bucket"
        public static let listBuckets = "list buckets"
        public static let putFile = "put object (file)"
        public static let putStream = "put object (stream, metadata)"
        public static let getToFile = "get object (to file)"
        public static let getObject = "get object"
        public static let presignedURL = "presigned URL (GET)"
        public static let listObjects = "list objects (prefix)"
        public static let setACL = "set object ACL (canned)"
        public static let multipart = "multipart upload"
        public static let abortMultipart = "abort multipart upload"
        public static let deleteObject = "delete object"
        public static let deleteBucket = "delete bucket"
        public static let cleanup = "cleanup"
    }

    public let client: S3Client
    public let options: Options

    public init(client: S3Client, options: Options) {
        self.client = client
        self.options = options
    }

    /// A bucket name no one else has: lower-case, DNS-safe, under 63 characters.
    public static func freshBucketName() -> String {
        let random = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        return "cstui-s3check-\(Int(Date().timeIntervalSince1970))-\(random)"
    }

    public func run() async -> S3ProbeReport {
        var state = ProbeState(bucket: options.bucket ?? Self.freshBucketName(), ownsBucket: options.bucket == nil)
        await runOperations(&state)
        await cleanUp(&state)
        for file in state.tempFiles { try? FileManager.default.removeItem(atPath: file) }
        return S3ProbeReport(bucket: state.bucket, rows: state.rows)
    }

    // MARK: the operations, in CloudStack's order of use

    private func runOperations(_ state: inout ProbeState) async {
        let bucket = state.bucket
        let prefix = "cstui-s3check/"
        let fileKey = prefix + "template.txt"
        let streamKey = prefix + "stream.bin"
        let multipartKey = prefix + "multipart.bin"
        let fileBytes = Array("cstui s3check object from a file, bucket \(bucket)\n".utf8)
        let streamBytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let metadata = ["cloudstack-probe": "stream", "template-id": "42"]

        if state.ownsBucket {
            await record(&state, Operation.createBucket) {
                try await client.createBucket(bucket)
                $0.bucketExists = true
                return "created \(bucket)"
            }
        } else {
            state.rows.append(S3ProbeRow(operation: Operation.createBucket, outcome: .skip,
                                         detail: "using existing bucket \(bucket) (--bucket)"))
        }

        await record(&state, Operation.listBuckets) { state in
            let names = try await client.listBuckets()
            if names.contains(bucket) { return "\(names.count) bucket(s), \(bucket) among them" }
            // A bucket given with --bucket may belong to another account and rightly not be listed.
            guard !state.ownsBucket else {
                throw S3Error.unexpected("\(bucket) was created but is not among the \(names.count) bucket(s) listed")
            }
            return "\(names.count) bucket(s); \(bucket) not among them (owned by another account?)"
        }

        let sourceFile = (options.workDirectory as NSString).appendingPathComponent("cstui-s3check-\(UUID().uuidString).txt")
        state.tempFiles.append(sourceFile)
        await record(&state, Operation.putFile) {
            guard FileManager.default.createFile(atPath: sourceFile, contents: Data(fileBytes)) else {
                throw S3Error.invalidArgument("cannot write the temporary file \(sourceFile)")
            }
            $0.keys.insert(fileKey)
            try await client.putObject(bucket: bucket, key: fileKey, file: sourceFile)
            return "\(fileKey), \(fileBytes.count) bytes"
        }

        await record(&state, Operation.putStream) {
            $0.keys.insert(streamKey)
            try await client.putObject(bucket: bucket, key: streamKey, bytes: streamBytes, metadata: metadata)
            return "\(streamKey), \(streamBytes.count) bytes, \(metadata.count) x-amz-meta headers"
        }

        let downloadFile = (options.workDirectory as NSString).appendingPathComponent("cstui-s3check-\(UUID().uuidString).get")
        state.tempFiles.append(downloadFile)
        await record(&state, Operation.getToFile) { _ in
            try await client.getObject(bucket: bucket, key: fileKey, toFile: downloadFile)
            let saved = try S3Client.read(downloadFile)
            guard saved == fileBytes else {
                throw S3Error.unexpected("the saved file has \(saved.count) bytes, not the \(fileBytes.count) put")
            }
            return "\(fileKey) saved, content matches"
        }

        await record(&state, Operation.getObject) { _ in
            let response = try await client.getObject(bucket: bucket, key: streamKey)
            guard response.body == streamBytes else {
                throw S3Error.unexpected("got \(response.body.count) bytes that differ from the \(streamBytes.count) put")
            }
            let got = response.userMetadata
            let missing = metadata.filter { got[$0.key] != $0.value }.map(\.key).sorted()
            guard missing.isEmpty else {
                throw S3Error.unexpected("content matches but metadata \(missing.joined(separator: ", ")) did not come back")
            }
            return "content and metadata match"
        }

        await record(&state, Operation.presignedURL) { _ in
            let url = client.presignedGetURL(bucket: bucket, key: fileKey, expiresSeconds: 600)
            let response = try await client.plainGet(url)
            guard response.body == fileBytes else {
                throw S3Error.unexpected("the presigned GET returned \(response.body.count) bytes that differ from the object")
            }
            return "plain GET of the presigned URL returned the object"
        }

        await record(&state, Operation.listObjects) { _ in
            let keys = try await client.listObjects(bucket: bucket, prefix: prefix)
            let expected = [fileKey, streamKey].filter { !keys.contains($0) }
            guard expected.isEmpty else {
                throw S3Error.unexpected("prefix \(prefix) listed \(keys.count) key(s) without \(expected.joined(separator: ", "))")
            }
            let outside = keys.filter { !$0.hasPrefix(prefix) }
            guard outside.isEmpty else {
                throw S3Error.unexpected("prefix \(prefix) listed keys outside it: \(outside.prefix(3).joined(separator: ", "))")
            }
            return "prefix \(prefix): \(keys.count) key(s)"
        }

        await record(&state, Operation.setACL) { _ in
            try await client.putObjectACL(bucket: bucket, key: fileKey, acl: .publicRead)
            return "\(fileKey) x-amz-acl: public-read"
        }

        let multipartSize = max(options.multipartThreshold, options.partSize) + 1024
        await record(&state, Operation.multipart) {
            let bytes = (0..<multipartSize).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ 1) }
            $0.keys.insert(multipartKey)
            let parts = try await client.upload(bucket: bucket, key: multipartKey, bytes: bytes,
                                                threshold: options.multipartThreshold, partSize: options.partSize)
            let back = try await client.getObject(bucket: bucket, key: multipartKey)
            guard back.body == bytes else {
                throw S3Error.unexpected("the assembled object has \(back.body.count) bytes that differ from the \(bytes.count) sent")
            }
            return "\(bytes.count) bytes in \(parts) part(s), read back intact"
        }

        await record(&state, Operation.abortMultipart) {
            let key = prefix + "aborted.bin"
            let uploadId = try await client.initiateMultipartUpload(bucket: bucket, key: key)
            $0.uploads.append((key, uploadId))
            _ = try await client.uploadPart(bucket: bucket, key: key, uploadId: uploadId, partNumber: 1,
                                            bytes: Array(repeating: 0x61, count: 1024))
            try await client.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
            $0.uploads.removeAll { $0.uploadId == uploadId }
            return "initiated, one part, aborted"
        }

        await record(&state, Operation.deleteObject) {
            var deleted = 0
            for key in $0.keys.sorted() {
                try await client.deleteObject(bucket: bucket, key: key)
                $0.keys.remove(key)
                deleted += 1
            }
            let left = try await client.listObjects(bucket: bucket, prefix: prefix)
            guard left.isEmpty else {
                throw S3Error.unexpected("\(left.count) key(s) still listed after delete: \(left.prefix(3).joined(separator: ", "))")
            }
            return "\(deleted) object(s) deleted, none listed"
        }

        if state.ownsBucket {
            await record(&state, Operation.deleteBucket) {
                try await client.deleteBucket(bucket)
                $0.bucketExists = false
                return "deleted \(bucket)"
            }
        } else {
            state.rows.append(S3ProbeRow(operation: Operation.deleteBucket, outcome: .skip,
                                         detail: "bucket \(bucket) was given with --bucket; left in place"))
        }
    }

    /// Removes whatever a failed operation left behind: objects, open multipart uploads, the bucket it created.
    private func cleanUp(_ state: inout ProbeState) async {
        let bucket = state.bucket
        var problems: [String] = []
        var removed = 0
        for upload in state.uploads {
            do { try await client.abortMultipartUpload(bucket: bucket, key: upload.key, uploadId: upload.uploadId); removed += 1 }
            catch { problems.append("abort \(upload.key): \(error)") }
        }
        // A key is tracked before its PUT, so one the server never stored may answer NoSuchKey here.
        // A bucket the probe failed to create holds nothing to delete.
        let keys = state.ownsBucket && !state.bucketExists ? [] : state.keys.sorted()
        for key in keys {
            do { try await client.deleteObject(bucket: bucket, key: key); removed += 1 }
            catch where Self.isMissing(error) {}
            catch { problems.append("delete \(key): \(error)") }
        }
        if state.ownsBucket && state.bucketExists {
            do { try await client.deleteBucket(bucket); removed += 1 }
            catch { problems.append("delete bucket \(bucket): \(error)") }
        }
        if !problems.isEmpty {
            state.rows.append(S3ProbeRow(operation: Operation.cleanup, outcome: .fail,
                                         detail: problems.joined(separator: "; "), required: false))
        } else if removed > 0 {
            state.rows.append(S3ProbeRow(operation: Operation.cleanup, outcome: .pass,
                                         detail: "removed \(removed) leftover(s) of failed operations", required: false))
        }
    }

    private static func isMissing(_ error: S3Error) -> Bool {
        if case let .server(status, code, _) = error { return status == 404 || code == "NoSuchKey" }
        return false
    }

    /// Runs one operation and appends its row; the closure returns the detail of a pass.
    private func record(_ state: inout ProbeState, _ operation: String,
                        _ body: (inout ProbeState) async throws -> String) async {
        // Once the endpoint refused a connection, waiting out a connect timeout per operation tells nothing new.
        if let unreachable = state.unreachable {
            state.rows.append(S3ProbeRow(operation: operation, outcome: .fail, detail: "not attempted: \(unreachable)"))
            return
        }
        do {
            let detail = try await body(&state)
            state.rows.append(S3ProbeRow(operation: operation, outcome: .pass, detail: detail))
        } catch let error as S3Error {
            if case let .transport(text) = error, text.hasPrefix("cannot connect") { state.unreachable = text }
            state.rows.append(S3ProbeRow(operation: operation, outcome: .fail, detail: error.description))
        } catch {
            state.rows.append(S3ProbeRow(operation: operation, outcome: .fail, detail: String(describing: error)))
        }
    }
}

/// What the probe has created so far, so cleanup knows what to undo.
struct ProbeState {
    let bucket: String
    let ownsBucket: Bool
    var bucketExists = false
    var keys: Set<String> = []
    var uploads: [(key: String, uploadId: String)] = []
    var tempFiles: [String] = []
    var rows: [S3ProbeRow] = []
    /// Set when a connection was refused: the later operations are reported, not attempted.
    var unreachable: String?
}
