import Foundation
import S3Check
import Testing

/// AWS's published S3 SigV4 examples (examplebucket, 20130524T000000Z).
@Suite struct SigV4SignerTests {
    let signer = SigV4Signer(credentials: S3Credentials(accessKey: "AKIAIOSFODNN7EXAMPLE",
                                                       secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                             region: "us-east-1")
    let date = Date(timeIntervalSince1970: 1_369_353_600) // 2013-05-24T00:00:00Z
    let host = "examplebucket.s3.amazonaws.com"

    @Test func getObjectHeaderSignature() {
        let path = S3Encoding.path("/test.txt")
        let (canonical, signed) = signer.canonicalRequest(
            method: "GET", path: path, query: [],
            headers: [("Host", host), ("Range", "bytes=0-9"),
                      ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", "20130524T000000Z")],
            payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(signed == "host;range;x-amz-content-sha256;x-amz-date")
        let sts = signer.stringToSign(canonicalRequest: canonical, date: date)
        #expect(sts == "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
        #expect(signer.signature(stringToSign: sts, date: date) == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")

        let headers = signer.signedHeaders(method: "GET", path: path, query: [], headers: [("Host", host), ("Range", "bytes=0-9")],
                                           payloadHash: SigV4Signer.emptyPayloadHash, date: date)
        let auth = headers.first { $0.0 == "Authorization" }?.1
        #expect(auth == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func putObjectWithPayloadHash() {
        let body = Array("Welcome to Amazon S3.".utf8)
        let hash = SigV4Signer.payloadHash(body)
        #expect(hash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let headers = signer.signedHeaders(
            method: "PUT", path: S3Encoding.path("/test$file.text"), query: [],
            headers: [("Host", host), ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            payloadHash: hash, date: date)
        let auth = headers.first { $0.0 == "Authorization" }?.1 ?? ""
        #expect(auth.hasSuffix("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"))
    }

    @Test func listObjectsQuerySignature() {
        let headers = signer.signedHeaders(method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
                                           headers: [("Host", host)], payloadHash: SigV4Signer.emptyPayloadHash, date: date)
        let auth = headers.first { $0.0 == "Authorization" }?.1 ?? ""
        #expect(auth.hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"))
    }

    @Test func presignedURL() {
        let query = signer.presignedQuery(method: "GET", host: host, path: "/test.txt", query: [], expires: 86400, date: date)
        #expect(query.first { $0.0 == "X-Amz-Signature" }?.1 == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(S3Encoding.query(query.filter { $0.0 != "X-Amz-Signature" }) + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404" == "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }

    @Test func clientPresignsVirtualHostedAndPathStyle() async {
        let creds = S3Credentials(accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        let virtual = S3Client(endpoint: S3Endpoint(scheme: "https", host: "s3.amazonaws.com", port: nil, pathStyle: false),
                               credentials: creds, region: "us-east-1")
        let url = virtual.presignedGetURL(bucket: "examplebucket", key: "test.txt", expiresSeconds: 86400, date: date)
        #expect(url.hasPrefix("https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm="))
        #expect(url == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(url.hasSuffix("X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"))
        await virtual.shutdown()

        let pathStyle = S3Endpoint(scheme: "http", host: "127.0.0.1", port: 9000, pathStyle: true)
        #expect(pathStyle.hostHeader(bucket: "b") == "127.0.0.1:9000")
        #expect(pathStyle.rawPath(bucket: "b", key: "dir/a b.txt") == "/b/dir/a b.txt")
        #expect(S3Encoding.path(pathStyle.rawPath(bucket: "b", key: "dir/a b.txt")) == "/b/dir/a%20b.txt")
        #expect(pathStyle.rawPath(bucket: nil, key: nil) == "/")
    }

    @Test func credentialsNeverDescribeTheSecret() {
        let creds = S3Credentials(accessKey: "AK", secretKey: "very-secret")
        #expect(!String(describing: creds).contains("very-secret"))
        #expect(!String(reflecting: creds).contains("very-secret"))
    }

    @Test func errorBodyIsParsed() {
        let body = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>x</BucketName></Error>
        """.utf8)
        let fields = S3XMLDocument.errorFields(body)
        #expect(fields.code == "NoSuchBucket")
        #expect(fields.message == "The specified bucket does not exist")
        #expect(S3Error.server(status: 404, code: fields.code, message: fields.message).description
            == "HTTP 404 NoSuchBucket: The specified bucket does not exist")
    }
}
