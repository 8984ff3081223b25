import ArgumentParser
import Foundation
import S3Check

/// `cstui s3check`: will this S3 store work as CloudStack secondary storage? Runs every operation CloudStack uses.
struct S3CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3check",
        abstract: "Probe an S3-compatible store for the operations CloudStack's S3 secondary storage uses.",
        discussion: """
        Creates a fresh bucket (or uses --bucket, which is neither created nor deleted), then runs create bucket, \
        list buckets, put object from a file and from a stream with metadata, get object to a file and to memory, \
        a presigned URL fetched with a plain GET, list objects with a prefix, a canned object ACL, a multipart upload \
        above --multipart-threshold, an aborted multipart upload, delete object and delete bucket. Everything it \
        created is removed even when an operation fails.
        The secret key may come from $S3_SECRET_KEY instead of --secret-key. Exit status: 0 all required operations \
        passed, 1 at least one failed, 2 bad arguments.
        """
    )

    @Option(help: "The S3 endpoint, e.g. https://s3.example.com or http://127.0.0.1:9000.")
    var endpoint: String

    @Option(help: "The S3 access key.")
    var accessKey: String

    @Option(help: "The S3 secret key (or set $S3_SECRET_KEY; never printed).")
    var secretKey: String?

    @Option(help: "Use this existing bucket instead of creating and deleting a fresh one.")
    var bucket: String?

    @Option(help: "The signing region.")
    var region: String = "us-east-1"

    @Flag(help: "Address buckets as endpoint/bucket/key instead of bucket.endpoint/key.")
    var pathStyle = false

    @Option(help: "Objects above this many bytes go up as multipart uploads.")
    var multipartThreshold: Int = 16 * 1024 * 1024

    @Option(help: "Seconds to wait for each request.")
    var timeout: Int = 60

    func run() async throws {
        guard let secret = secretKey ?? ProcessInfo.processInfo.environment["S3_SECRET_KEY"], !secret.isEmpty else {
            Terminal.warn("error: give the secret key with --secret-key or $S3_SECRET_KEY")
            throw ExitCode(2)
        }
        guard multipartThreshold > 0, timeout > 0 else {
            Terminal.warn("error: --multipart-threshold and --timeout must be positive")
            throw ExitCode(2)
        }
        let parsed: S3Endpoint
        switch S3Endpoint.parse(endpoint, pathStyle: pathStyle) {
        case let .success(value): parsed = value
        case let .failure(error):
            Terminal.warn("error: \(error)")
            throw ExitCode(2)
        }
        let client = S3Client(endpoint: parsed, credentials: S3Credentials(accessKey: accessKey, secretKey: secret),
                              region: region, timeoutSeconds: Int64(timeout))
        let probe = S3Probe(client: client, options: .init(bucket: bucket, multipartThreshold: multipartThreshold))
        Terminal.warn("probing \(parsed.scheme)://\(parsed.hostHeader(bucket: nil)) as \(accessKey) "
            + "(\(pathStyle ? "path-style" : "virtual-hosted-style"), region \(region))…")
        let report = await probe.run()
        await client.shutdown()
        Terminal.out("bucket: \(report.bucket)\n" + report.table())
        if !report.compatible { throw ExitCode(1) }
    }
}
