import Crypto
import Foundation

/// Seeds the compute area after the core inventory exists: guest OS types, the templates' and ISOs' flags and zone
/// copies (featured, community, private, one still downloading), SSH key pairs, affinity and instance groups, and a
/// custom compute offering with a few VMs on it. Sized by accounts and templates; the VMs only gain sparse details.
enum ComputeSeeder {
    static func seed(_ inv: inout Inventory, seed: UInt64) {
        var g = SplitMix64(seed: seed ^ 0x434F_4D50_5554_4501)
        seedOSTypes(&inv, &g)
        describeCoreTemplates(&inv)
        seedImages(&inv, &g, now: Date().timeIntervalSince1970)
        seedInstanceGroups(&inv, &g)
        seedKeyPairs(&inv, &g)
        seedAffinityGroups(&inv, &g)
        seedCustomOffering(&inv, &g)
        // Seeder numbers the VMs 1 to N in their instance names.
        inv.compute.nextVMNumber = inv.vms.count + 1
    }

    /// For a state file written before the compute area: the templates it has get zones and flags, the VMs' groups
    /// become instance groups. Its VMs are left as they were.
    static func upgrade(_ inv: inout Inventory) {
        var g = SplitMix64(seed: inv.seed ^ 0x434F_4D50_5554_4502)
        seedOSTypes(&inv, &g)
        describeCoreTemplates(&inv)
        for t in inv.templates {
            for z in inv.zones { inv.compute.templateZones.append(TemplateZoneRecord(templateID: t.id, zoneID: z.id, created: Seeder.epochBase)) }
        }
        seedInstanceGroups(&inv, &g)
        inv.compute.nextVMNumber = highestVMNumber(inv) + 1
    }

    static func highestVMNumber(_ inv: Inventory) -> Int {
        inv.vms.indices.reduce(0) { max($0, Int(RootVolumes.vmNumber(inv.vms[$1])) ?? 0) }
    }

    // MARK: OS types

    private static func seedOSTypes(_ inv: inout Inventory, _ g: inout SplitMix64) {
        // The core templates already name their OS types: those keep their ids.
        var known: [String: String] = [:]
        for t in inv.templates where known[t.osDisplayName] == nil { known[t.osDisplayName] = t.osTypeID }
        var listed = Set<String>()
        for category in GuestOSCatalog.categories {
            let categoryID = g.uuid()
            for description in category.types {
                inv.compute.osTypes.append(OSTypeRecord(id: known[description] ?? g.uuid(), description: description, categoryID: categoryID,
                                                        categoryName: category.name))
                listed.insert(description)
            }
        }
        // Any OS a template names that the catalog lacks (core names such as "Ubuntu 22.04 LTS" are in it).
        let otherID = inv.compute.osTypes.first { $0.categoryName == "Other" }?.categoryID ?? g.uuid()
        for (description, id) in known.sorted(by: { $0.key < $1.key }) where !listed.contains(description) {
            inv.compute.osTypes.append(OSTypeRecord(id: id, description: description, categoryID: otherID, categoryName: "Other"))
        }
    }

    // MARK: Templates and ISOs

    /// The core templates: KVM QCOW2 images owned by the admin account, in every zone; most featured.
    private static func describeCoreTemplates(_ inv: inout Inventory) {
        let admin = inv.accounts.first { $0.accountType == 1 }?.id
        for i in inv.templates.indices where inv.templates[i].format == nil {
            let name = inv.templates[i].name
            let windows = name.hasPrefix("Windows")
            let slug = name.lowercased().map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
            inv.templates[i].format = "QCOW2"
            inv.templates[i].hypervisor = "KVM"
            inv.templates[i].accountID = admin
            inv.templates[i].isPublic = true
            // CentOS 7 is end of life: still public, no longer featured, so it lists as a community template.
            inv.templates[i].isFeatured = !name.hasPrefix("CentOS")
            inv.templates[i].isExtractable = true
            inv.templates[i].passwordEnabled = windows || name.hasPrefix("Ubuntu")
            inv.templates[i].sshKeyEnabled = !windows
            inv.templates[i].dynamicallyScalable = windows || name.hasPrefix("Ubuntu")
            inv.templates[i].templateType = "USER"
            inv.templates[i].url = "https://images.cloud.example/\(String(slug)).qcow2"
            inv.templates[i].created = Seeder.epochBase + Int64(i + 1) * 3600
        }
    }

