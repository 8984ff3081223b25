import Foundation
import S3Check
import Testing
@testable import CloudStack

/// Inputs the fuzzers found (or that broke cstui before them), kept as named cases so they stay fixed.
@Suite("Fuzz findings", .serialized)
struct FuzzRegressionTests {
    /// FoundationXML traps (SIGILL in _NSXMLParserStartElementNs) on an element name that is not valid UTF-8;
    /// found by "S3 XML bodies" with seed 0x5EED0005. S3XMLDocument now refuses such bytes before parsing.
    @Test("an S3 body with invalid UTF-8 in an element name is not XML, not a crash", arguments: [
        [0xE2] as [UInt8], [0xE2, 0x80], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80],
    ])
    func invalidUTF8ElementName(bad: [UInt8]) {
        let body = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><In".utf8) + bad + Array("r><Code>x</Code></In".utf8) + bad + Array("r></Error>".utf8)
        #expect(S3XMLDocument(body) == nil)
        let fields = S3XMLDocument.errorFields(body)
        #expect(fields.code == nil && fields.message == nil)
    }

    @Test("an S3 body with a NUL byte is not XML")
    func nulByte() {
        #expect(S3XMLDocument(Array("<Error><Code>A\u{0}B</Code></Error>".utf8)) == nil)
    }

    @Test("well-formed UTF-8 S3 bodies still read")
    func wellFormed() {
        let body = Array(#"<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>Schlüssel fehlt</Message></Error>"#.utf8)
        let fields = S3XMLDocument.errorFields(body)
        #expect(fields.code == "NoSuchKey")
        #expect(fields.message == "Schlüssel fehlt")
    }
}
