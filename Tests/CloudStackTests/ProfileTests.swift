import Foundation
import Testing
@testable import CloudStack

/// A config file in a fresh temporary directory.
private func configFile(_ text: String, mode: Int = 0o600) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-profile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("config").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
}

private let cmkConfig = """
prompt = 🐵
asyncblock = true
timeout = 3600
output = json
verifycert = true
profile = prod

[local]
url = http://localhost:8080/client/api
username = admin
password = password
domain = /

[prod]
url = https://cloud.example.com/client/api
apikey = PRODKEY
secretkey = PRODSECRET
timeout = 900
verifycert = false
"""

@Suite("cloudmonkey profiles, environment and flags")
struct ProfileTests {
    @Test("the INI file: core keys before any section, one section per profile")
    func parseINI() throws {
        let ini = try INIFile.parse(cmkConfig, path: "config")
        #expect(ini.core["profile"] == "prod")
        #expect(ini.core["timeout"] == "3600")
        #expect(ini.sections.map(\.name) == ["local", "prod"])
        #expect(ini.section("local")?["username"] == "admin")
    }

    @Test("a broken line is reported with file and line number")
    func brokenLine() {
        #expect(throws: CloudStackError.configuration("cfg:3: expected 'key = value'")) {
            try INIFile.parse("profile = a\n[a]\nthis is not a setting\n", path: "cfg")
        }
    }

    @Test("profile from the file's `profile` key; its timeout and verifycert apply")
    func defaultProfile() throws {
        let path = try configFile(cmkConfig)
        let p = try ProfileResolver(configPath: path, environment: [:]).resolve()
        #expect(p.name == "prod")
        #expect(p.configuration.endpoint == "https://cloud.example.com/client/api")
        #expect(p.configuration.credentials == .apiKey(key: "PRODKEY", secret: "PRODSECRET"))
        #expect(p.configuration.jobTimeout == 900)
        #expect(p.configuration.verifyTLS == false)
    }

    @Test("--profile picks another; username/password makes a session login; TLS verification stays on by default")
    func chosenProfile() throws {
        let path = try configFile(cmkConfig.replacingOccurrences(of: "verifycert = true\n", with: ""))
        var o = ProfileOverrides()
        o.profile = "local"
        let p = try ProfileResolver(configPath: path, environment: [:]).resolve(o)
        #expect(p.configuration.credentials == .session(username: "admin", password: "password", domain: "/"))
        #expect(p.configuration.verifyTLS == true)
        #expect(p.configuration.jobTimeout == 3600)
    }

    @Test("environment overrides the file, flags override both")
    func precedence() throws {
        let path = try configFile(cmkConfig)
        let env = ["CLOUDSTACK_ENDPOINT": "https://env.example.com/client/api", "CLOUDSTACK_KEY": "ENVKEY", "CLOUDSTACK_SECRET": "ENVSECRET"]
        let fromEnv = try ProfileResolver(configPath: path, environment: env).resolve()
        #expect(fromEnv.configuration.endpoint == "https://env.example.com/client/api")
        #expect(fromEnv.configuration.credentials == .apiKey(key: "ENVKEY", secret: "ENVSECRET"))
        var o = ProfileOverrides()
        o.url = "http://flag.example.com/client/api"
        o.secretKey = "FLAGSECRET"
        o.verifyTLS = true
        let fromFlags = try ProfileResolver(configPath: path, environment: env).resolve(o)
        #expect(fromFlags.configuration.endpoint == "http://flag.example.com/client/api")
        #expect(fromFlags.configuration.credentials == .apiKey(key: "ENVKEY", secret: "FLAGSECRET"))
        #expect(fromFlags.configuration.verifyTLS == true)
    }

    @Test("no config file: the environment alone is enough")
    func environmentOnly() throws {
        let p = try ProfileResolver(configPath: "/nonexistent/cstui/config",
                                    environment: ["CLOUDSTACK_ENDPOINT": "http://127.0.0.1:8080/client/api", "CLOUDSTACK_KEY": "k", "CLOUDSTACK_SECRET": "s"]).resolve()
        #expect(p.configuration.credentials == .apiKey(key: "k", secret: "s"))
    }

    @Test("missing pieces give messages that say what to set")
    func missing() throws {
        let none = ProfileResolver(configPath: "/nonexistent/cstui/config", environment: [:])
        #expect(throws: CloudStackError.self) { try none.resolve() }
        do { _ = try none.resolve() } catch { #expect("\(error)".contains("CLOUDSTACK_ENDPOINT")) }
        let path = try configFile(cmkConfig)
        var o = ProfileOverrides()
        o.profile = "staging"
        do {
            _ = try ProfileResolver(configPath: path, environment: [:]).resolve(o)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("profile 'staging'"))
            #expect("\(error)".contains("local, prod"))
        }
        let keyOnly = try configFile("[x]\nurl = http://h/client/api\napikey = K\n")
        do {
            _ = try ProfileResolver(configPath: keyOnly, environment: [:]).resolve()
            Issue.record("expected an error")
        } catch { #expect("\(error)".contains("no secret key")) }
        let badBool = try configFile("[x]\nurl = http://h/client/api\napikey = K\nsecretkey = S\nverifycert = maybe\n")
        #expect(throws: CloudStackError.self) { try ProfileResolver(configPath: badBool, environment: [:]).resolve() }
    }

    @Test("a config file readable by group or others draws a warning; 600 does not")
    func permissions() throws {
        let open = try configFile(cmkConfig, mode: 0o644)
        let warning = try #require(ProfileResolver(configPath: open, environment: [:]).permissionWarning())
        #expect(warning.contains("chmod 600"))
        let closed = try configFile(cmkConfig, mode: 0o600)
        #expect(ProfileResolver(configPath: closed, environment: [:]).permissionWarning() == nil)
    }

    @Test("secrets never appear in descriptions")
    func redaction() {
        let c = Credentials.apiKey(key: "ABCDEFGHIJKLMNOP", secret: "TOPSECRETVALUE")
        #expect(!c.description.contains("TOPSECRETVALUE"))
        #expect(!c.description.contains("ABCDEFGHIJKLMNOP"))
        let s = Credentials.session(username: "admin", password: "hunter2", domain: "/")
        #expect(!s.description.contains("hunter2"))
        let logged = Redaction.describe([("name", "vm1"), ("password", "hunter2"), ("secretkey", "S3"), ("details[0].value", "x")])
        #expect(logged.contains("name=vm1"))
        #expect(!logged.contains("hunter2"))
        #expect(!logged.contains("S3"))
    }

    @Test("a CRLF config file parses as cmk parses it, line by line")
    func crlf() throws {
        let path = try configFile(cmkConfig.replacingOccurrences(of: "\n", with: "\r\n"))
        let p = try ProfileResolver(configPath: path, environment: [:]).resolve()
        #expect(p.name == "prod")
        #expect(p.configuration.credentials == .apiKey(key: "PRODKEY", secret: "PRODSECRET"))
        #expect(p.configuration.endpoint == "https://cloud.example.com/client/api")
        #expect(p.configuration.jobTimeout == 900)
    }

    @Test("a CRLF file naming a missing profile gives an error without the secret key in it")
    func crlfErrorHasNoSecret() throws {
        // `profile` first: read as one line, its value was the rest of the file, and the error quoted all of it.
        let text = ("profile = staging\n" + cmkConfig.replacingOccurrences(of: "profile = prod\n", with: "")).replacingOccurrences(of: "\n", with: "\r\n")
        let path = try configFile(text)
        do {
            _ = try ProfileResolver(configPath: path, environment: [:]).resolve()
            Issue.record("expected an error")
        } catch {
            let message = "\(error)"
            #expect(message.contains("profile 'staging' is not in"))
            #expect(!message.contains("PRODSECRET"))
            #expect(!message.contains("password"))
            #expect(!message.contains("\r") && !message.contains("\n"))
        }
    }

    @Test("a UTF-8 byte-order mark is skipped; UTF-16 with a BOM is read too")
    func byteOrderMark() throws {
        let bom = try configFile("\u{FEFF}" + cmkConfig)
        #expect(try ProfileResolver(configPath: bom, environment: [:]).resolve().name == "prod")
        #expect(try INIFile.parse("\u{FEFF}[a]\r\nurl = u\r\n", path: "c").section("a")?["url"] == "u")
        for littleEndian in [true, false] {
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in cmkConfig.replacingOccurrences(of: "\n", with: "\r\n").utf16 {
                bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let text = try #require(ProfileResolver.decodeText(bytes))
            #expect(try INIFile.parse(text, path: "c").section("prod")?["secretkey"] == "PRODSECRET")
        }
        #expect(ProfileResolver.decodeText([0x5B, 0xFF, 0x5D]) == nil)
    }

    @Test("no error message quotes a secret key or password, even when a value holds one")
    func quotedValuesAreMasked() throws {
        // A value that carries another key's secret (as a mis-read file once did) is shown masked.
        let path = try configFile("profile = PRODSECRET-x\nverifycert = hunter2pw\n[prod]\nurl = http://h/client/api\nsecretkey = PRODSECRET\n[local]\npassword = hunter2pw\n")
        do {
            _ = try ProfileResolver(configPath: path, environment: [:]).resolve()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("profile '****-x' is not in"), "\(error)")
        }
        let bool = try configFile("verifycert = hunter2pw\u{1B}[2J\n[prod]\nurl = http://h/client/api\napikey = K\nsecretkey = S3CR\n[local]\npassword = hunter2pw\n")
        do {
            _ = try ProfileResolver(configPath: bool, environment: [:]).resolve()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasSuffix("verifycert must be true or false, not '****\\e[2J'"), "\(error)")
        }
    }

    @Test("a timeout of inf or nan in the file is ignored, not a trap later")
    func nonFiniteTimeout() throws {
        for t in ["inf", "nan", "1e400"] {
            let path = try configFile("[x]\nurl = http://h/client/api\napikey = K\nsecretkey = S\ntimeout = \(t)\n")
            #expect(try ProfileResolver(configPath: path, environment: [:]).resolve().configuration.jobTimeout == 1800)
        }
    }
}
