import Crypto
import Foundation

/// AWS Signature Version 4 for S3: canonical request, string to sign, signing key, header and query signing.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    public let credentials: S3Credentials
    public let region: String
    public let service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// Lower-case hex SHA-256 of a payload (the x-amz-content-sha256 value).
    public static func payloadHash<D: DataProtocol>(_ data: D) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The canonical request and its signed-headers list. `path` is already URI-encoded.
    public func canonicalRequest(method: String, path: String, query: [(String, String)],
                                 headers: [(String, String)], payloadHash: String) -> (request: String, signedHeaders: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            merged[name.lowercased(), default: []].append(Self.trimmed(value))
        }
        let names = merged.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(merged[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let request = [method.uppercased(), path, S3Encoding.query(query), canonicalHeaders, signedHeaders, payloadHash]
            .joined(separator: "\n")
        return (request, signedHeaders)
    }

    public func scope(date: Date) -> String {
        "\(Self.dateStamp(date))/\(region)/\(service)/aws4_request"
    }

    public func stringToSign(canonicalRequest: String, date: Date) -> String {
        [Self.algorithm, Self.amzDate(date), scope(date: date), Self.payloadHash(Data(canonicalRequest.utf8))]
            .joined(separator: "\n")
    }

    public func signingKey(date: Date) -> SymmetricKey {
        func mac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key)))
        }
        let secret = SymmetricKey(data: Data(("AWS4" + credentials.secretKey).utf8))
        return mac(mac(mac(mac(secret, Self.dateStamp(date)), region), service), "aws4_request")
    }

    public func signature(stringToSign: String, date: Date) -> String {
        Self.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: signingKey(date: date)))
    }

    /// The headers to send: the given ones plus x-amz-date, x-amz-content-sha256 and Authorization.
    /// `headers` must include `host`.
    public func signedHeaders(method: String, path: String, query: [(String, String)], headers: [(String, String)],
                              payloadHash: String, date: Date) -> [(String, String)] {
        var all = headers.filter {
            let name = $0.0.lowercased()
            return name != "x-amz-date" && name != "x-amz-content-sha256" && name != "authorization"
        }
        all.append(("x-amz-content-sha256", payloadHash))
        all.append(("x-amz-date", Self.amzDate(date)))
        let (request, signed) = canonicalRequest(method: method, path: path, query: query, headers: all, payloadHash: payloadHash)
        let signature = signature(stringToSign: stringToSign(canonicalRequest: request, date: date), date: date)
        all.append(("Authorization",
                    "\(Self.algorithm) Credential=\(credentials.accessKey)/\(scope(date: date)),SignedHeaders=\(signed),Signature=\(signature)"))
        return all
    }

    /// The query of a presigned URL (only `host` is signed, the payload is UNSIGNED-PAYLOAD).
    public func presignedQuery(method: String, host: String, path: String, query: [(String, String)],
                               expires: Int, date: Date) -> [(String, String)] {
        var all = query
        all.append(("X-Amz-Algorithm", Self.algorithm))
        all.append(("X-Amz-Credential", "\(credentials.accessKey)/\(scope(date: date))"))
        all.append(("X-Amz-Date", Self.amzDate(date)))
        all.append(("X-Amz-Expires", String(expires)))
        all.append(("X-Amz-SignedHeaders", "host"))
        let (request, _) = canonicalRequest(method: method, path: path, query: all, headers: [("host", host)],
                                            payloadHash: Self.unsignedPayload)
        all.append(("X-Amz-Signature", signature(stringToSign: stringToSign(canonicalRequest: request, date: date), date: date)))
        return all
    }

    // MARK: formatting

    static func amzDate(_ date: Date) -> String {
        let c = utcComponents(date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static func dateStamp(_ date: Date) -> String {
        String(amzDate(date).prefix(8))
    }

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func trimmed(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
