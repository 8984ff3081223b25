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

    /// FoundationXML dereferences NULL (SIGSEGV in strlen) on a processing instruction without data; found by
    /// "S3 XML bodies" in a 90 s run (`<?xml?>` spliced before a ListBucketResult). S3XMLDocument has its own reader now.
    @Test("a processing instruction without data is skipped, not a crash")
    func emptyProcessingInstruction() {
        for body in ["<?xml?><a/>", "<?abc?><a>x</a>"] {
            #expect(S3XMLDocument(Array(body.utf8))?.leaves.map(\.path) == ["a"])
        }
    }

    @Test("malformed bodies, DOCTYPEs and unknown entities are not XML to the S3 reader", arguments: [
        "<?xml?><ListBucketResut xmlns=\"http://s3.amazonaw version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult/>",
        "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a>&bogus;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a><b></a></b>", "<a/><b/>",
        "text<a/>", "<a", "<a b=\"1\"", "<a b=1/>", "<a><![CDATA[x]]", String(repeating: "<a>", count: 5000),
    ])
    func foundationXMLCrashes(body: String) {
        #expect(S3XMLDocument(Array(body.utf8)) == nil)
    }

    @Test("the S3 reader keeps leaves, entities, CDATA and qualified names")
    func readerSubset() throws {
        let body = #"<?xml version="1.0"?><!-- c --><R xmlns='x' a="1"><s3:Key>a &amp; b &#233;&#x6771;</s3:Key><E/><C><![CDATA[<raw>]]></C><P><Q>q</Q></P></R>"#
        let document = try #require(S3XMLDocument(Array(body.utf8)))
        #expect(document.leaves.map(\.path) == ["R/s3:Key", "R/E", "R/C", "R/P/Q"])
        #expect(document.leaves.map(\.text) == ["a & b é東", "", "<raw>", "q"])
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
