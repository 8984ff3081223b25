import CloudStack
import Testing

@testable import StorageForms

@Suite struct TemplateAndEncodingTests {
    @Test func encodeURIComponentLikeJavaScript() {
        #expect(encodeURIComponent("AZaz09-_.!~*'()") == "AZaz09-_.!~*'()")
        #expect(encodeURIComponent("a b/c?d=e&f:g@h#i+j,k;l$") == "a%20b%2Fc%3Fd%3De%26f%3Ag%40h%23i%2Bj%2Ck%3Bl%24")
        #expect(encodeURIComponent("ü€") == "%C3%BC%E2%82%AC")
    }

    @Test func filters() throws {
        let t = try URLTemplate(parsing: "{a|slash}|{b|uri}|{c|urlsafe64}|{d|scheme:nfs}|{e|scheme:nfs}")
        #expect(t.keys == ["a", "b", "c", "d", "e"])
        #expect(t.render(["a": "x", "b": "p w", "c": "a+b/c+d/", "d": "h", "e": "smb://h"]) == "/x|p%20w|a-b_c-d_|nfs://h|smb://h")
        #expect(t.render(["a": "/x"]).hasPrefix("/x|"))
    }

    @Test func optionalGroup() throws {
        let t = try URLTemplate(parsing: "rbd://[{u}:{s}@]{m}")
        #expect(t.render(["u": "a", "s": "b", "m": "mon"]) == "rbd://a:b@mon")
        #expect(t.render(["u": "a", "m": "mon"]) == "rbd://mon")
    }

    @Test func templateErrors() {
        func problem(_ s: String) -> String {
            do { _ = try URLTemplate(parsing: s); return "no error" } catch { return error.problem }
        }
        #expect(problem("x://{a") == "unclosed '{' in URL template")
        #expect(problem("x://a}") == "'}' without '{' in URL template")
        #expect(problem("x://[[{a}]]") == "nested '[' in URL template")
        #expect(problem("x://[{a}") == "unclosed '[' in URL template")
        #expect(problem("x://{}") == "empty '{}' in URL template")
    }

    @Test func primaryIsPostedImageIsNot() throws {
        let p = try primaryRequests(["protocol": "nfs", "server": "n", "path": "/e"])
        #expect(p[0].method == "POST")
        let i = try imageRequests(["provider": "NFS", "zone": "z", "server": "n", "path": "/e"])
        #expect(i[0].method == "GET")
    }

    @Test func zoneScopeHypervOffersSMBOnly() {
        let values: [String: String] = ["scope": "zone", "hypervisor": "Hyperv"]
        #expect(catalog.protocols(values: values, context: ctx("KVM")) == ["SMB"])
        let f = catalog.fields(kind: .primary, values: values, providers: primaryProviders, context: ctx("KVM"))
        #expect(!f.contains { $0.key == "pod" || $0.key == "cluster" || $0.key == "host" })
    }

    @Test func unknownKeyInAFieldIsNamed() {
        var c = catalog
        #expect(throws: FormSpecError(path: "sp[0].fields[0].colour",
            problem: "unknown key 'colour' (key, label, kind, required, default, help, options, source, format, min, max, integer, to, name, showIf, transform)")) {
            try c.addContributed(parseJSON(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text", "colour": 1}]}]"#),
                                 path: "sp", plugin: "p")
        }
    }

    @Test func contributedShowIfAndSelectWithSource() throws {
        var c = catalog
        try c.addContributed(parseJSON(#"""
            {"kind": "image", "name": "B", "fields": [
              {"key": "mode", "kind": "select", "options": [{"value": "a", "label": "Mode A"}, "b"], "default": "a", "to": "detail"},
              {"key": "extra", "kind": "text", "required": true, "showIf": {"mode": ["b"]}, "to": "detail"},
              {"key": "tag", "kind": "select", "source": "storageTags", "to": "none"}]}
            """#), path: "sp", plugin: "p")
        let a = c.fields(kind: .image, values: ["provider": "B"], providers: ["B"], context: FormContext())
        #expect(keys(a) == ["provider", "name", "zone", "mode", "tag"])
        #expect(a[3].options == [FieldOption(value: "a", label: "Mode A"), FieldOption(value: "b", label: "b")])
        let b = c.fields(kind: .image, values: ["provider": "B", "mode": "b"], providers: ["B"], context: FormContext())
        #expect(keys(b) == ["provider", "name", "zone", "mode", "extra", "tag"])
        let r = try c.requests(kind: .image, values: ["provider": "B", "name": "n", "zone": "z", "mode": "b", "extra": "x", "tag": "t"],
                               providers: ["B"], context: FormContext())
        #expect(pairs(r[0]) == ["provider=B", "name=n", "zoneid=z", "details[0].key=mode", "details[0].value=b",
                                "details[1].key=extra", "details[1].value=x"])
    }
}
