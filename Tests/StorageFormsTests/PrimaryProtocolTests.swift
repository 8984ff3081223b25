import StorageForms
import Testing

@Suite struct PrimaryProtocolTests {
    @Test func nfsExactRequest() throws {
        let r = try primaryRequests(["protocol": "nfs", "server": "10.0.0.5", "path": "export/primary", "tags": " ssd, fast ,"])
        #expect(r.count == 1)
        #expect(r[0].command == "createStoragePool")
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=DefaultPrimary", "url=nfs://10.0.0.5/export/primary", "tags=ssd,fast"])
    }

    @Test("KVM NFS offers mount options, sent as details[0].nfsmountopts; XenServer NFS has no such field")
    func nfsMountOptionsOnKVM() throws {
        let r = try primaryRequests(["protocol": "nfs", "server": "10.0.0.5", "path": "/export", "nfsMountOpts": "vers=4.1,nconnect=4"])
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=DefaultPrimary", "url=nfs://10.0.0.5/export",
                                                         "details[0].nfsmountopts=vers=4.1,nconnect=4"])
        let kvm = catalog.fields(kind: .primary, values: merged(clusterBase, ["protocol": "nfs"]), providers: primaryProviders, context: ctx("KVM"))
        #expect(keys(kvm).suffix(3) == ["server", "path", "nfsMountOpts"])
        let xen = catalog.fields(kind: .primary, values: merged(clusterBase, ["protocol": "nfs"]), providers: primaryProviders, context: ctx("XenServer"))
        #expect(keys(xen).suffix(2) == ["server", "path"])
        #expect(!keys(xen).contains("nfsMountOpts"))
        let xenRequest = try primaryRequests(["protocol": "nfs", "server": "10.0.0.5", "path": "/export", "nfsMountOpts": "vers=3"], hypervisor: "XenServer")
        #expect(xenRequest[0]["details[0].nfsmountopts"] == nil)
    }

    @Test func nfsPathWithSlashAndPort() throws {
        #expect(try primaryURL(["protocol": "nfs", "server": "nfs.example.com:2049", "path": "/export"]) == "nfs://nfs.example.com:2049/export")
    }

    @Test func smbOnHyperv() throws {
        let r = try primaryRequests(
            ["protocol": "SMB", "server": "smb.example.com", "path": "share", "smbUsername": "dom user",
             "smbPassword": "p@ss/w:rd", "smbDomain": "EXAMPLE.local"], hypervisor: "Hyperv")
        #expect(pairs(r[0]) == strings(clusterParams) + [
            "provider=DefaultPrimary", "url=cifs://smb.example.com/share",
            "details[0].user=dom%20user", "details[1].password=p%40ss%2Fw%3Ard", "details[2].domain=EXAMPLE.local",
        ])
    }

    @Test func preSetupXenServer() throws {
        #expect(try primaryURL(["protocol": "PreSetup", "path": "sr-label"], hypervisor: "XenServer") == "presetup://localhost/sr-label")
        let f = catalog.fields(kind: .primary, values: merged(clusterBase, ["protocol": "PreSetup"]), providers: primaryProviders, context: ctx("XenServer"))
        #expect(keys(f).suffix(1) == ["path"])
    }

    @Test func preSetupVMwareVariant() throws {
        let apis: Set<String> = ["importVsphereStoragePolicies"]
        #expect(
            try primaryURL(["protocol": "PreSetup", "server": "vc.example.com", "vCenterDataCenter": "DC1", "vCenterDataStore": "ds1"],
                hypervisor: "VMware", apis: apis) == "presetup://vc.example.com/DC1/ds1")
        let f = catalog.fields(kind: .primary, values: merged(clusterBase, ["protocol": "PreSetup"]), providers: primaryProviders,
            context: ctx("VMware", apis: apis))
        #expect(Array(keys(f).suffix(3)) == ["server", "vCenterDataCenter", "vCenterDataStore"])
    }

    @Test func datastoreClusterAndVmfs() throws {
        let apis: Set<String> = ["importVsphereStoragePolicies"]
        let v = ["server": "vc", "vCenterDataCenter": "/DC1", "vCenterDataStore": "dsc"]
        #expect(try primaryURL(merged(v, ["protocol": "datastorecluster"]), hypervisor: "VMware", apis: apis) == "datastorecluster://vc/DC1/dsc")
        #expect(try primaryURL(merged(v, ["protocol": "vmfs"]), hypervisor: "VMware") == "vmfs://vc/DC1/dsc")
    }

    @Test func ocfs2ShowsServer() throws {
        let values = merged(clusterBase, ["protocol": "ocfs2"])
        let f = catalog.fields(kind: .primary, values: values, providers: primaryProviders, context: ctx("Ovm"))
        #expect(Array(keys(f).suffix(2)) == ["server", "path"])
        #expect(try primaryURL(["protocol": "ocfs2", "server": "ovm1", "path": "ocfs"], hypervisor: "Ovm") == "ocfs2://ovm1/ocfs")
    }

    @Test func sharedMountPoint() throws {
        #expect(try primaryURL(["protocol": "SharedMountPoint", "path": "/mnt/primary"]) == "SharedMountPoint://localhost/mnt/primary")
        let f = catalog.fields(kind: .primary, values: merged(clusterBase, ["protocol": "SharedMountPoint"]), providers: primaryProviders, context: ctx("KVM"))
        #expect(!keys(f).contains("server"))
    }

    @Test func clvmDoubleSlash() throws {
        #expect(try primaryURL(["protocol": "CLVM", "volumegroup": "vg0"]) == "clvm://localhost//vg0")
        #expect(try primaryURL(["protocol": "CLVM", "volumegroup": "/vg0"]) == "clvm://localhost//vg0")
    }

    @Test func rbdURLSafeSecret() throws {
        #expect(
            try primaryURL(["protocol": "RBD", "radosmonitor": "mon.example.com", "radospool": "rbd",
                            "radosuser": "admin", "radossecret": "AQB+x/y+z/=="]) == "rbd://admin:AQB-x_y-z_==@mon.example.com/rbd")
        #expect(try primaryURL(["protocol": "RBD", "radosmonitor": "mon", "radospool": "/rbd"]) == "rbd://mon/rbd")
    }

    @Test func gluster() throws {
        #expect(try primaryURL(["protocol": "Gluster", "server": "g1", "volume": "vol0"]) == "gluster://g1/vol0")
    }

    @Test func iscsi() throws {
        #expect(
            try primaryURL(["protocol": "iscsi", "server": "san", "iqn": "iqn.2010-01.com.example:t1", "lun": "3"], hypervisor: "XenServer")
                == "iscsi://san/iqn.2010-01.com.example:t1/3")
        let m = catalog.validate(kind: .primary, values: merged(clusterBase, ["protocol": "iscsi", "server": "san", "iqn": "naa.1", "lun": "1.5"]),
            providers: primaryProviders, context: ctx("XenServer"))
        #expect(m == ["lun": "must be a whole number", "iqn": "an IQN starts with iqn. or eui."])
    }

    @Test func linstor() throws {
        let values = merged(clusterBase, ["protocol": "Linstor", "provider": "DefaultPrimary"])
        let f = catalog.fields(kind: .primary, values: values, providers: primaryProviders, context: ctx("KVM"))
        #expect(!keys(f).contains("provider"))
        #expect(keys(f) == ["scope", "zone", "pod", "cluster", "name", "protocol", "tags", "server", "capacityiops", "resourcegroup"])
        let r = try primaryRequests(["protocol": "Linstor", "server": "ctl:3370", "capacityiops": "1,000", "resourcegroup": "rg1"])
        #expect(pairs(r[0]) == strings(clusterParams) + [
            "provider=Linstor", "url=http://ctl:3370", "capacityiops=1000", "details[0].resourceGroup=rg1",
        ])
        #expect(try primaryURL(["protocol": "Linstor", "server": "https://ctl", "resourcegroup": "rg1"]) == "https://ctl")
        let noIops = try primaryRequests(["protocol": "Linstor", "server": "ctl", "resourcegroup": "rg"])
        #expect(noIops[0]["capacityiops"] == nil)
        #expect(noIops[0]["managed"] == nil)
    }

    @Test func customWithDefaultPrimarySendsTypedURLOnly() throws {
        let r = try primaryRequests(["protocol": "custom", "url": "MVIP=1.2.3.4;SVIP=5.6.7.8"])
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=DefaultPrimary", "url=MVIP=1.2.3.4;SVIP=5.6.7.8"])
    }

    @Test func powerFlexForcesCustom() throws {
        let values = merged(clusterBase, ["provider": "PowerFlex", "protocol": "nfs"])
        let f = catalog.fields(kind: .primary, values: values, providers: primaryProviders, context: ctx("KVM"))
        #expect(keys(f) == ["scope", "zone", "pod", "cluster", "name", "provider", "tags",
                            "powerflexGateway", "powerflexGatewayUsername", "powerflexGatewayPassword", "powerflexStoragePool"])
        let r = try primaryRequests(["provider": "PowerFlex", "protocol": "nfs", "powerflexGateway": "gw.example.com",
            "powerflexGatewayUsername": "admin", "powerflexGatewayPassword": "p@ss:1", "powerflexStoragePool": "pool 1"])
        #expect(pairs(r[0]) == strings(clusterParams) + ["provider=PowerFlex", "url=powerflex://admin:p%40ss%3A1@gw.example.com/pool%201"])
        let m = catalog.validate(kind: .primary, values: values, providers: primaryProviders, context: ctx("KVM"))
        #expect(m == ["powerflexGateway": "required", "powerflexGatewayUsername": "required",
                      "powerflexGatewayPassword": "required", "powerflexStoragePool": "required"])
    }

    @Test func unknownProviderGetsGenericForm() throws {
        let values = merged(clusterBase, ["provider": "SolidFire"])
        let f = catalog.fields(kind: .primary, values: values, providers: primaryProviders, context: ctx("KVM"))
        #expect(keys(f) == ["scope", "zone", "pod", "cluster", "name", "provider", "tags",
                            "url", "managed", "capacitybytes", "capacityiops", "details"])
        #expect(f.first { $0.key == "url" }?.required == true)
        let r = try primaryRequests(["provider": "SolidFire", "url": "MVIP=10.1.1.1;SVIP=10.2.2.2;clusterAdminUsername=a",
            "managed": "true", "capacitybytes": "1,000,000,000", "capacityiops": "5,000", "details": "k1=v1, k2 = v 2"])
        #expect(pairs(r[0]) == strings(clusterParams) + [
            "provider=SolidFire", "url=MVIP=10.1.1.1;SVIP=10.2.2.2;clusterAdminUsername=a", "managed=true",
            "capacitybytes=1000000000", "capacityiops=5000", "details[0].k1=v1", "details[1].k2=v 2",
        ])
        let unmanaged = try primaryRequests(["provider": "SolidFire", "url": "x://y"])
        #expect(unmanaged[0]["managed"] == "false")
        #expect(unmanaged[0]["capacitybytes"] == nil)
        let bad = catalog.validate(kind: .primary, values: merged(values, ["url": "u", "details": "a=1, oops, b=2", "capacitybytes": "12x"]),
            providers: primaryProviders, context: ctx("KVM"))
        #expect(bad == ["details": "not key=value: 'oops'", "capacitybytes": "bytes, or a size such as 500G or 40T"])
        // A size with a binary unit is sent as bytes.
        let sized = try primaryRequests(["provider": "SolidFire", "url": "x://y", "capacitybytes": "40T"])
        #expect(sized[0]["capacitybytes"] == "43980465111040")
        let zero = catalog.validate(kind: .primary, values: merged(values, ["url": "u", "capacitybytes": "0"]),
            providers: primaryProviders, context: ctx("KVM"))
        #expect(zero["capacitybytes"] != nil)
    }

    @Test func zoneScope() throws {
        let base: [String: String] = ["scope": "zone", "zone": "z1", "name": "zs", "hypervisor": "VMware"]
        let f = catalog.fields(kind: .primary, values: base, providers: primaryProviders, context: ctx(nil))
        #expect(keys(f) == ["scope", "hypervisor", "zone", "name", "protocol", "provider", "tags", "server", "path"])
        #expect(f[1].options.map(\.value) == ["KVM", "VMware", "Hyperv", "Any", "Simulator"])
        #expect(f[4].options.map(\.value) == ["nfs", "vmfs", "custom"])
        #expect(catalog.protocols(values: merged(base, ["hypervisor": "KVM"]), context: ctx("XenServer"))
            == ["nfs", "SharedMountPoint", "RBD", "CLVM", "Gluster", "Linstor", "custom"])
        let r = try primaryRequests(["protocol": "nfs", "server": "n", "path": "/e"], base: base)
        #expect(pairs(r[0]) == ["name=zs", "zoneid=z1", "scope=zone", "hypervisor=VMware", "provider=DefaultPrimary", "url=nfs://n/e"])
    }

    @Test func hostScopeSendsNoHostID() throws {
        let base = merged(clusterBase, ["scope": "host", "host": "h1"])
        let f = catalog.fields(kind: .primary, values: base, providers: primaryProviders, context: ctx("KVM"))
        #expect(keys(f).prefix(5) == ["scope", "zone", "pod", "cluster", "host"])
        let r = try primaryRequests(["protocol": "SharedMountPoint", "path": "/mnt/local"], base: base)
        #expect(pairs(r[0]) == ["name=ps1", "zoneid=z1", "podid=p1", "clusterid=c1", "scope=host",
                                "provider=DefaultPrimary", "url=SharedMountPoint://localhost/mnt/local"])
        let m = catalog.validate(kind: .primary, values: merged(base, ["host": ""]), providers: primaryProviders, context: ctx("KVM"))
        #expect(m["host"] == "required")
    }

    @Test func protocolListsPerHypervisor() {
        let v = clusterBase
        #expect(catalog.protocols(values: v, context: ctx("KVM")) == ["nfs", "SharedMountPoint", "RBD", "CLVM", "Gluster", "Linstor", "custom"])
        #expect(catalog.protocols(values: v, context: ctx("XenServer")) == ["nfs", "PreSetup", "iscsi", "custom"])
        #expect(catalog.protocols(values: v, context: ctx("VMware")) == ["nfs", "vmfs", "custom"])
        #expect(catalog.protocols(values: v, context: ctx("VMware", apis: ["importVsphereStoragePolicies"]))
            == ["nfs", "PreSetup", "datastorecluster", "custom"])
        #expect(catalog.protocols(values: v, context: ctx("Hyperv")) == ["SMB"])
        #expect(catalog.protocols(values: v, context: ctx("Ovm")) == ["nfs", "ocfs2"])
        #expect(catalog.protocols(values: v, context: ctx("LXC")) == ["nfs", "SharedMountPoint", "RBD"])
        #expect(catalog.protocols(values: v, context: ctx("BareMetal")) == ["nfs"])
        #expect(catalog.protocols(values: v, context: ctx(nil)) == ["nfs"])
        let f = catalog.fields(kind: .primary, values: v, providers: primaryProviders, context: ctx("Hyperv"))
        let proto = f.first { $0.key == "protocol" }
        #expect(proto?.options.map(\.value) == ["SMB"])
        #expect(proto?.defaultValue == "SMB")
        #expect(Array(keys(f).suffix(5)) == ["server", "path", "smbUsername", "smbPassword", "smbDomain"])
    }

    @Test func providerSelectOffersServerOrder() {
        let f = catalog.fields(kind: .primary, values: clusterBase, providers: ["SolidFire", "DefaultPrimary"], context: ctx("KVM"))
        let p = f.first { $0.key == "provider" }
        #expect(p?.options.map(\.value) == ["SolidFire", "DefaultPrimary"])
        #expect(p?.defaultValue == "DefaultPrimary")
        #expect(p?.source == .providers)
    }

    @Test func staleProtocolIsReported() {
        let m = catalog.validate(kind: .primary, values: merged(clusterBase, ["protocol": "vmfs", "server": "s", "path": "/p"]),
            providers: primaryProviders, context: ctx("KVM"))
        #expect(m == ["protocol": "not one of the choices"])
    }
}
