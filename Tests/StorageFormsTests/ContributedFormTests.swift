import CloudStack
import Foundation
import StorageForms
import Testing

@Suite struct ContributedFormTests {
    static let storPool = #"""
    [{"kind": "primary", "name": "StorPool", "label": "StorPool", "help": "zone-wide KVM", "protocol": "custom",
      "fields": [
        {"key": "spHost", "label": "API host", "kind": "text", "required": true, "format": "host", "to": "url"},
        {"key": "token", "label": "Auth token", "kind": "secret", "required": true, "to": "url"},
        {"key": "template", "label": "Template", "kind": "text", "required": true, "to": "url"}],
      "url": "storpool://{token|uri}@{spHost}/{template}"},
     {"kind": "image", "name": "NFS", "fields": [
        {"key": "export", "label": "Export", "kind": "text", "required": true, "to": "url"}],
      "url": "nfs://{export}"}]
    """#

    @Test func addsAndReplaces() throws {
        var c = StorageFormCatalog.builtIn()
        try c.addContributed(parseJSON(Self.storPool), path: "storageProviders", plugin: "csStorPool")
        #expect(c.contributor(of: "StorPool", kind: .primary) == "csStorPool")
        #expect(c.contributor(of: "StorPool", kind: .image) == nil)
        #expect(c.contributor(of: "NFS", kind: .image) == "csStorPool")
        #expect(catalog.contributor(of: "NFS", kind: .image) == nil)
        let values = merged(clusterBase, ["provider": "StorPool", "spHost": "10.1.1.1:81", "token": "t/k", "template": "ssd"])
        let r = try c.requests(kind: .primary, values: values, providers: ["DefaultPrimary", "StorPool"], context: ctx("KVM"))
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=StorPool", "url=storpool://t%2Fk@10.1.1.1:81/ssd", "managed=false"])
        let f = c.fields(kind: .primary, values: values, providers: ["DefaultPrimary", "StorPool"], context: ctx("KVM"))
        #expect(keys(f) == ["scope", "zone", "pod", "cluster", "name", "provider", "tags", "spHost", "token", "template",
                            "managed", "capacitybytes", "capacityiops", "url"])
        let nfs = try c.requests(kind: .image, values: ["provider": "NFS", "name": "n", "zone": "z", "export": "h:/e"], providers: imageProviders,
                                 context: FormContext())
        #expect(pairs(nfs[0]) == ["provider=NFS", "name=n", "url=nfs://h:/e", "zoneid=z"])
    }

    @Test func typedURLOverridesForCustomFieldProviders() throws {
        var c = StorageFormCatalog.builtIn()
        try c.addContributed(parseJSON(Self.storPool), path: "storageProviders", plugin: "csStorPool")
        let values = merged(clusterBase, ["provider": "StorPool", "spHost": "h", "token": "t", "template": "x",
                                          "url": "SP_API_HTTP=h:81;SP_AUTH_TOKEN=t;SP_TEMPLATE=x"])
        let r = try c.requests(kind: .primary, values: values, providers: ["StorPool"], context: ctx("KVM"))
        #expect(r[0]["url"] == "SP_API_HTTP=h:81;SP_AUTH_TOKEN=t;SP_TEMPLATE=x")
    }

    func error(_ json: String) -> String {
        var c = StorageFormCatalog.builtIn()
        do {
            try c.addContributed(parseJSON(json), path: "storageProviders", plugin: "p")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func brokenShapesNameTheKeyPath() {
        let ok = #"{"kind": "image", "name": "A", "fields": [{"key": "u", "kind": "text", "to": "url"}], "url": "x://{u}"}"#
        #expect(error("[\(ok)]") == "no error")
        #expect(error(#"[\#(ok), {"kind": "image", "name": "B", "colour": "red"}]"#)
            == "storageProviders[1].colour: unknown key 'colour' (name, kind, label, help, protocol, fields, url, customFields, freeDetails, zone, optional, offeredWith, then)")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "strng"}]}]"#)
            == "storageProviders[0].fields[0].kind: unknown kind 'strng' (text, secret, number, bool, select)")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "select"}]}]"#)
            == "storageProviders[0].fields[0].kind: a select needs options or a source")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text", "to": "url"}], "url": "x://{host}/{a}"}]"#)
            == "storageProviders[0].url: the URL template names 'host', which no field has")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text"}, {"key": "a", "kind": "bool"}]}]"#)
            == "storageProviders[0].fields[1].key: duplicate field key 'a'")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "name", "kind": "text"}]}]"#)
            == "storageProviders[0].fields[0].key: duplicate field key 'name'")
        #expect(error(#"[{"name": "B"}]"#) == "storageProviders[0].kind: missing (primary or image)")
        #expect(error(#"[{"kind": "tape", "name": "B"}]"#) == "storageProviders[0].kind: unknown kind 'tape' (primary, image)")
        #expect(error(#"[{"kind": "image"}]"#) == "storageProviders[0].name: missing")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text", "to": "url"}], "url": "x://{a|rot13}"}]"#)
            == "storageProviders[0].url: unknown filter 'rot13' in URL template (slash, uri, urlsafe64, scheme:NAME)")
        #expect(error(#"[{"kind": "primary", "name": "B", "protocol": "floppy"}]"#).hasPrefix(
            "storageProviders[0].protocol: unknown protocol 'floppy' (nfs, SMB, PreSetup, datastorecluster, vmfs"))
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text", "to": "url"}]}]"#)
            == "storageProviders[0].fields[0].to: goes to the URL, but there is no 'url' template")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "text", "format": "ipv9"}]}]"#)
            == "storageProviders[0].fields[0].format: unknown format 'ipv9' (host, path, url, hostOrURL, bucket, iqn, name, date)")
        #expect(error(#"[{"kind": "image", "name": "B", "fields": [{"key": "a", "kind": "number", "to": "sideways"}]}]"#)
            == "storageProviders[0].fields[0].to: unknown target 'sideways' (url, param, detail, none)")
        #expect(error(#"{"kind": "image", "name": "B", "fields": "x"}"#) == "storageProviders.fields: expected an array")
        #expect(error(#""x""#) == "storageProviders: expected an array of provider forms")
    }

    @Test func brokenEntryAddsNothing() {
        var c = StorageFormCatalog.builtIn()
        let json = parseJSON(#"[{"kind": "image", "name": "Good"}, {"kind": "image", "name": "Bad", "x": 1}]"#)
        #expect(throws: FormSpecError.self) { try c.addContributed(json, path: "storageProviders", plugin: "p") }
        #expect(c.contributor(of: "Good", kind: .image) == nil)
    }

    @Test func catalogParseErrorsNameThePath() {
        func err(_ s: String) -> String {
            do { _ = try StorageFormCatalog.parse(parseJSON(s), path: "forms.json"); return "no error" } catch { return "\(error)" }
        }
        #expect(err(#"{"primary": {}}"#) == "forms.json.image: missing")
        #expect(err(#"{"primary": {"fields": []}, "image": {}}"#) == "forms.json.primary.fields: needs a 'scope' field")
    }

    @Test func builtInIsWellFormed() {
        let c = StorageFormCatalog.builtIn()
        #expect(c.contributor(of: "NFS", kind: .image) == nil)
        #expect(!c.fields(kind: .primary, values: [:], providers: [], context: FormContext()).isEmpty)
    }
}

@Suite struct ShippedSampleStoragePluginTests {
    @Test("plugins/sampleStorage contributes the Sample form: its URL and details[N].name=value as createStoragePool takes them")
    func sampleStorageRequest() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repo.appendingPathComponent("plugins/sampleStorage/config.json"), encoding: .utf8)
        let forms = try #require(parseJSON(text)["storageProviders"])
        var c = StorageFormCatalog.builtIn()
        try c.addContributed(forms, path: "storageProviders", plugin: "sampleStorage")
        let values = merged(clusterBase, ["provider": "Sample", "array": "array1.example.com", "volumeGroup": "vg0", "replicas": "2", "thin": "true"])
        let r = try c.requests(kind: .primary, values: values, providers: ["DefaultPrimary", "Sample"], context: ctx("KVM"))
        #expect(r.count == 1)
        #expect(r[0].command == "createStoragePool")
        #expect(r[0].method == "POST")
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=Sample", "url=sample://array1.example.com/vg0", "managed=false",
                                                         "details[0].replicas=2", "details[1].thin=true"])
        let bad = c.validate(kind: .primary, values: merged(values, ["replicas": "7"]), providers: ["Sample"], context: ctx("KVM"))
        #expect(bad == ["replicas": "must be between 1 and 3"])
    }
}
