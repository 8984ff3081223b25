import Foundation
import Testing
@testable import CloudStack

/// Expected strings and signatures were computed by hand with an independent implementation
/// (Python's hmac/hashlib/base64 and a byte-wise encoder of Java URLEncoder's safe set), not by this code.
@Suite("API-key signing as the server verifies it")
struct SigningTests {
    @Test("Java URLEncoder's set: * kept, ~ encoded, space as %20, UTF-8 bytes upper-case")
    func encoderSet() {
        #expect(JavaURLEncoder.encode("a-b.c_d*e") == "a-b.c_d*e")
        #expect(JavaURLEncoder.encode("~") == "%7E")
        #expect(JavaURLEncoder.encode("a b") == "a%20b")
        #expect(JavaURLEncoder.encode("+&=/:@") == "%2B%26%3D%2F%3A%40")
        #expect(JavaURLEncoder.encode("ë日") == "%C3%AB%E6%97%A5")
        #expect(JavaURLEncoder.decodeForm("a%20b+c%7E") == "a b c~")
    }

    @Test("the classic listVirtualMachines example")
    func simpleVector() {
        let params = [("command", "listVirtualMachines"), ("response", "json"),
                      ("apiKey", "plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9GAbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0bewzGUdP66mg")]
        #expect(RequestSigner.canonicalQuery(params) ==
                "apiKey=plgWJfZK4gyS3mOMTVmjUVg-X-jlWlnfaUJ9GAbBbf9EdM-kAYMmAiLqzzq1ElZLYq_u38zCm0bewzGUdP66mg&command=listVirtualMachines&response=json")
        let secret = "VDaACYb0LV9eNjTetIOElcVQkvJck_J_QljX_FcHRj87ZKiy0z0ty0ZsYBkoXkY9b7eq1EhwJaw7FF3akA3KBQ"
        #expect(RequestSigner.signature(for: params, secretKey: secret) == "7Z28fDpQPtwPEFqQKDadGnt+8d0=")
    }

    @Test("reserved characters, spaces, details[0].key and signatureVersion 3")
    func reservedCharacters() {
        let params = [("command", "deployVirtualMachine"), ("response", "json"), ("apiKey", "KEY"),
                      ("displayname", "web server ~1 * + & = / : @"), ("details[0].key", "cpuNumber"), ("details[0].value", "2"),
                      ("signatureVersion", "3"), ("expires", "2026-11-26T10:30:00+0000")]
        #expect(RequestSigner.canonicalQuery(params) ==
                "apiKey=KEY&command=deployVirtualMachine&details[0].key=cpuNumber&details[0].value=2&displayname=web%20server%20%7E1%20*%20%2B%20%26%20%3D%20%2F%20%3A%20%40&expires=2026-11-26T10%3A30%3A00%2B0000&response=json&signatureVersion=3")
        #expect(RequestSigner.signature(for: params, secretKey: "s3cr3t") == "3lv9hwwvU4Q2sLXFRzAkc7z+Ddg=")
    }

    @Test("non-ASCII values and secret")
    func nonASCII() {
        let params = [("command", "createTags"), ("response", "json"), ("apiKey", "KEY"),
                      ("tags[0].key", "owner"), ("tags[0].value", "Zoë Ångström 日本")]
        #expect(RequestSigner.signature(for: params, secretKey: "secret-with-ünicode") == "7BmgxBYJ33SXERNsN1Cp8Ig1qVM=")
    }

    @Test("names sort by byte order (upper case first), before the string is lowercased")
    func byteOrder() {
        let params = [("command", "listUsers"), ("response", "json"), ("apiKey", "K"), ("Zeta", "1"), ("alpha", "2"), ("Alpha", "3"), ("_x", "4")]
        #expect(RequestSigner.canonicalQuery(params) == "Alpha=3&Zeta=1&_x=4&alpha=2&apiKey=K&command=listUsers&response=json")
        #expect(RequestSigner.signature(for: params, secretKey: "x") == "hbryB3ecwLEgae+C3LrkyNaqB4I=")
    }

    @Test("signature is excluded from what is signed; verify rejects a changed value or a wrong secret")
    func verification() {
        var params = [("command", "listZones"), ("response", "json"), ("apiKey", "K")]
        let sig = RequestSigner.signature(for: params, secretKey: "s")
        params.append(("signature", sig))
        #expect(RequestSigner.verify(sig, parameters: params, secretKey: "s"))
        #expect(!RequestSigner.verify(sig, parameters: params, secretKey: "t"))
        #expect(!RequestSigner.verify(sig, parameters: [("command", "listZones"), ("response", "json"), ("apiKey", "L")], secretKey: "s"))
        #expect(!RequestSigner.verify(String(sig.dropLast()), parameters: params, secretKey: "s"))
    }

    @Test("expires is UTC with +0000, and parses back in the forms the server accepts")
    func expires() {
        let date = Date(timeIntervalSince1970: 1_795_689_000) // 2026-11-26T10:30:00Z
        #expect(ExpiresFormat.string(from: date) == "2026-11-26T10:30:00+0000")
        #expect(ExpiresFormat.date(from: "2026-11-26T10:30:00+0000") == date)
        #expect(ExpiresFormat.date(from: "2026-11-26T11:30:00+01:00") == date)
        #expect(ExpiresFormat.date(from: "yesterday") == nil)
    }

    @Test("the client signs what it sends: command, response=json, apiKey, signatureVersion, expires")
    func clientSignsRequests() async throws {
        let config = ClientConfiguration(endpoint: "http://127.0.0.1:1/client/api", credentials: .apiKey(key: "K", secret: "S"))
        let client = try CloudStackClient(configuration: config)
        let now = Date(timeIntervalSince1970: 1_795_689_000)
        let params = await client.signedParameters("listVirtualMachines", [("state", "Running"), ("response", "xml")], now: now)
        let names = params.map(\.0)
        #expect(names == ["command", "state", "response", "apiKey", "signatureVersion", "expires", "signature"])
        #expect(params.first { $0.0 == "response" }?.1 == "json")
        #expect(params.first { $0.0 == "expires" }?.1 == "2026-11-26T10:35:00+0000")
        let sig = try #require(params.last?.1)
        #expect(RequestSigner.verify(sig, parameters: Array(params.dropLast()), secretKey: "S"))
        await client.close()
    }
}
