import Foundation
import S3Check
import Testing

/// SigV4 signing with odd keys, paths, query strings and headers; the S3 XML error reader with mutated bodies.
@Suite("Fuzzing the S3 probe's parsers", .serialized)
struct S3FuzzTests {
    /// Characters that break naive encoders: reserved URL characters, controls, spaces, non-ASCII, astral scalars.
    static let pool: [Character] = Array("aZ09-._~/%+=&?# :@!$'()*,;[]\\\"<>\t\n\r\u{0}\u{1B}\u{7F}é東🐵\u{202E}\u{FEFF}")

    static func string(_ rng: inout SplitMix64, max: Int = 24) -> String {
        String((0..<rng.below(max + 1)).map { _ in rng.pick(pool) })
    }

    @Test("SigV4: canonical request, signed headers and presigned query never trap and never carry the secret")
    func sigV4() {
        let dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 1_738_324_800), Date(timeIntervalSince1970: -1e10),
                     Date(timeIntervalSince1970: 253_402_300_799), Date.distantPast, Date.distantFuture]
        FuzzBudget("sigv4", iterations: 4000, seed: 0x5EED_0004).run { rng, _ in
            // A long random secret cannot turn up in the output by chance.
            let secret = "SECRET" + Self.string(&rng, max: 30) + "\(rng.next())"
            let signer = SigV4Signer(credentials: S3Credentials(accessKey: Self.string(&rng), secretKey: secret),
                                     region: Self.string(&rng, max: 12), service: rng.chance(4) ? Self.string(&rng) : "s3")
            let path = rng.chance(2) ? S3Encoding.path(Self.string(&rng)) : Self.string(&rng)
            let query = (0..<rng.below(4)).map { _ in (Self.string(&rng), Self.string(&rng)) }
            var headers = (0..<rng.below(4)).map { _ in (Self.string(&rng, max: 10), Self.string(&rng)) }
            headers.append(("host", Self.string(&rng)))
            let date = rng.pick(dates)
            let method = rng.pick(["GET", "PUT", "delete", "", "P\u{1B}ST"])
            let signed = signer.signedHeaders(method: method, path: path, query: query, headers: headers,
                                              payloadHash: rng.chance(2) ? SigV4Signer.unsignedPayload : Self.string(&rng), date: date)
            let authorization = signed.first { $0.0 == "Authorization" }?.1 ?? ""
            #expect(!authorization.contains(secret))
            #expect(authorization.hasPrefix(SigV4Signer.algorithm))
            let presigned = signer.presignedQuery(method: method, host: Self.string(&rng), path: path, query: query,
                                                  expires: rng.pick([0, -1, 604_800, Int.max, Int.min]), date: date)
            #expect(presigned.allSatisfy { !$0.1.contains(secret) })
            #expect(presigned.last?.0 == "X-Amz-Signature")
            _ = S3Encoding.component(Self.string(&rng))
            _ = S3Encoding.query(query)
            if case .success(let endpoint) = S3Endpoint.parse(Self.string(&rng, max: 40), pathStyle: rng.chance(2)) {
                let bucket = Self.string(&rng, max: 8)
                _ = endpoint.hostHeader(bucket: bucket)
                _ = endpoint.url(bucket: bucket, encodedPath: endpoint.rawPath(bucket: bucket, key: Self.string(&rng)), encodedQuery: "")
            }
        }
    }

    @Test("S3 XML bodies: the reader and the error fields never trap")
    func s3XML() {
        let seeds = Corpus.s3Bodies.map { Array($0.utf8) }
        let mutator = Mutator(corpus: seeds)
        var read = 0
        FuzzBudget("s3 xml", iterations: 3000, seed: 0x5EED_0005).run { rng, _ in
            let bytes = mutator.mutate(rng.pick(seeds), &rng)
            FuzzBudget.record(bytes, target: "s3xml")
            if let document = S3XMLDocument(bytes) {
                read += 1
                _ = document.values("Contents/Key")
                _ = document.first("Error/Code")
            }
            let (code, message) = S3XMLDocument.errorFields(bytes)
            _ = S3Error.server(status: rng.pick([200, 403, 404, 500]), code: code, message: message).description
        }
        #expect(read > 0)
    }
}
