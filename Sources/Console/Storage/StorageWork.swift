import CloudStack
import Foundation
import PluginKit
import S3Check
import StorageForms

/// The add-storage dialogs' API work, run by the effect runner: options for selects, the submission, the S3 test.
enum StorageWork {
    /// Runs one of the dialogs' effects, posting what it found.
    /// `reader` reads and knows what listApis allows; `session` sends the submission the user pressed Add for.
    static func run(_ effect: StorageEffect, reader: APIHelper, session: any ConsoleSession, post: @escaping @Sendable (AppEvent) -> Void) async {
        switch effect {
        case let .loadOptions(dialog, req):
            do {
                let (options, hypervisors) = try await options(req, api: reader)
                post(.storage(.optionsLoaded(dialog: dialog, req, options, hypervisors: hypervisors)))
            } catch {
                post(.storage(.optionsFailed(dialog: dialog, req, EffectRunner.describe(error))))
            }
        case let .submit(dialog, requests, from):
            await submit(dialog: dialog, requests: requests, from: from, api: session, post: post)
        case let .testS3(dialog, input):
            let r = await testS3(input)
            post(.storage(.s3Tested(dialog: dialog, ok: r.ok, summary: r.summary, rows: r.rows)))
        }
    }

    /// Zones, pods of a zone, clusters of a pod (with their hypervisors), hosts of a cluster, providers, storage tags.
    static func options(_ req: OptionRequest, api: APIHelper) async throws -> ([FieldOption], [String: String]) {
        func items(_ command: String, _ params: [(String, String)]) async throws -> [JSONValue] {
            try await api.listAll(command, params)
        }
        func named(_ list: [JSONValue]) -> [FieldOption] {
            list.compactMap { item in
                guard let id = item["id"]?.text else { return nil }
                return FieldOption(value: id, label: item["name"]?.text ?? id)
            }
        }
        switch req.source {
        case .zones:
            return (named(try await items("listZones", [])), [:])
        case .pods:
            return (named(try await items("listPods", [("zoneid", req.parent ?? "")])), [:])
        case .clusters:
            let list = try await items("listClusters", [("podid", req.parent ?? "")])
            var hv: [String: String] = [:]
            for c in list { if let id = c["id"]?.text, let h = c["hypervisortype"]?.text { hv[id] = h } }
            let options = list.compactMap { c -> FieldOption? in
                guard let id = c["id"]?.text else { return nil }
                let h = c["hypervisortype"]?.text.map { " (\($0))" } ?? ""
                return FieldOption(value: id, label: (c["name"]?.text ?? id) + h)
            }
            return (options, hv)
        case .hosts:
            return (named(try await items("listHosts", [("clusterid", req.parent ?? ""), ("type", "Routing")])), [:])
        case .providers:
            let r = try await api.call("listStorageProviders", [("type", req.kind == .primary ? "primary" : "image")])
            let names = r.list.items.compactMap { $0["name"]?.text }
            return (names.map { FieldOption(value: $0, label: $0) }, [:])
        case .storageTags:
            guard api.isAllowed("listStorageTags") else { return ([], [:]) }
            var seen = Set<String>()
            let names = try await items("listStorageTags", []).compactMap { $0["name"]?.text }.filter { seen.insert($0).inserted }
            return (names.map { FieldOption(value: $0, label: $0) }, [:])
        }
    }

    /// Sends the requests from `from` on, in order, posting each step's success or the first failure.
    static func submit(dialog: Int, requests: [StorageRequest], from: Int, api: APIHelper, post: (AppEvent) -> Void) async {
        for (i, req) in requests.enumerated() where i >= from {
            do {
                let r = try await api.call(req.command, req.params)
                let item = r.content.members.first { $0.value.objectValue != nil }?.value
                post(.storage(.stepDone(dialog: dialog, step: i, total: requests.count, name: item?["name"]?.text)))
            } catch {
                post(.storage(.submitFailed(dialog: dialog, step: i, EffectRunner.describe(error))))
                return
            }
        }
    }

    /// The S3 compatibility probe with a small multipart object; path-style for IP or localhost endpoints, as
    /// S3-compatible stores there rarely have wildcard DNS.
    static func testS3(_ input: S3TestInput) async -> (ok: Bool, summary: String, rows: [String]) {
        let host = URLComponents(string: input.endpoint)?.host ?? ""
        let pathStyle = host == "localhost" || host.allSatisfy { $0.isNumber || $0 == "." || $0 == ":" } || input.bucket?.contains(".") == true
        let endpoint: S3Endpoint
        switch S3Endpoint.parse(input.endpoint, pathStyle: pathStyle) {
        case .success(let e): endpoint = e
        case .failure(let error): return (false, "S3 test: bad endpoint: \(error)", [])
        }
        let client = S3Client(endpoint: endpoint, credentials: S3Credentials(accessKey: input.accessKey, secretKey: input.secretKey),
                              region: "us-east-1", timeoutSeconds: 20)
        let probe = S3Probe(client: client, options: .init(bucket: input.bucket, multipartThreshold: 6 * 1024 * 1024))
        let report = await probe.run()
        await client.shutdown()
        return summarize(report.rows.map { ($0.outcome.rawValue, $0.operation, $0.detail) }, compatible: report.compatible,
                         bucket: input.bucket, endpoint: input.endpoint)
    }

    /// The test's table for the dialog: one short line per operation; a failure text shared by several operations
    /// is said once, and a missing bucket is named in the summary.
    static func summarize(_ rows: [(outcome: String, operation: String, detail: String)], compatible: Bool, bucket: String?,
                          endpoint: String) -> (ok: Bool, summary: String, rows: [String]) {
        let failures = rows.filter { $0.outcome == "FAIL" }
        let passed = rows.filter { $0.outcome == "PASS" }.count
        let details = Set(failures.map(\.detail))
        let shared = failures.count > 1 && details.count == 1 ? details.first : nil
        var lines = rows.map { r -> String in
            let head = r.outcome + " " + r.operation
            guard r.outcome == "FAIL", shared == nil else { return head }
            let short = r.detail.count > 70 ? String(r.detail.prefix(69)) + "…" : r.detail
            return head + ": " + short
        }
        if let shared { lines.append("Each failed with: " + shared) }
        if compatible { return (true, "S3 test passed: \(passed) of \(rows.count) operations work at \(endpoint)", lines) }
        if let bucket, failures.contains(where: { $0.detail.contains("NoSuchBucket") }) {
            return (false, "S3 test FAILED: bucket \(bucket) does not exist at \(endpoint); create it first", lines)
        }
        return (false, "S3 test FAILED: \(failures.map(\.operation).joined(separator: ", "))", lines)
    }
}

/// What the S3 test needs from the form.
struct S3TestInput: Sendable {
    var endpoint: String
    var accessKey: String
    var secretKey: String
    var bucket: String?
}