    /// One image to seed: who owns it, what it is, where it is and whether its download is still running.
    private struct ImageSpec {
        var name: String
        var displayText: String
        var os: String
        var format: String
        var hypervisor: String
        var owner: String?
        var isPublic: Bool
        var featured: Bool
        var password = false
        var scalable = false
        var bootable = true
        var firstZoneOnly = false
        /// Seconds the download takes, counted from the seeding; nil when it is already there.
        var downloading: Double? = nil
        var type = "USER"
        var file: String
    }

    private static let images: [ImageSpec] = [
        ImageSpec(name: "Ubuntu 22.04 LTS (VMware)", displayText: "Ubuntu 22.04 LTS for VMware", os: "Ubuntu 22.04 LTS", format: "OVA",
                  hypervisor: "VMware", owner: nil, isPublic: true, featured: true, password: true, scalable: true, file: "ubuntu-22.04-vmware.ova"),
        ImageSpec(name: "Windows Server 2019 (VMware)", displayText: "Windows Server 2019 Standard for VMware", os: "Windows Server 2019 (64-bit)",
                  format: "OVA", hypervisor: "VMware", owner: nil, isPublic: true, featured: true, password: true, scalable: true,
                  file: "windows-2019-vmware.ova"),
        ImageSpec(name: "CentOS Stream 9 (XenServer)", displayText: "CentOS Stream 9 for XenServer", os: "CentOS Stream 9", format: "VHD",
                  hypervisor: "XenServer", owner: nil, isPublic: true, featured: true, password: true, scalable: true, file: "centos-stream-9-xen.vhd"),
        ImageSpec(name: "Alpine Linux 3.19", displayText: "Alpine Linux 3.19 cloud image", os: "Alpine Linux 3 (64-bit)", format: "QCOW2",
                  hypervisor: "KVM", owner: "globex", isPublic: true, featured: false, file: "alpine-3.19.qcow2"),
        ImageSpec(name: "demo-webapp-golden", displayText: "Golden image of the demo web app", os: "Ubuntu 22.04 LTS", format: "QCOW2",
                  hypervisor: "KVM", owner: "demo", isPublic: false, featured: false, password: true, firstZoneOnly: true, file: "demo-webapp-golden.qcow2"),
        ImageSpec(name: "acme-base-image", displayText: "ACME hardened base image", os: "Rocky Linux 9", format: "QCOW2", hypervisor: "KVM",
                  owner: "acme-corp", isPublic: false, featured: false, file: "acme-base.qcow2"),
        ImageSpec(name: "Fedora 40 Cloud", displayText: "Fedora 40 Cloud Base", os: "Fedora Linux (64 bit)", format: "QCOW2", hypervisor: "KVM",
                  owner: nil, isPublic: true, featured: true, firstZoneOnly: true, downloading: 3600, file: "fedora-40-cloud.qcow2"),
    ]

