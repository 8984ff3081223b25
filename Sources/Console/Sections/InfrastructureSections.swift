import PluginKit

/// Zones, Pods, Clusters, Hosts and Events: read-only lists as the web UI's Infrastructure shows them.
enum InfrastructureSections {
    static func zones() -> ListViewDefinition {
        ListViewDefinition(id: "zones", title: "Zones", fields: [
            ListField("name", "Name", minWidth: 8), ListField("allocationstate", "Allocation", format: .state),
            ListField("networktype", "Network"), ListField("dns1", "DNS 1"), ListField("internaldns1", "Internal DNS"),
            ListField("guestcidraddress", "Guest CIDR"),
        ], dataProvider: .api("listZones"), stateField: "allocationstate")
    }

    static func pods() -> ListViewDefinition {
        ListViewDefinition(id: "pods", title: "Pods", fields: [
            ListField("name", "Name", minWidth: 8), ListField("allocationstate", "Allocation", format: .state),
            ListField("zonename", "Zone"), ListField("gateway", "Gateway"), ListField("netmask", "Netmask"),
            ListField("startip", "Start IP"), ListField("endip", "End IP"),
        ], dataProvider: .api("listPods"), stateField: "allocationstate")
    }

    static func clusters() -> ListViewDefinition {
        ListViewDefinition(id: "clusters", title: "Clusters", fields: [
            ListField("name", "Name", minWidth: 8), ListField("allocationstate", "Allocation", format: .state),
            ListField("hypervisortype", "Hypervisor"), ListField("clustertype", "Type"), ListField("podname", "Pod"),
            ListField("zonename", "Zone"), ListField("managedstate", "Managed"),
        ], dataProvider: .api("listClusters"), stateField: "allocationstate")
    }

    static func hosts() -> ListViewDefinition {
        ListViewDefinition(id: "hosts", title: "Hosts", fields: [
            ListField("name", "Name", minWidth: 8), ListField("state", "State", format: .state),
            ListField("resourcestate", "Resource", format: .state), ListField("type", "Type"),
            ListField("ipaddress", "IP"), ListField("hypervisor", "Hypervisor"), ListField("clustername", "Cluster"),
            ListField("zonename", "Zone"),
        ], dataProvider: .api("listHosts"), stateField: "state")
    }

    static func events() -> ListViewDefinition {
        ListViewDefinition(id: "events", title: "Events", fields: [
            ListField("created", "Created", format: .date, minWidth: 16), ListField("level", "Level", format: .state),
            ListField("type", "Type"), ListField("description", "Description", minWidth: 20), ListField("username", "User"),
            ListField("account", "Account"),
        ], dataProvider: .api("listEvents", [("listall", "true")]), stateField: "level")
    }
}
