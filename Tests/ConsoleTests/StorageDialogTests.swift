import CloudStack
import Foundation
import PluginKit
import Simulator
import StorageForms
import Testing
import TUI
@testable import Console
@testable import TestSupport

/// The add-storage dialogs through `Update`, their API work run against an in-process simulator.
@Suite("Add-storage dialogs")
struct StorageDialogTests {
    static func dialog(_ c: SimConsole) -> StorageDialog? {
        if case .storage(let d)? = c.s.overlay { return d }
        return nil
    }

    /// Puts the focus on a field, as Tab would.
    static func focus(_ c: SimConsole, _ key: String) throws {
        var d = try #require(dialog(c))
        let found = d.form.focus(on: key)
        #expect(found, "no field \(key) shown")
        c.s.overlay = .storage(d)
    }

    static func fill(_ c: SimConsole, _ key: String, _ text: String) throws {
        try focus(c, key)
        c.key(.ctrl("u"))
        c.type(text)
    }

    static func open(_ c: SimConsole, _ kind: StorageKind) async throws {
        try await c.open(kind == .primary ? "primary-storage" : "secondary-storage")
        c.key(.char("A"))
        try await c.settle { _ in (dialog(c)?.loading.isEmpty ?? false) && dialog(c)?.providers != nil }
    }

    static func names(_ c: SimConsole, _ view: String) -> [String] { c.s.lists[view]?.rows.compactMap { $0["name"] } ?? [] }

