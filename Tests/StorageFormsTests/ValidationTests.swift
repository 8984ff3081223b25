import StorageForms
import Testing

@Suite struct ValidationTests {
    /// The message for `value` in a one-field catalog with this field JSON.
    func message(_ fieldJSON: String, _ value: String) throws -> String? {
        var c = catalog
        try c.addContributed(parseJSON(#"[{"kind": "image", "name": "T", "fields": [\#(fieldJSON)]}]"#), path: "p", plugin: "t")
        let key = c.fields(kind: .image, values: ["provider": "T"], providers: ["T"], context: FormContext()).last!.key
        return c.validate(kind: .image, values: ["provider": "T", "name": "n", "zone": "z", key: value], providers: ["T"],
                          context: FormContext())[key]
    }

    @Test func host() throws {
        let f = #"{"key": "h", "kind": "text", "format": "host", "to": "detail"}"#
        for good in ["nfs.example.com", "10.0.0.1", "10.0.0.1:2049", "[fe80::1]:2049", "fe80::1", "::1", "a-b.c", "host"] {
            #expect(try message(f, good) == nil, "\(good)")
        }
        for bad in ["nfs://x", "a b", "x/y", "-bad.com", "1.2.3.999", "host:0", "host:99999", "a..b"] {
            #expect(try message(f, bad) == "not a host name or IP address", "\(bad)")
        }
    }

    @Test func path() throws {
        let f = #"{"key": "p", "kind": "text", "format": "path", "to": "detail"}"#
        #expect(try message(f, "export") == nil)
        #expect(try message(f, "/export/a") == nil)
        #expect(try message(f, "/ex port") == "a path starts with / and has no spaces")
        #expect(try message(f, "/a//b") == "a path has no empty parts (//)")
        #expect(try message(f, "nfs://x/y") == "a path, not a URL")
    }

    @Test func urlAndHostOrURL() throws {
        let u = #"{"key": "u", "kind": "text", "format": "url", "to": "detail"}"#
        #expect(try message(u, "http://h/x") == nil)
        #expect(try message(u, "rbd://u:s@mon/pool") == nil)
        #expect(try message(u, "h/x") == "not a URL (scheme://host/…)")
        #expect(try message(u, "http:///x") == "not a URL (scheme://host/…)")
        let h = #"{"key": "u", "kind": "text", "format": "hostOrURL", "to": "detail"}"#
        #expect(try message(h, "nfs://h") == nil)
        #expect(try message(h, "h.example.com") == nil)
        #expect(try message(h, "h x") == "not a host name, IP address or URL")
    }

    @Test func bucketIQNName() throws {
        let b = #"{"key": "b", "kind": "text", "format": "bucket", "to": "detail"}"#
        #expect(try message(b, "my.bucket-1") == nil)
        for bad in ["ab", "Upper", "a_b", "-ab", "a..b", "192.168.1.1", String(repeating: "a", count: 64)] {
            #expect(try message(b, bad) == "bucket: 3–63 of a-z 0-9 . -", "\(bad)")
        }
        let i = #"{"key": "i", "kind": "text", "format": "iqn", "to": "detail"}"#
        #expect(try message(i, "eui.02004567A425678D") == nil)
        #expect(try message(i, "naa.1") == "an IQN starts with iqn. or eui.")
        let n = #"{"key": "n2", "kind": "text", "format": "name", "to": "detail"}"#
        #expect(try message(n, String(repeating: "x", count: 255)) == nil)
        #expect(try message(n, String(repeating: "x", count: 256)) == "a name has at most 255 characters")
    }

    @Test func numbers() throws {
        let r = #"{"key": "n", "kind": "number", "min": 1, "max": 100, "integer": true, "to": "detail"}"#
        #expect(try message(r, "50") == nil)
        #expect(try message(r, "0") == "must be between 1 and 100")
        #expect(try message(r, "101") == "must be between 1 and 100")
        #expect(try message(r, "2.5") == "must be a whole number")
        #expect(try message(r, "1,000") == "must be a whole number")
        let c = #"{"key": "n", "kind": "number", "min": 0, "transform": "commas", "to": "detail"}"#
        #expect(try message(c, "1,000.5") == nil)
        #expect(try message(c, "-1") == "must be at least 0")
        #expect(try message(c, "abc") == "must be a number")
        let mx = #"{"key": "n", "kind": "number", "max": 9, "to": "detail"}"#
        #expect(try message(mx, "10") == "must be at most 9")
    }

    @Test func requiredSelectAndBool() throws {
        #expect(try message(#"{"key": "r", "kind": "text", "required": true, "to": "detail"}"#, "  ") == "required")
        #expect(try message(#"{"key": "s", "kind": "select", "options": ["a", "b"], "to": "detail"}"#, "c") == "not one of the choices")
        #expect(try message(#"{"key": "t", "kind": "bool", "to": "detail"}"#, "yes") == "must be true or false")
    }

    @Test func messagesFitBesideAField() {
        let all = [
            "not a host name or IP address", "a path starts with / and has no spaces", "not a URL (scheme://host/…)",
            "not a host name, IP address or URL", "bucket: 3–63 of a-z 0-9 . -", "an IQN starts with iqn. or eui.",
            "a name has at most 255 characters", "not key=value: '1234567890123456789…'",
        ]
        for m in all { #expect(m.count <= 38, "\(m)") }
    }

    @Test func requestsThrowTheValidationMap() {
        #expect(throws: FormValidation(messages: ["name": "required", "server": "required", "path": "required"])) {
            try catalog.requests(kind: .primary, values: ["zone": "z", "pod": "p", "cluster": "c"], providers: primaryProviders,
                                 context: ctx("KVM"))
        }
    }

    @Test func longBadPairIsShortened() {
        let m = catalog.validate(kind: .image, values: ["provider": "Sample", "name": "x", "zone": "z", "url": "a://b",
            "details": "ok=1, thisIsAVeryLongBadPairWithoutEquals"], providers: imageProviders, context: FormContext())
        #expect(m == ["details": "not key=value: 'thisIsAVeryLongBadP…'"])
    }
}
