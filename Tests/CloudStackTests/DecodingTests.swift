import Testing
@testable import CloudStack

private func answer(_ status: Int, _ body: String, headers: [(String, String)] = [("Content-Type", "application/json")]) -> HTTPAnswer {
    HTTPAnswer(status: status, headers: headers, body: Array(body.utf8))
}

@Suite("Decoding what the server answers")
struct DecodingTests {
    @Test("the response key is taken from the body, never derived from the command", arguments: [
        ("addImageStoreS3", #"{"addImageStoreS3Response":{"imagestore":{"id":"s1","name":"s3"}}}"#, "addImageStoreS3Response"),
        ("enableStorageMaintenance", #"{"prepareprimarystorageformaintenanceresponse":{"jobid":"j1"}}"#, "prepareprimarystorageformaintenanceresponse"),
        ("listVirtualMachines", #"{"listvirtualmachinesresponse":{}}"#, "listvirtualmachinesresponse"),
    ])
    func responseKey(command: String, body: String, key: String) throws {
        let r = try CloudStackClient.decode(command: command, answer: answer(200, body))
        #expect(r.responseName == key)
    }

    @Test("list items under unusual keys, an optional count, and {} for an empty list")
    func lists() throws {
        let providers = try CloudStackClient.decode(command: "listStorageProviders", answer: answer(200,
            #"{"liststorageprovidersresponse":{"count":2,"dataStoreProvider":[{"name":"DefaultPrimary","type":"PRIMARY"},{"name":"NFS","type":"IMAGE"}]}}"#))
        #expect(providers.list.itemKey == "dataStoreProvider")
        #expect(providers.list.items.count == 2)
        #expect(providers.list.count == 2)
        let snaps = try CloudStackClient.decode(command: "listVMSnapshot", answer: answer(200,
            #"{"listvmsnapshotresponse":{"vmSnapshot":[{"id":"a"}]}}"#))
        #expect(snaps.list.itemKey == "vmSnapshot")
        #expect(snaps.list.count == nil)
        let empty = try CloudStackClient.decode(command: "listZones", answer: answer(200, #"{"listzonesresponse":{}}"#))
        #expect(empty.list.items.isEmpty)
        #expect(empty.list.itemKey == nil)
    }

    @Test("an error envelope keeps HTTP status, errorcode, cserrorcode and errortext")
    func apiError() {
        let body = #"{"listvirtualmachinesresponse":{"uuidList":[],"errorcode":431,"cserrorcode":4350,"errortext":"Unable to execute API command listvirtualmachines due to missing parameter pagesize"}}"#
        #expect(throws: CloudStackError.api(command: "listVirtualMachines", httpStatus: 431, errorCode: 431, csErrorCode: 4350,
                                            errorText: "Unable to execute API command listvirtualmachines due to missing parameter pagesize")) {
            try CloudStackClient.decode(command: "listVirtualMachines", answer: answer(431, body))
        }
    }

    @Test("an unknown command answers under errorresponse")
    func unknownCommand() {
        let body = #"{"errorresponse":{"uuidList":[],"errorcode":432,"cserrorcode":9999,"errortext":"The given command does not exist or it is not available for the user"}}"#
        do {
            _ = try CloudStackClient.decode(command: "listFoo", answer: answer(432, body))
            Issue.record("expected an error")
        } catch let e as CloudStackError {
            #expect(e.httpStatus == 432)
            #expect(e.description.contains("does not exist"))
            #expect(e.description.contains("HTTP 432"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test("an empty error body falls back to the X-Description header")
    func xDescription() {
        #expect(throws: CloudStackError.api(command: "login", httpStatus: 531, errorCode: 531, csErrorCode: nil,
                                            errorText: "Failed to authenticate user admin; please provide valid credentials")) {
            try CloudStackClient.decode(command: "login", answer: answer(531, "", headers: [("X-Description", "Failed to authenticate user admin; please provide valid credentials")]))
        }
    }

    @Test("an HTML proxy page names the status, the content type and the start of the page")
    func htmlPage() {
        let html = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
        do {
            _ = try CloudStackClient.decode(command: "listZones", answer: answer(502, html, headers: [("Content-Type", "text/html")]))
            Issue.record("expected an error")
        } catch let e as CloudStackError {
            let text = e.description
            #expect(text.contains("HTTP 502"))
            #expect(text.contains("text/html"))
            #expect(text.contains("<title>502 Bad Gateway</title>"))
            #expect(!text.contains("\n"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test("truncated JSON and an empty body are clear errors, not crashes")
    func truncatedAndEmpty() {
        do {
            _ = try CloudStackClient.decode(command: "listHosts", answer: answer(200, #"{"listhostsresponse":{"count":3,"host":[{"id":"h1","na"#))
            Issue.record("expected an error")
        } catch let e as CloudStackError {
            #expect(e.description.contains("malformed JSON"))
            #expect(e.description.contains("listhostsresponse"))
        } catch { Issue.record("wrong error \(error)") }
        do {
            _ = try CloudStackClient.decode(command: "listHosts", answer: answer(200, ""))
            Issue.record("expected an error")
        } catch let e as CloudStackError {
            #expect(e.description.contains("empty body"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test("JSON that is not an envelope is reported with its keys")
    func notEnvelope() {
        #expect(throws: CloudStackError.unexpectedResponse(command: "listZones", reason: "no key ending in 'response' (keys: zones)")) {
            try CloudStackClient.decode(command: "listZones", answer: answer(200, #"{"zones":[]}"#))
        }
    }

    @Test("a finished job's failure carries errortext and jobresultcode")
    func jobFailure() throws {
        let body = #"{"queryasyncjobresultresponse":{"jobid":"j9","jobstatus":2,"jobresultcode":530,"jobresulttype":"object","jobresult":{"errorcode":530,"errortext":"VM is not in Running state"},"jobinstancetype":"VirtualMachine","jobinstanceid":"vm1"}}"#
        let r = try CloudStackClient.decode(command: "queryAsyncJobResult", answer: answer(200, body))
        let job = try #require(AsyncJob(r.content))
        #expect(job.status == .failed)
        #expect(job.resultCode == 530)
        #expect(job.errorText == "VM is not in Running state")
        #expect(job.instanceType == "VirtualMachine")
        #expect(job.instanceID == "vm1")
    }
}

@Suite("The JSON parser")
struct JSONParserTests {
    @Test("objects keep key order; numbers, escapes and unicode decode")
    func values() throws {
        let v = try JSONParser.parse(#"{"b":1,"a":[true,false,null,-2.5e3,"\u00e9\n\"x\"","\ud83d\ude00"],"c":{}}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["b", "a", "c"])
        let a = try #require(o["a"]?.arrayValue)
        #expect(a[0] == .bool(true))
        #expect(a[2] == .null)
        #expect(a[3].doubleValue == -2500)
        #expect(a[4].text == "é\n\"x\"")
        #expect(a[5].text == "😀")
        #expect(JSONSerializer.string(v) == #"{"b":1,"a":[true,false,null,-2500,"é\n\"x\"","😀"],"c":{}}"#)
    }

    @Test("tolerant accessors read numbers sent as strings", arguments: [
        (JSONValue.string("42"), Int64(42)), (.int(42), 42), (.double(42.0), 42),
    ])
    func accessors(value: JSONValue, expected: Int64) {
        #expect(value.intValue == expected)
    }

    @Test("bad input is rejected with the byte offset", arguments: [
        #"{"a":1,}"#, #"[1,2"#, #"{"a" 1}"#, "nul", #""unterminated"#, #"{"a":1} x"#, "",
    ])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test("round trip through the serializer")
    func roundTrip() throws {
        let text = #"{"listzonesresponse":{"count":1,"zone":[{"id":"z1","name":"Zone 1 \"east\"","tags":[]}]}}"#
        let v = try JSONParser.parse(text)
        #expect(try JSONParser.parse(JSONSerializer.string(v)) == v)
        #expect(try JSONParser.parse(JSONSerializer.string(v, pretty: true)) == v)
    }
}