    @Test("Add primary storage: zone, pod and cluster cascade from the API, the protocols follow the cluster's hypervisor, a server refusal keeps the input, then the pool is added and listed")
    func addPrimary() async throws {
        try await SimConsole.with { c in
            try await Self.open(c, .primary)
            var d = try #require(Self.dialog(c))
            let zone = try #require(d.values["zone"]), cluster = try #require(d.values["cluster"])
            #expect(d.values["pod"] != nil)
            #expect(d.options.keys.contains { $0.hasPrefix("pods:\(zone)") })
            let hypervisor = try #require(d.clusterHypervisors[cluster])
            let protocolField = try #require(d.form.fields.first { $0.id == "protocol" })
            guard case .select(let shown, _) = protocolField.kind else { Issue.record("protocol is not a select"); return }
            #expect(shown == c.s.storageForms.protocols(values: d.values, context: d.context))
            if hypervisor == "KVM" { #expect(shown == ["nfs", "SharedMountPoint", "RBD", "CLVM", "Gluster", "Linstor", "custom"]) }

            // A name the zone already has: the server refuses, its text is over the form and nothing typed is lost.
            let zoneLabel = try #require(d.options[OptionRequest(source: .zones, parent: nil, kind: .primary).key]?.first { $0.value == zone }?.label)
            let zoneName = try #require(c.s.lists["primary-storage"]?.rows.first { $0["zonename"] == zoneLabel }?["name"])
            try Self.fill(c, "name", zoneName)
            try Self.fill(c, "server", "nfs.example.com")
            try Self.fill(c, "path", "export/new")
            c.key(.enter)
            try await c.settle { _ in Self.dialog(c)?.submitting == false && Self.dialog(c)?.message?.isError == true }
            d = try #require(Self.dialog(c))
            #expect(d.message?.text.contains("already exists") == true)
            #expect(d.values["server"] == "nfs.example.com")
            #expect(d.values["path"] == "export/new")
            #expect(Renderer.render(c.s).renderedText.contains("already exists"))

            try Self.fill(c, "name", "pool-from-dialog")
            c.key(.enter)
            try await c.settle { s in s.overlay == nil && (s.lists["primary-storage"]?.rows.contains { $0["name"] == "pool-from-dialog" } ?? false) }
            #expect(c.s.flash?.text == "Added primary storage pool-from-dialog")
            let pool = try #require(c.s.lists["primary-storage"]?.rows.first { $0["name"] == "pool-from-dialog" })
            #expect(pool["zonename"] == zoneLabel)
            let clusterLabel = try #require(d.options.values.joined().first { $0.value == cluster }?.label)
            #expect(clusterLabel.hasPrefix(try #require(pool["clustername"])))
            #expect(pool["type"] == "NetworkFilesystem")
        }
    }

    @Test("Add S3 secondary storage with an NFS staging store: both are created and listed; the secret never reaches the screen")
    func addS3WithStaging() async throws {
        try await SimConsole.with { c in
            try await Self.open(c, .image)
            try Self.focus(c, "provider")
            for _ in 0..<6 where Self.dialog(c)?.values["provider"] != "S3" { c.key(.right) }
            #expect(Self.dialog(c)?.values["provider"] == "S3")
            try Self.fill(c, "name", "s3-images")
            try Self.fill(c, "accesskey", "AKIAEXAMPLE")
            try Self.fill(c, "secretkey", "wJalrXUtnFEMI-secret")
            try Self.fill(c, "bucket", "cloud-images")
            try Self.fill(c, "endpoint", "s3.example.com:9000")
            try Self.focus(c, "staging")
            c.key(.char(" "))
            // The staging fields appear only now, and are required.
            c.key(.enter)
            let d = try #require(Self.dialog(c))
            #expect(d.errors["stagingServer"] == "required")
            #expect(d.errors["stagingPath"] == "required")
            #expect(!Renderer.render(c.s).renderedText.contains("wJalrXUtnFEMI-secret"))
            try Self.fill(c, "stagingServer", "nfs-staging.example.com")
            try Self.fill(c, "stagingPath", "/export/staging")
            c.key(.enter)
            try await c.settle { s in
                s.overlay == nil && Self.names(c, "secondary-storage").contains("s3-images")
                    && (s.lists["secondary-storage"]?.rows.contains { $0["role"] == "Staging" && ($0["url"] ?? "").contains("nfs-staging.example.com") } ?? false)
            }
            let s3 = try #require(c.s.lists["secondary-storage"]?.rows.first { $0["name"] == "s3-images" })
            #expect(s3["providername"] == "S3")
        }
    }

    @Test("a provider the server lists but no form describes gets the generic form; a plugin's form replaces it")
    func genericAndContributedForms() async throws {
        try await SimConsole.with { c in
            try await Self.open(c, .primary)
            try Self.focus(c, "provider")
            for _ in 0..<8 where Self.dialog(c)?.values["provider"] != "Sample" { c.key(.right) }
            var d = try #require(Self.dialog(c))
            #expect(d.values["provider"] == "Sample")
            #expect(d.form.fields.contains { $0.id == "url" && $0.isRequired })
            #expect(d.form.fields.contains { $0.id == "details" })
            #expect(!d.form.fields.contains { $0.id == "array" })
            c.key(.escape)
            #expect(Self.dialog(c) == nil, "nothing typed: Esc closes without asking")

            let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let (loaded, error) = PluginLoader.load(directory: repo.appendingPathComponent("plugins").path, swiftPlugins: [:])
            #expect(error == nil)
            PluginIntegration.apply(loaded, listError: nil, &c.s)
            #expect(c.s.storageForms.contributor(of: "Sample", kind: .primary) == "sampleStorage")
            c.key(.char("A"))
            try await c.settle { _ in (Self.dialog(c)?.loading.isEmpty ?? false) && Self.dialog(c)?.providers != nil }
            try Self.focus(c, "provider")
            for _ in 0..<8 where Self.dialog(c)?.values["provider"] != "Sample" { c.key(.right) }
            d = try #require(Self.dialog(c))
            #expect(d.form.fields.map(\.id).contains("array"))
            #expect(d.form.fields.first { $0.id == "replicas" }?.value == "2")
            #expect(d.form.focusedField?.help?.contains("form from plugin sampleStorage") == true)
            try Self.fill(c, "name", "sample-pool")
            try Self.fill(c, "array", "array1.example.com")
            try Self.fill(c, "volumeGroup", "vg0")
            c.key(.enter)
            try await c.settle { s in s.overlay == nil && Self.names(c, "primary-storage").contains("sample-pool") }
            let pool = try #require(c.s.lists["primary-storage"]?.rows.first { $0["name"] == "sample-pool" })
            #expect(pool["provider"] == "Sample")
        }
    }

    @Test("finished effects leave the runner: after a dialog's loads and a list's pages nothing is held")
    func finishedEffectsAreReleased() async throws {
        try await SimConsole.with { c in
            try await Self.open(c, .primary)
            try await c.settle { _ in c.runner.runningCount == 0 }
            #expect(c.runner.runningCount == 0)
        }
    }

    @Test("a storage plugin whose form is broken fails alone, naming file and key path; the built-in forms stay")
    func brokenStoragePlugin() throws {
        let dir = try PluginLoaderTests.folder([
            "plugins.json": #"["vendorA", "vendorB"]"#,
            "vendorA/config.json": #"{"title": "A", "desc": "d", "storageProviders": [{"kind": "primary", "name": "ArrayA", "fields": [{"key": "mvip", "label": "MVIP", "kind": "text", "to": "url"}], "url": "arraya://{mvip}/{pool}"}]}"#,
            "vendorB/config.json": #"{"title": "B", "desc": "d", "storageProviders": [{"kind": "image", "name": "ObjB", "fields": [{"key": "endpoint", "label": "Endpoint", "kind": "text", "required": true, "format": "url", "to": "url"}], "url": "{endpoint}"}]}"#,
        ])
        let (loaded, error) = PluginLoader.load(directory: dir, swiftPlugins: [:])
        #expect(error == nil)
        guard case .failed(let why) = loaded[0].status else { Issue.record("vendorA must fail"); return }
        #expect(why.contains("vendorA/config.json"))
        #expect(why.contains("storageProviders[0].url"))
        #expect(why.contains("'pool'"))
        #expect(loaded[1].isLoaded)
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        PluginIntegration.apply(loaded, listError: nil, &s)
        #expect(s.storageForms.contributor(of: "ObjB", kind: .image) == "vendorB")
        #expect(s.storageForms.contributor(of: "ArrayA", kind: .primary) == nil)
        #expect(s.storageForms.protocols(values: ["scope": "cluster"], context: FormContext(clusterHypervisor: "Hyperv")) == ["SMB"])
    }

    @Test("Esc with typed input asks first; n keeps editing with the input, y discards and nothing is sent")
    func escapeAsks() async throws {
        try await SimConsole.with { c in
            try await Self.open(c, .image)
            try Self.fill(c, "server", "nfs9.example.com")
            c.key(.escape)
            #expect(Self.dialog(c)?.discard != nil)
            #expect(Renderer.render(c.s).renderedText.contains("Discard input?"))
            c.key(.char("n"))
            #expect(Self.dialog(c)?.discard == nil)
            #expect(Self.dialog(c)?.values["server"] == "nfs9.example.com")
            c.key(.escape)
            c.key(.char("y"))
            #expect(c.s.overlay == nil)
            #expect(c.s.flash?.text.contains("nothing was sent") == true)
        }
    }

    @Test("a server message quoting the RBD URL shows the secret masked, in every spelling the URL may carry it")
    func serverTextMasksSecrets() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        var d = StorageDialog(id: 3, kind: .primary, availableAPIs: [])
        d.options[OptionRequest(source: .providers, parent: nil, kind: .primary).key] = [FieldOption(value: "DefaultPrimary", label: "DefaultPrimary")]
        d.values = ["scope": "zone", "hypervisor": "KVM", "protocol": "RBD", "radossecret": "AQB+x/y9==", "radosuser": "admin"]
        _ = d.rebuild(s.storageForms)
        #expect(d.specs.contains { $0.key == "radossecret" && $0.kind == .secret })
        s.overlay = .storage(d)
        _ = Update.apply(.storage(.submitFailed(dialog: 3, step: 0,
            "Invalid parameter url value=rbd://admin:AQB-x_y9==@mon1/rbd (also AQB%2Bx%2Fy9%3D%3D and AQB+x/y9==)")), to: &s)
        guard case .storage(let after)? = s.overlay else { Issue.record("the dialog stays open"); return }
        let text = try #require(after.message?.text)
        #expect(!text.contains("AQB"))
        #expect(text.contains("rbd://admin:••••@mon1/rbd"))
        #expect(!Renderer.render(s).renderedText.contains("x_y9"))
    }

