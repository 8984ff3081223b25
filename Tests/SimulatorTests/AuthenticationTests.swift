import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Authentication")
struct AuthenticationTests {
    @Test("a request signed with the right key pair is accepted")
    func acceptedSignature() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listZones")
            #expect(r.responseName == "listzonesresponse")
            #expect(r.list.itemKey == "zone")
            await api.close()
        }
    }

    @Test("a signature made with signatureVersion 2 (no expires) is accepted too")
    func acceptedWithoutExpires() async throws {
        try await withSimulator { server in
            let api = try admin(server) { $0.signatureVersion3 = false }
            _ = try await api.call("listCapabilities")
            await api.close()
        }
    }

    @Test("a wrong secret key gives 401 with the server's text")
    func wrongSecret() async throws {
        try await withSimulator { server in
            let api = try client(server, .apiKey(key: server.credentials.admin.apiKey, secret: "not-the-secret"))
            let e = await apiError { _ = try await api.call("listZones") }
            #expect(e?.status == 401)
            #expect(e?.code == 401)
            #expect(e?.cs == nil)
            #expect(e?.text == "unable to verify user credentials and/or request signature")
            await api.close()
        }
    }

    @Test("an unknown API key gives 401")
    func unknownKey() async throws {
        try await withSimulator { server in
            let api = try client(server, .apiKey(key: "nobody", secret: "nothing"))
            let e = await apiError { _ = try await api.call("listZones") }
            #expect(e?.status == 401)
            await api.close()
        }
    }

    @Test("an expired signatureVersion 3 request gives 401")
    func expired() async throws {
        try await withSimulator { server in
            let api = try admin(server) { $0.expiresAfter = -120 }
            let e = await apiError { _ = try await api.call("listZones") }
            #expect(e?.status == 401)
            #expect(e?.text == "unable to verify user credentials and/or request signature")
            await api.close()
        }
    }

    @Test("signatureVersion 3 without expires is refused")
    func version3WithoutExpires() async throws {
        try await withSimulator { server in
            let key = server.credentials.admin
            var params: [(String, String)] = [("command", "listZones"), ("response", "json"), ("apiKey", key.apiKey), ("signatureVersion", "3")]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: key.secretKey)))
            let a = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form(params))
            #expect(a.status == 401)
        }
    }

    @Test("a raw signed GET with characters the Java encoder escapes (~, *, space) verifies")
    func encoderCharacters() async throws {
        try await withSimulator { server in
            let key = server.credentials.admin
            var params: [(String, String)] = [("command", "listVirtualMachines"), ("response", "json"), ("keyword", "a~b*c d"), ("apiKey", key.apiKey)]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: key.secretKey)))
            let a = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form(params))
            #expect(a.status == 200)
            #expect(a.body.contains("listvirtualmachinesresponse"))
        }
    }

    @Test("the session flow: login by POST, cookies plus sessionkey, logout")
    func sessionFlow() async throws {
        try await withSimulator { server in
            let creds = server.credentials.admin
            let login = try RawHTTP.send(port: server.port, method: "POST", target: "/client/api",
                                         body: RawHTTP.form([("command", "login"), ("username", creds.username), ("password", creds.password),
                                                             ("domain", "/"), ("response", "json")]))
            #expect(login.status == 200)
            let cookies = login.header("Set-Cookie").map { $0.split(separator: ";")[0] }.joined(separator: "; ")
            #expect(cookies.contains("JSESSIONID="))
            #expect(cookies.contains("sessionkey="))
            let json = try JSONParser.parse(login.body)
            let content = try #require(json["loginresponse"]?.objectValue)
            let sessionKey = try #require(content["sessionkey"]?.text)
            #expect(content["type"] == .string("1"))
            #expect(content["username"]?.text == creds.username)
            #expect(content["userid"]?.text == creds.userID)
            #expect(content["timeout"]?.intValue != nil)

            let ok = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form([("command", "listZones"), ("response", "json"), ("sessionkey", sessionKey)]),
                                      headers: [("Cookie", cookies)])
            #expect(ok.status == 200)
            // The cookie alone is not enough (api.sessionkey.check.locations=CookieAndParameter)…
            let noParam = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?command=listZones&response=json", headers: [("Cookie", cookies)])
            #expect(noParam.status == 401)
            // …and that failure invalidated the session, as the servlet does.
            let again = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form([("command", "listZones"), ("response", "json"), ("sessionkey", sessionKey)]),
                                         headers: [("Cookie", cookies)])
            #expect(again.status == 401)
        }
    }

    @Test("logout ends the session and expires its cookies")
    func logout() async throws {
        try await withSimulator { server in
            let creds = server.credentials.user
            let login = try RawHTTP.send(port: server.port, method: "POST", target: "/client/api",
                                         body: RawHTTP.form([("command", "login"), ("username", creds.username), ("password", creds.password), ("response", "json")]))
            let cookies = login.header("Set-Cookie").map { $0.split(separator: ";")[0] }.joined(separator: "; ")
            let key = try #require(try JSONParser.parse(login.body)["loginresponse"]?["sessionkey"]?.text)
            let out = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form([("command", "logout"), ("response", "json"), ("sessionkey", key)]),
                                       headers: [("Cookie", cookies)])
            #expect(out.status == 200)
            #expect(out.body == #"{"logoutresponse":{"description":"success"}}"#)
            #expect(out.header("Set-Cookie").contains { $0.contains("Max-Age=0") })
            let after = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form([("command", "listZones"), ("response", "json"), ("sessionkey", key)]),
                                         headers: [("Cookie", cookies)])
            #expect(after.status == 401)
        }
    }

    @Test("login over GET is 405")
    func loginGet() async throws {
        try await withSimulator { server in
            let c = server.credentials.admin
            let a = try RawHTTP.send(port: server.port, method: "GET",
                                     target: "/client/api?" + RawHTTP.form([("command", "login"), ("username", c.username), ("password", c.password), ("response", "json")]))
            #expect(a.status == 405)
            #expect(a.body.contains("Please use HTTP POST to authenticate using this API"))
        }
    }

    @Test("a bad password is 531")
    func badPassword() async throws {
        try await withSimulator { server in
            let api = try client(server, .session(username: server.credentials.admin.username, password: "wrong", domain: "/"))
            let e = await apiError { _ = try await api.login() }
            #expect(e?.status == 531)
            #expect(e?.text.contains("please provide valid credentials") == true)
            await api.close()
        }
    }

    @Test("the project's client works in session mode end to end")
    func clientSession() async throws {
        try await withSimulator { server in
            let c = server.credentials.user
            let api = try client(server, .session(username: c.username, password: c.password, domain: c.domain))
            let r = try await api.call("listVirtualMachines")
            #expect(r.responseName == "listvirtualmachinesresponse")
            let session = await api.session
            #expect(session?["type"] == .string("0"))
            #expect(session?["account"]?.text == "demo")
            await api.close()
        }
    }

    @Test("the session expiry fault answers 401 once the session is older than the limit")
    func sessionExpiry() async throws {
        // 2 s: the first call must land inside the limit even on a loaded machine.
        try await withSimulator(faults: FaultOptions(sessionExpiry: 2.0)) { server in
            let c = server.credentials.admin
            let login = try RawHTTP.send(port: server.port, method: "POST", target: "/client/api",
                                         body: RawHTTP.form([("command", "login"), ("username", c.username), ("password", c.password), ("response", "json")]))
            let cookies = login.header("Set-Cookie").map { $0.split(separator: ";")[0] }.joined(separator: "; ")
            let key = try #require(try JSONParser.parse(login.body)["loginresponse"]?["sessionkey"]?.text)
            let target = "/client/api?" + RawHTTP.form([("command", "listZones"), ("response", "json"), ("sessionkey", key)])
            #expect(try RawHTTP.send(port: server.port, method: "GET", target: target, headers: [("Cookie", cookies)]).status == 200)
            try await Task.sleep(nanoseconds: 2_300_000_000)
            #expect(try RawHTTP.send(port: server.port, method: "GET", target: target, headers: [("Cookie", cookies)]).status == 401)
        }
    }

    @Test("a request without response=json gets a clear 4xx")
    func xmlRefused() async throws {
        try await withSimulator { server in
            let key = server.credentials.admin
            var params: [(String, String)] = [("command", "listZones"), ("apiKey", key.apiKey)]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: key.secretKey)))
            let a = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?" + RawHTTP.form(params))
            #expect((400..<500).contains(a.status))
            #expect(a.body.contains("response=json"))
            let xml = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?command=listZones&response=xml")
            #expect((400..<500).contains(xml.status))
        }
    }

    @Test("a POST signed over query and body parameters together verifies; a request without command is 401")
    func postMixedAndNoCommand() async throws {
        try await withSimulator { server in
            let key = server.credentials.admin
            var params: [(String, String)] = [("command", "listZones"), ("response", "json"), ("apiKey", key.apiKey), ("name", "zone-ams1")]
            params.append(("signature", RequestSigner.signature(for: params, secretKey: key.secretKey)))
            let a = try RawHTTP.send(port: server.port, method: "POST", target: "/client/api?" + RawHTTP.form(Array(params.prefix(2))),
                                     body: RawHTTP.form(Array(params.dropFirst(2))))
            #expect(a.status == 200)
            #expect(a.body.contains("\"zone\""))
            let none = try RawHTTP.send(port: server.port, method: "GET", target: "/client/api?response=json")
            #expect(none.status == 401)
        }
    }
}
