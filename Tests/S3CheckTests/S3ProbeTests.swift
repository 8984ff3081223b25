import Foundation
import S3Check
import TestSupport
import Testing

/// The probe against a real S3-compatible server (moto) and against nothing at all.
@Suite(.serialized) struct S3ProbeTests {
    private func client(_ endpoint: String, secret: String = "moto-secret-key") throws -> S3Client {
        let parsed = try S3Endpoint.parse(endpoint, pathStyle: true).get()
        return S3Client(endpoint: parsed, credentials: S3Credentials(accessKey: "cstui-test", secretKey: secret),
                        region: "us-east-1", timeoutSeconds: 20)
    }

    @Test func everyOperationPassesAgainstMoto() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let client = try client(moto.endpoint)
        let probe = S3Probe(client: client, options: .init(multipartThreshold: 5 * 1024 * 1024))
        let report = await probe.run()
        let table = report.table()
        let remaining = (try? await client.listBuckets()) ?? ["<listBuckets failed>"]
        await client.shutdown()

        let expected = [S3Probe.Operation.createBucket, S3Probe.Operation.listBuckets, S3Probe.Operation.putFile,
                        S3Probe.Operation.putStream, S3Probe.Operation.getToFile, S3Probe.Operation.getObject,
                        S3Probe.Operation.presignedURL, S3Probe.Operation.listObjects, S3Probe.Operation.setACL,
                        S3Probe.Operation.multipart, S3Probe.Operation.abortMultipart, S3Probe.Operation.deleteObject,
                        S3Probe.Operation.deleteBucket]
        #expect(report.rows.map(\.operation) == expected, "\(table)")
        for row in report.rows {
            #expect(row.outcome == .pass, "\(row.operation): \(row.detail)\n\(table)")
        }
        #expect(report.compatible, "\(table)")
        #expect(report.row(S3Probe.Operation.multipart)?.detail.contains("2 part(s)") == true, "\(table)")
        #expect(!remaining.contains(report.bucket), "the probe's bucket was left behind")
        #expect(!table.contains("moto-secret-key"))
    }

    @Test func givenBucketIsUsedAndKept() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let client = try client(moto.endpoint)
        try await client.createBucket("operator-bucket")
        let report = await S3Probe(client: client, options: .init(bucket: "operator-bucket", multipartThreshold: 1024)).run()
        let buckets = try await client.listBuckets()
        let left = try await client.listObjects(bucket: "operator-bucket", prefix: "")
        await client.shutdown()

        #expect(report.bucket == "operator-bucket")
        #expect(report.row(S3Probe.Operation.createBucket)?.outcome == .skip)
        #expect(report.row(S3Probe.Operation.deleteBucket)?.outcome == .skip)
        #expect(report.compatible, "\(report.table())")
        #expect(buckets.contains("operator-bucket"))
        #expect(left.isEmpty, "objects left behind: \(left)")
    }

    @Test func missingBucketFailsWithTheServersText() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let client = try client(moto.endpoint)
        let report = await S3Probe(client: client, options: .init(bucket: "no-such-bucket-here", multipartThreshold: 1024)).run()
        await client.shutdown()

        #expect(!report.compatible)
        let put = report.row(S3Probe.Operation.putFile)
        #expect(put?.outcome == .fail)
        #expect(put?.detail.contains("NoSuchBucket") == true, "\(report.table())")
    }

    @Test func aFailingOperationShowsTheServersTextAndStillCleansUp() async throws {
        let moto = try await MotoServer.start()
        defer { moto.stop() }
        let client = try client(moto.endpoint)
        // Parts under S3's 5 MiB minimum: the server refuses to complete the upload.
        let report = await S3Probe(client: client, options: .init(multipartThreshold: 2048, partSize: 1024)).run()
        let buckets = try await client.listBuckets()
        await client.shutdown()

        let multipart = report.row(S3Probe.Operation.multipart)
        #expect(multipart?.outcome == .fail)
        #expect(multipart?.detail.contains("EntityTooSmall") == true, "\(report.table())")
        #expect(!report.compatible)
        #expect(report.row(S3Probe.Operation.deleteBucket)?.outcome == .pass, "\(report.table())")
        #expect(!buckets.contains(report.bucket), "the probe's bucket was left behind")
    }

    @Test func nothingListeningGivesFailRowsNotACrash() async throws {
        let port = try MotoServer.freePort()
        let parsed = try S3Endpoint.parse("http://127.0.0.1:\(port)", pathStyle: true).get()
        let client = S3Client(endpoint: parsed, credentials: S3Credentials(accessKey: "k", secretKey: "s"),
                              region: "us-east-1", timeoutSeconds: 5, connectTimeoutSeconds: 2)
        let started = Date()
        let report = await S3Probe(client: client, options: .init(multipartThreshold: 1024)).run()
        await client.shutdown()

        #expect(!report.compatible)
        let create = report.row(S3Probe.Operation.createBucket)
        #expect(create?.outcome == .fail)
        #expect(create?.detail.contains("cannot connect to http://127.0.0.1:\(port)") == true, "\(report.table())")
        #expect(report.rows.filter { $0.outcome == .pass }.isEmpty, "\(report.table())")
        #expect(report.table().contains("FAIL"))
        #expect(report.row(S3Probe.Operation.listBuckets)?.detail.hasPrefix("not attempted: cannot connect") == true)
        #expect(Date().timeIntervalSince(started) < 30, "an unreachable endpoint must not cost a timeout per operation")
    }
}
