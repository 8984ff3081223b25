import StorageForms
import Testing

@Suite struct ImageStoreTests {
    @Test func providerSelectAddsSMBAfterNFS() {
        let f = catalog.fields(kind: .image, values: [:], providers: imageProviders, context: FormContext())
        let p = f.first { $0.key == "provider" }
        #expect(p?.options.map(\.value) == ["NFS", "SMB", "S3", "Swift", "Sample"])
        #expect(p?.options.map(\.label) == ["NFS", "SMB/CIFS", "S3", "Swift", "Sample"])
        #expect(p?.defaultValue == "NFS")
        #expect(keys(f) == ["provider", "name", "zone", "server", "path"])
        #expect(f[1].required == false)
    }

    @Test func nfs() throws {
        let r = try imageRequests(["provider": "NFS", "zone": "z1", "server": "10.0.0.9", "path": "export/sec"])
        #expect(r.count == 1)
        #expect(r[0].command == "addImageStore")
        #expect(pairs(r[0]) == ["provider=NFS", "url=nfs://10.0.0.9/export/sec", "zoneid=z1"])
        let named = try imageRequests(["provider": "NFS", "name": "sec1", "zone": "z1", "server": "nfs://10.0.0.9", "path": "/export"])
        #expect(pairs(named[0]) == ["provider=NFS", "name=sec1", "url=nfs://10.0.0.9/export", "zoneid=z1"])
    }

    @Test func smb() throws {
        let r = try imageRequests(["provider": "SMB", "name": "smb1", "zone": "z1", "server": "smb.example.com", "path": "/sec",
                                   "smbUsername": "dom user", "smbPassword": "p@ss", "smbDomain": "EX"])
        #expect(pairs(r[0]) == [
            "provider=SMB", "name=smb1", "url=cifs://smb.example.com/sec", "zoneid=z1",
            "details[0].key=user", "details[0].value=dom user", "details[1].key=password", "details[1].value=p@ss",
            "details[2].key=domain", "details[2].value=EX",
        ])
    }

    @Test func swiftHasNoZone() throws {
        let f = catalog.fields(kind: .image, values: ["provider": "Swift"], providers: imageProviders, context: FormContext())
        #expect(keys(f) == ["provider", "name", "url", "account", "username", "key", "storagepolicy"])
        let v = ["provider": "Swift", "name": "sw", "zone": "z1", "url": "http://swift.example.com:8080/auth/v1.0",
                 "account": "acc", "username": "u", "key": "k"]
        let r = try imageRequests(v)
        #expect(pairs(r[0]) == [
            "provider=Swift", "name=sw", "url=http://swift.example.com:8080/auth/v1.0",
            "details[0].key=account", "details[0].value=acc", "details[1].key=username", "details[1].value=u",
            "details[2].key=key", "details[2].value=k",
        ])
        let withPolicy = try imageRequests(merged(v, ["storagepolicy": "gold"]))
        #expect(pairs(withPolicy[0]).suffix(2) == ["details[3].key=storagepolicy", "details[3].value=gold"])
    }

    static let s3: [String: String] = ["provider": "S3", "name": "s3", "accesskey": "AK", "secretkey": "SK/+", "bucket": "cs-sec"]

    @Test func s3WithoutStaging() throws {
        let f = catalog.fields(kind: .image, values: Self.s3, providers: imageProviders, context: FormContext())
        #expect(keys(f) == ["provider", "name", "zone", "accesskey", "secretkey", "bucket", "usehttps", "endpoint",
                            "connectiontimeout", "maxerrorretry", "sockettimeout", "staging"])
        #expect(f[2].required == false)
        let r = try imageRequests(Self.s3)
        #expect(r.count == 1)
        #expect(pairs(r[0]) == [
            "provider=S3", "name=s3",
            "details[0].key=accesskey", "details[0].value=AK", "details[1].key=secretkey", "details[1].value=SK/+",
            "details[2].key=bucket", "details[2].value=cs-sec", "details[3].key=usehttps", "details[3].value=true",
        ])
        let full = try imageRequests(merged(Self.s3, ["zone": "z1", "usehttps": "false", "endpoint": "s3.example.com:9000",
            "connectiontimeout": "5000", "sockettimeout": "9000"]))
        #expect(pairs(full[0]) == [
            "provider=S3", "name=s3",
            "details[0].key=accesskey", "details[0].value=AK", "details[1].key=secretkey", "details[1].value=SK/+",
            "details[2].key=bucket", "details[2].value=cs-sec", "details[3].key=usehttps", "details[3].value=false",
            "details[4].key=endpoint", "details[4].value=s3.example.com:9000",
            "details[5].key=connectiontimeout", "details[5].value=5000", "details[6].key=sockettimeout", "details[6].value=9000",
        ])
    }

    @Test func s3StagingRequiresZoneServerPath() throws {
        let on = merged(Self.s3, ["staging": "true"])
        let f = catalog.fields(kind: .image, values: on, providers: imageProviders, context: FormContext())
        #expect(Array(keys(f).suffix(3)) == ["staging", "stagingServer", "stagingPath"])
        #expect(f[2].key == "zone" && f[2].required)
        #expect(catalog.validate(kind: .image, values: on, providers: imageProviders, context: FormContext())
            == ["zone": "required", "stagingServer": "required", "stagingPath": "required"])
        #expect(throws: FormValidation(messages: ["zone": "required", "stagingServer": "required", "stagingPath": "required"])) {
            try imageRequests(on)
        }
        let r = try imageRequests(merged(on, ["zone": "z1", "stagingServer": "10.0.0.7", "stagingPath": "staging"]))
        #expect(r.count == 2)
        #expect(r[0]["zoneid"] == nil && r[0]["url"] == nil)
        #expect(r[1].command == "createSecondaryStagingStore")
        #expect(pairs(r[1]) == ["provider=nfs", "zoneid=z1", "url=nfs://10.0.0.7/staging"])
    }

    @Test func unknownProviderGetsGenericForm() throws {
        let f = catalog.fields(kind: .image, values: ["provider": "Sample"], providers: imageProviders, context: FormContext())
        #expect(keys(f) == ["provider", "name", "zone", "url", "details"])
        #expect(catalog.validate(kind: .image, values: ["provider": "Sample", "url": "not a url"], providers: imageProviders,
            context: FormContext()) == ["name": "required", "zone": "required", "url": "not a URL (scheme://host/…)"])
        let r = try imageRequests(["provider": "Sample", "name": "x", "zone": "z", "url": "sample://h/p", "details": "a=1,b=2"])
        #expect(pairs(r[0]) == ["provider=Sample", "name=x", "url=sample://h/p", "zoneid=z",
                                "details[0].key=a", "details[0].value=1", "details[1].key=b", "details[1].value=2"])
    }

    @Test func defaultsSeedNewFields() {
        let f = catalog.fields(kind: .image, values: ["provider": "S3", "staging": "true"], providers: imageProviders, context: FormContext())
        #expect(catalog.defaults(for: f) == ["provider": "NFS", "usehttps": "true", "staging": "false"])
        let p = catalog.fields(kind: .primary, values: [:], providers: primaryProviders, context: ctx("KVM"))
        #expect(catalog.defaults(for: p) == ["scope": "cluster", "protocol": "nfs", "provider": "DefaultPrimary"])
    }
}
