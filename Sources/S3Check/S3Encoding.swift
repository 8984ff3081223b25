/// The URI encoding SigV4 demands: every byte but A-Z a-z 0-9 - _ . ~ as %XX (upper-case hex).
public enum S3Encoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// Encodes one query key or value (a "/" is encoded too).
    public static func component(_ text: String) -> String {
        encode(text, keepSlash: false)
    }

    /// Encodes a path, keeping the "/" separators; S3 encodes each segment once.
    public static func path(_ text: String) -> String {
        let encoded = encode(text, keepSlash: true)
        return encoded.hasPrefix("/") ? encoded : "/" + encoded
    }

    /// The canonical query string: pairs encoded, then sorted by key and value.
    public static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { (component($0.0), component($0.1)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    private static func encode(_ text: String, keepSlash: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