    private static let isos: [ImageSpec] = [
        ImageSpec(name: "Ubuntu 24.04 Server", displayText: "ubuntu-24.04-live-server-amd64.iso", os: "Ubuntu 24.04 LTS", format: "ISO",
                  hypervisor: "None", owner: nil, isPublic: true, featured: true, file: "ubuntu-24.04-live-server-amd64.iso"),
        ImageSpec(name: "vmware-tools.iso", displayText: "VMware Tools Installer ISO", os: "Other (64-bit)", format: "ISO", hypervisor: "None",
                  owner: nil, isPublic: true, featured: true, bootable: false, type: "PERHOST", file: "vmware-tools.iso"),
        ImageSpec(name: "xs-tools.iso", displayText: "xen-pv-drv-iso", os: "Other (64-bit)", format: "ISO", hypervisor: "None", owner: nil,
                  isPublic: true, featured: true, bootable: false, type: "PERHOST", file: "xs-tools.iso"),
        ImageSpec(name: "SystemRescue 11", displayText: "SystemRescue 11.00 rescue system", os: "Other Linux (64-bit)", format: "ISO",
                  hypervisor: "None", owner: "hooli", isPublic: true, featured: false, file: "systemrescue-11.00-amd64.iso"),
        ImageSpec(name: "demo-install-media", displayText: "Installer of the demo app", os: "Other Linux (64-bit)", format: "ISO",
                  hypervisor: "None", owner: "demo", isPublic: false, featured: false, firstZoneOnly: true, file: "demo-install.iso"),
        ImageSpec(name: "Windows Server 2025 Evaluation", displayText: "Windows Server 2025 Evaluation media", os: "Windows Server 2022 (64-bit)",
                  format: "ISO", hypervisor: "None", owner: nil, isPublic: true, featured: true, firstZoneOnly: true, downloading: 7200,
                  file: "windows-server-2025-eval.iso"),
    ]

    private static func seedImages(_ inv: inout Inventory, _ g: inout SplitMix64, now: Double) {
        let accounts = Dictionary(inv.accounts.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        let admin = inv.accounts.first { $0.accountType == 1 }?.id
        let osByName = Dictionary(inv.compute.osTypes.map { ($0.description, $0) }, uniquingKeysWith: { a, _ in a })
        for t in inv.templates {
            for z in inv.zones { inv.compute.templateZones.append(TemplateZoneRecord(templateID: t.id, zoneID: z.id, created: t.created ?? Seeder.epochBase)) }
        }
        for (k, spec) in (images + isos).enumerated() {
            let os = osByName[spec.os]
            let created = Seeder.epochBase + 30 * 86_400 + Int64(k) * 86_400
            let iso = spec.format == "ISO"
            let t = TemplateRecord(
                id: g.uuid(), name: spec.name, displayText: spec.displayText, osTypeID: os?.id ?? "", osDisplayName: os?.description ?? spec.os,
                format: spec.format, hypervisor: iso ? nil : spec.hypervisor, accountID: spec.owner.flatMap { accounts[$0] } ?? admin,
                isPublic: spec.isPublic, isFeatured: spec.featured, isExtractable: spec.owner != nil || iso, passwordEnabled: spec.password,
                sshKeyEnabled: !iso && !spec.name.contains("Windows"), dynamicallyScalable: spec.scalable, bootable: iso ? spec.bootable : nil,
                crossZones: false, templateType: spec.type, url: "https://images.cloud.example/\(spec.file)", checksum: nil, created: created, removed: nil)
            inv.appendTemplate(t)
            for z in (spec.firstZoneOnly ? Array(inv.zones.prefix(1)) : inv.zones) {
                inv.compute.templateZones.append(TemplateZoneRecord(templateID: t.id, zoneID: z.id, created: created,
                                                                    downloadStart: spec.downloading == nil ? nil : now,
                                                                    downloadSeconds: spec.downloading))
            }
        }
    }

    // MARK: Groups and key pairs

    /// An instance group for each group name the account's VMs use.
    private static func seedInstanceGroups(_ inv: inout Inventory, _ g: inout SplitMix64) {
        // The loops over VMs read fields in place: copying each record would retain all its strings, 100,000 times.
        var used: [String: Set<String>] = [:]
        for i in inv.vms.indices { if let group = inv.vms[i].group { used[inv.vms[i].accountID, default: []].insert(group) } }
        for account in inv.accounts {
            for name in (used[account.id] ?? []).sorted() where inv.compute.instanceGroup(named: name, accountID: account.id) == nil {
                inv.compute.instanceGroups.append(InstanceGroupRecord(id: g.uuid(), name: name, accountID: account.id,
                                                                      created: account.created + 86_400))
            }
        }
    }

    private static func seedKeyPairs(_ inv: inout Inventory, _ g: inout SplitMix64) {
        let names: [String: [String]] = ["admin": ["admin-ops"], "demo": ["demo-laptop", "ci-deploy"], "acme-corp": ["acme-prod"]]
        var byAccount: [String: [String]] = [:]
        for account in inv.accounts {
            for name in names[account.name] ?? [] {
                var seedBytes = [UInt8]()
                for _ in 0..<4 { withUnsafeBytes(of: g.next()) { seedBytes += $0 } }
                guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seedBytes) else { continue }
                let pub = SSHPublicKey.ed25519(key.publicKey)
                inv.compute.sshKeyPairs.append(SSHKeyPairRecord(id: g.uuid(), name: name, fingerprint: pub.fingerprint,
                                                                publicKey: pub.normalized + " " + name, accountID: account.id,
                                                                created: account.created + 2 * 86_400))
                byAccount[account.id, default: []].append(name)
            }
        }
        // About a quarter of these accounts' VMs were deployed with one of their key pairs.
        for i in inv.vms.indices {
            guard let keys = byAccount[inv.vms[i].accountID] else { continue }
            let roll = g.below(keys.count * 4)
            if roll < keys.count { inv.compute.updateDetails(inv.vms[i].id) { $0.keyPairs = [keys[roll]] } }
        }
    }