    @Test("read-only mode, or an account listApis does not give createStoragePool: A explains instead of opening the dialog")
    func refusedWhenNotAllowed() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api(), readOnly: true)
        _ = Update.open("primary-storage", &s)
        let effects = Update.apply(.input(.key(.char("A"))), to: &s)
        #expect(s.overlay == nil)
        #expect(effects.isEmpty)
        #expect(s.flash?.text == "Read-only mode: adding storage is not allowed")
        var user = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        user.apis = ["listImageStores", "listSecondaryStagingStores"].map { APIInfo(name: $0, isAsync: false, responseFields: []) }
        _ = Update.open("secondary-storage", &user)
        _ = Update.apply(.input(.key(.char("A"))), to: &user)
        #expect(user.overlay == nil)
        #expect(user.flash?.text == "addImageStore is not an API this account may call (listApis)")
        user.flash = nil
        #expect(!Renderer.render(user).text(at: 23).contains("add storage"))
        var admin = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        _ = Update.open("secondary-storage", &admin)
        #expect(Renderer.render(admin).text(at: 23).contains("A add storage"))
    }

    @Test("a submission whose second request failed retries only that request")
    func retryOnlyTheFailedStep() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        var d = StorageDialog(id: 7, kind: .image, availableAPIs: [])
        d.options[OptionRequest(source: .providers, parent: nil, kind: .image).key] = [FieldOption(value: "NFS", label: "NFS"), FieldOption(value: "S3", label: "S3")]
        d.options[OptionRequest(source: .zones, parent: nil, kind: .image).key] = [FieldOption(value: "z1", label: "zone-1")]
        d.values = ["provider": "S3", "name": "s3", "accesskey": "A", "secretkey": "S", "bucket": "b-bucket", "staging": "true",
                    "stagingServer": "nfs1", "stagingPath": "/st"]
        _ = d.rebuild(s.storageForms)
        s.overlay = .storage(d)
        let first = Update.apply(.input(.key(.enter)), to: &s)
        guard case .storage(.submit(7, let requests, 0))? = first.first else { Issue.record("expected the submission, got \(first)"); return }
        #expect(requests.map(\.command) == ["addImageStore", "createSecondaryStagingStore"])
        _ = Update.apply(.storage(.stepDone(dialog: 7, step: 0, total: 2, name: "s3")), to: &s)
        _ = Update.apply(.storage(.submitFailed(dialog: 7, step: 1, "staging refused")), to: &s)
        guard case .storage(let after)? = s.overlay else { Issue.record("the dialog must stay open"); return }
        #expect(after.message?.text.contains("The store was added") == true)
        let retry = Update.apply(.input(.key(.enter)), to: &s)
        guard case .storage(.submit(7, _, 1))? = retry.first else { Issue.record("expected a retry from step 1, got \(retry)"); return }
    }
}

