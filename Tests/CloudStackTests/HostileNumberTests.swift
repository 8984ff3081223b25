import Testing
@testable import CloudStack

private func answer(_ status: Int, _ body: String, headers: [(String, String)] = [("Content-Type", "application/json")]) -> HTTPAnswer {
    HTTPAnswer(status: status, headers: headers, body: Array(body.utf8))
}

/// Numbers a server may send that no Int64 holds. Each used to trap (SIGILL) in a conversion.
@Suite("Numbers from the server that do not fit")
struct HostileNumberTests {
    @Test("intValue is nil, never a trap, outside Int64", arguments: [
        "1e19", "1e300", "-1e300", "9223372036854775808", "-1e19", "-9223372036854777856", "99999999999999999999", "1e400",
        #""nan""#, #""NaN""#, #""inf""#, #""-infinity""#, #""1e300""#, #""99999999999999999999""#,
    ])
    func intValueOutOfRange(json: String) throws {
        let value = try JSONParser.parse(json)
        #expect(value.intValue == nil)
    }

    @Test("intValue keeps what fits", arguments: [
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min), ("-0", 0), ("1e3", 1000), ("2.9", 2),
        (#"" 42 ""#, 42), (#""1e3""#, 1000), ("-0.0", 0), ("9.2e18", 9_200_000_000_000_000_000),
    ])
    func intValueInRange(json: String, expected: Int64) throws {
        #expect(try JSONParser.parse(json).intValue == expected)
    }

    @Test("doubleValue is finite or nil", arguments: [#""nan""#, #""inf""#, "1e400", #""-Infinity""#, #""nan%""#])
    func doubleValueNotFinite(json: String) throws {
        #expect(try JSONParser.parse(json).doubleValue == nil)
    }

    @Test("text shows huge and odd numbers as they are")
    func text() throws {
        #expect(try JSONParser.parse("1e300").text == "1e+300")
        #expect(try JSONParser.parse("-0").text == "0")
        let big = try #require(try JSONParser.parse("123456789012345678901234").text)
        #expect(big.hasPrefix("1.234567890123456") && big.hasSuffix("e+23"), "\(big)")
        #expect(JSONValue.double(.nan).text == "nan")
        #expect(JSONValue.double(-.infinity).text == "-inf")
    }

    @Test("errorcode 1e19 is still an API error, with the HTTP status and the value as sent")
    func errorCodeOutOfRange() {
        let body = #"{"listzonesresponse":{"errorcode":1e19,"cserrorcode":"nan","errortext":"no zones"}}"#
        #expect(throws: CloudStackError.api(command: "listZones", httpStatus: 431, errorCode: 431, csErrorCode: nil,
                                            errorText: "no zones; the server's errorcode '1e+19' is not an error code")) {
            try CloudStackClient.decode(command: "listZones", answer: answer(431, body))
        }
    }

    @Test("an errorcode that is not even a number still makes the answer an error")
    func errorCodeNotANumber() {
        let body = #"{"listzonesresponse":{"errorcode":{"x":1},"errortext":["a","b"]}}"#
        #expect(throws: CloudStackError.api(command: "listZones", httpStatus: 200, errorCode: 200, csErrorCode: nil,
                                            errorText: #"["a","b"]; the server's errorcode '{"x":1}' is not an error code"#)) {
            try CloudStackClient.decode(command: "listZones", answer: answer(200, body))
        }
    }

    @Test("a list count no Java int holds is no count, so page arithmetic on it cannot overflow",
          arguments: ["1e300", "9223372036854775807", "2147483648", "-1", #""nan""#, #""99999999999999999999""#])
    func listCount(count: String) throws {
        let r = try CloudStackClient.decode(command: "listZones", answer: answer(200, #"{"listzonesresponse":{"count":\#(count),"zone":[{"id":"z"}]}}"#))
        #expect(r.list.count == nil)
        #expect(r.list.items.count == 1)
    }

    @Test("the largest count a server can send is kept")
    func largestCount() throws {
        let r = try CloudStackClient.decode(command: "listZones", answer: answer(200, #"{"listzonesresponse":{"count":2147483647,"zone":[{"id":"z"}]}}"#))
        #expect(r.list.count == 2_147_483_647)
    }

    @Test("a job with jobstatus 1e300 or 7 is not a job; the reason names the field")
    func jobStatus() throws {
        for status in ["1e300", "7", #""nan""#, "-9223372036854775809"] {
            let o = try #require(try JSONParser.parse(#"{"jobid":"j1","jobstatus":\#(status),"jobresultcode":1e19}"#).objectValue)
            #expect(AsyncJob(o) == nil)
            #expect(AsyncJob.problem(in: o).hasPrefix("jobstatus '"))
        }
        let ok = try #require(try JSONParser.parse(#"{"jobid":"j1","jobstatus":2,"jobresultcode":1e19,"jobresult":{"errortext":{"nested":true}}}"#).objectValue)
        let job = try #require(AsyncJob(ok))
        #expect(job.status == .failed)
        #expect(job.resultCode == nil)
        #expect(job.errorText == #"{"nested":true}"#)
    }

    @Test("a job timeout of 1e300 s or infinity is described without a trap")
    func jobTimedOutDescription() {
        #expect(CloudStackError.jobTimedOut(jobID: "j", command: "c", seconds: 1e300).description.contains("after 1e+300 s"))
        #expect(CloudStackError.jobTimedOut(jobID: "j", command: "c", seconds: .infinity).description.contains("after inf s"))
        #expect(CloudStackError.jobTimedOut(jobID: "j", command: "c", seconds: 1800).description.contains("after 1800 s"))
    }

    @Test("a 3xx answer is an error naming the Location without its user and password")
    func redirect() {
        let a = answer(307, "", headers: [("Location", "http://admin:hunter2@evil.example:8080/client/api?x=1")])
        let e = CloudStackClient.redirectError(command: "login", endpoint: "https://cloud.example.com/client/api", answer: a)
        let text = e?.description ?? ""
        #expect(text.contains("login: cannot reach cloud.example.com: the server answered HTTP 307, a redirect to http://evil.example:8080/client/api?x=1"))
        #expect(!text.contains("hunter2"))
        #expect(CloudStackClient.redirectError(command: "x", endpoint: "http://h/", answer: answer(302, "")).map { "\($0)" }?.contains("no Location header") == true)
        #expect(CloudStackClient.redirectError(command: "x", endpoint: "http://h/", answer: answer(200, "{}")) == nil)
    }
}