    private static func seedAffinityGroups(_ inv: inout Inventory, _ g: inout SplitMix64) {
        let specs: [(account: String, name: String, type: String, description: String?, members: Int)] = [
            ("demo", "web-anti-affinity", "host anti-affinity", "Keep the web servers on different hosts", 3),
            ("demo", "db-affinity", "host affinity", "Database and cache together", 0),
            ("admin", "infra-spread", "host anti-affinity", nil, 2),
            ("acme-corp", "acme-ha", "non-strict host anti-affinity", "Spread when possible", 2),
        ]
        for spec in specs {
            guard let account = inv.accounts.first(where: { $0.name == spec.account }) else { continue }
            let group = AffinityGroupRecord(id: g.uuid(), name: spec.name, description: spec.description, type: spec.type, accountID: account.id,
                                            created: account.created + 3 * 86_400)
            inv.compute.affinityGroups.append(group)
            // Members: running VMs of the account on different hosts, so the seeded groups hold their own rule.
            var hosts = Set<String>()
            var added = 0
            for i in inv.vms.indices {
                if added >= spec.members { break }
                guard inv.vms[i].state == .Running, inv.vms[i].accountID == account.id, let host = inv.vms[i].hostID, !hosts.contains(host) else { continue }
                hosts.insert(host)
                inv.compute.updateDetails(inv.vms[i].id) { $0.affinityGroupIDs = ($0.affinityGroupIDs ?? []) + [group.id] }
                added += 1
            }
        }
    }

    /// A custom compute offering (CPU and memory chosen at deployment) unless another area seeded one, and about one
    /// VM in a hundred deployed on it.
    private static func seedCustomOffering(_ inv: inout Inventory, _ g: inout SplitMix64) {
        var custom = inv.serviceOfferings.first { $0.isCustomized == true }
        if custom == nil {
            let o = ServiceOfferingRecord(id: g.uuid(), name: "Custom Instance", cpuNumber: 0, cpuSpeed: 0, memory: 0,
                                          displayText: "Custom CPU and memory, chosen at deployment", created: Seeder.epochBase + 600,
                                          offerHA: false, limitCPUUse: false, isSystem: false, isCustomized: true)
            inv.serviceOfferings.append(o)
            custom = o
        }
        guard let offering = custom else { return }
        let sizes: [(Int, Int)] = [(2, 4096), (4, 8192), (6, 12288), (8, 16384)]
        for i in stride(from: 5, to: inv.vms.count, by: 97) where inv.vms[i].state != .Destroyed {
            let size = sizes[g.below(sizes.count)]
            inv.vms[i].serviceOfferingID = offering.id
            inv.compute.updateDetails(inv.vms[i].id) { d in
                d.cpuNumber = size.0
                d.cpuSpeed = 2000
                d.memory = size.1
            }
        }
    }
}
