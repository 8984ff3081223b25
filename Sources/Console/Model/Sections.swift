import PluginKit
import TUI

/// The navbar, mirroring the CloudStack web UI's sections.
enum Sections {
    static let dashboard = "dashboard"
    static let plugins = "plugins"

    static func navItems(pluginItems: [NavItem] = []) -> [NavItem] {
        [
            NavItem(id: dashboard, title: "Dashboard"),
            NavItem(id: InstancesSection.id, title: "Instances"),
            NavItem(id: "storage", title: "Storage", children: [
                NavItem(id: "primary-storage", title: "Primary Storage"),
                NavItem(id: "secondary-storage", title: "Secondary Storage"),
                NavItem(id: "vm-snapshots", title: "VM Snapshots"),
            ]),
            NavItem(id: "infrastructure", title: "Infrastructure", children: [
                NavItem(id: "zones", title: "Zones"), NavItem(id: "pods", title: "Pods"),
                NavItem(id: "clusters", title: "Clusters"), NavItem(id: "hosts", title: "Hosts"),
            ]),
            NavItem(id: "events", title: "Events"),
            NavItem(id: plugins, title: "Plugins", children: pluginItems),
        ]
    }

    /// The built-in list views by id.
    static func builtInListViews() -> [ListViewDefinition] {
        [InstancesSection.definition(), StorageSections.primary(), StorageSections.secondary(), StorageSections.vmSnapshots(),
         InfrastructureSections.zones(), InfrastructureSections.pods(), InfrastructureSections.clusters(),
         InfrastructureSections.hosts(), InfrastructureSections.events()]
    }

    /// Names the `:` palette accepts for each section.
    static let aliases: [String: String] = [
        "dashboard": dashboard, "dash": dashboard, "home": dashboard,
        "instances": InstancesSection.id, "vms": InstancesSection.id, "vm": InstancesSection.id,
        "storage": "primary-storage", "primary": "primary-storage", "primarystorage": "primary-storage", "pools": "primary-storage",
        "secondary": "secondary-storage", "secondarystorage": "secondary-storage", "imagestores": "secondary-storage",
        "snapshots": "vm-snapshots", "vmsnapshots": "vm-snapshots",
        "zones": "zones", "pods": "pods", "clusters": "clusters", "hosts": "hosts", "events": "events",
        "plugins": plugins, "infrastructure": "zones", "infra": "zones",
    ]
}