@Suite("Action input forms")
struct ActionFormTests {
    @Test("an action's form has the action and Cancel as buttons; Cancel closes it, Esc after typing asks first and keeps the input")
    func cancelAndDiscard() throws {
        var s = ConsoleFixtures.state(api: try ConsoleFixtures.api())
        ConsoleFixtures.load([ConsoleUpdateTests.vm(1, "web-1", "Running")], into: &s)
        _ = ConsoleFixtures.key(.char("P"), &s)
        guard case .form(let f)? = s.overlay else { Issue.record("expected the snapshot form"); return }
        #expect(f.form.buttons == ["Take VM snapshot", "Cancel"])
        #expect(Renderer.render(s).renderedText.contains("[ Cancel ]"))
        // Cancel (Shift-Tab from the first field lands on it) closes without asking: nothing was typed.
        _ = ConsoleFixtures.key(.backTab, &s)
        _ = ConsoleFixtures.key(.enter, &s)
        #expect(s.overlay == nil)
        #expect(s.jobs.jobs.isEmpty)
        _ = ConsoleFixtures.key(.char("P"), &s)
        for c in "pre-patch" { _ = ConsoleFixtures.key(.char(c), &s) }
        _ = ConsoleFixtures.key(.escape, &s)
        guard case .form(let asking)? = s.overlay else { Issue.record("typed input: Esc must ask"); return }
        #expect(asking.discard != nil)
        _ = ConsoleFixtures.key(.char("n"), &s)
        guard case .form(let kept)? = s.overlay else { Issue.record("n keeps editing"); return }
        #expect(kept.form.values["name"] == "pre-patch")
        _ = ConsoleFixtures.key(.escape, &s)
        _ = ConsoleFixtures.key(.char("y"), &s)
        #expect(s.overlay == nil)
        #expect(s.jobs.jobs.isEmpty, "nothing was run")
    }
}
