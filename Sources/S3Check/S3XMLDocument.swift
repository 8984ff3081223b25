/// The leaf elements of an S3 XML answer in document order, as (element path, text); enough for S3's flat answers.
public struct S3XMLDocument: Sendable {
    public let leaves: [(path: String, text: String)]

    /// Parses bytes; nil when they are not well-formed XML (of the subset S3 answers with; see S3XMLReader).
    public init?(_ bytes: [UInt8]) {
        guard let leaves = S3XMLReader.leaves(of: bytes) else { return nil }
        self.leaves = leaves
    }

    /// Texts of every leaf whose path ends with `suffix` (e.g. "Contents/Key").
    public func values(_ suffix: String) -> [String] {
        leaves.filter { $0.path == suffix || $0.path.hasSuffix("/" + suffix) }.map(\.text)
    }

    public func first(_ suffix: String) -> String? {
        values(suffix).first
    }

    /// The Code and Message of an S3 `<Error>` body.
    public static func errorFields(_ bytes: [UInt8]) -> (code: String?, message: String?) {
        guard !bytes.isEmpty, let document = S3XMLDocument(bytes) else { return (nil, nil) }
        return (document.first("Error/Code") ?? document.first("Code"),
                document.first("Error/Message") ?? document.first("Message"))
    }
}
