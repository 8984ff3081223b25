import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The leaf elements of an S3 XML answer in document order, as (element path, text); enough for S3's flat answers.
public struct S3XMLDocument: Sendable {
    public let leaves: [(path: String, text: String)]

    /// Parses bytes; nil when they are not well-formed XML, or not UTF-8 without NUL (S3 answers always are).
    public init?(_ bytes: [UInt8]) {
        // FoundationXML traps on an element name that is not valid UTF-8 (it force-unwraps the name libxml2
        // hands it), so such bytes never reach it. A NUL cannot occur in XML at all.
        guard !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let collector = LeafCollector()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = collector
        guard parser.parse() else { return nil }
        leaves = collector.leaves
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

private final class LeafCollector: NSObject, XMLParserDelegate {
    var leaves: [(path: String, text: String)] = []
    private var stack: [String] = []
    private var text = ""
    private var hadChild: [Bool] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if !hadChild.isEmpty { hadChild[hadChild.count - 1] = true }
        stack.append(elementName)
        hadChild.append(false)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if let leaf = hadChild.popLast(), !leaf {
            leaves.append((stack.joined(separator: "/"), text))
        }
        _ = stack.popLast()
        text = ""
    }
}
