import Crypto
import Foundation

/// Computes CloudStack API-key signatures exactly as `ApiServer.verifyRequest` checks them.
///
/// Steps (cloudstack-api.md §1.1): every parameter but `signature`, names sorted by byte order and
/// left unencoded, values encoded with `JavaURLEncoder`, joined with `&`, the whole string
/// lowercased, HMAC-SHA1 keyed with the secret, standard padded Base64.
public enum RequestSigner {
    /// The string the server signs: sorted `name=encodedValue` pairs joined by `&`, before lowercasing.
    /// When a name repeats, only its first value counts, as the servlet's `String[]`[0].
    public static func canonicalQuery(_ parameters: [(String, String)]) -> String {
        var seen = Set<String>()
        var pairs: [(String, String)] = []
        for (name, value) in parameters where name.lowercased() != "signature" {
            if seen.insert(name).inserted { pairs.append((name, value)) }
        }
        // Java String.compareTo on ASCII names is byte order; compare UTF-16 code units to match it for all input.
        pairs.sort { $0.0.utf16.lexicographicallyPrecedes($1.0.utf16) }
        return pairs.map { "\($0.0)=\(JavaURLEncoder.encode($0.1))" }.joined(separator: "&")
    }

    /// The Base64 signature for `parameters` under `secretKey`.
    public static func signature(for parameters: [(String, String)], secretKey: String) -> String {
        let message = canonicalQuery(parameters).lowercased()
        let key = SymmetricKey(data: Data(secretKey.utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Data(message.utf8), using: key)
        return Data(mac).base64EncodedString()
    }

    /// Whether `provided` is the signature of `parameters`, compared in constant time.
    public static func verify(_ provided: String, parameters: [(String, String)], secretKey: String) -> Bool {
        let expected = Array(signature(for: parameters, secretKey: secretKey).utf8)
        let given = Array(provided.utf8)
        var diff = UInt8(expected.count == given.count ? 0 : 1)
        for i in 0..<max(expected.count, given.count) {
            let a = i < expected.count ? expected[i] : 0
            let b = i < given.count ? given[i] : 0
            diff |= a ^ b
        }
        return diff == 0
    }
}

/// The `expires` timestamp format of signatureVersion 3: `yyyy-MM-dd'T'HH:mm:ss+0000` in UTC.
public enum ExpiresFormat {
    public static func string(from date: Date) -> String {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+0000",
                      c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// Parses the formats `DateUtil.parseTZDateString` accepts that clients send: `…+HHMM`, `…+HH:MM`, `…Z`,
    /// optionally with milliseconds.
    public static func date(from text: String) -> Date? {
        let formats = ["yyyy-MM-dd'T'HH:mm:ssZ", "yyyy-MM-dd'T'HH:mm:ssXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSZ",
                       "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd'T'HH:mm:ss'Z'"]
        for f in formats {
            let df = DateFormatter()
            df.locale = Locale(identifier: "en_US_POSIX")
            df.timeZone = TimeZone(identifier: "UTC")
            df.dateFormat = f
            if let d = df.date(from: text) { return d }
        }
        return nil
    }
}
