import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Response keys")
struct ResponseKeyTests {
    @Test("every list command answers under its exact response and item key", arguments: [
        ("listApis", [("listall", "true")], "listapisresponse", "api"),
        ("listUsers", [("listall", "true")], "listusersresponse", "user"),
        ("listAccounts", [("listall", "true")], "listaccountsresponse", "account"),
        ("listZones", [], "listzonesresponse", "zone"),
        ("listPods", [], "listpodsresponse", "pod"),
        ("listClusters", [], "listclustersresponse", "cluster"),
        ("listHosts", [], "listhostsresponse", "host"),
        ("listVirtualMachines", [("listall", "true")], "listvirtualmachinesresponse", "virtualmachine"),
        ("listStoragePools", [], "liststoragepoolsresponse", "storagepool"),
        ("listImageStores", [], "listimagestoresresponse", "imagestore"),
        ("listStorageProviders", [("type", "primary")], "liststorageprovidersresponse", "dataStoreProvider"),
        ("listVMSnapshot", [("listall", "true")], "listvmsnapshotresponse", "vmSnapshot"),
        ("listEvents", [("listall", "true")], "listeventsresponse", "event"),
        ("listAlerts", [], "listalertsresponse", "alert"),
        ("listCapacity", [], "listcapacityresponse", "capacity"),
        ("listDiskOfferings", [], "listdiskofferingsresponse", "diskoffering"),
        ("listVolumes", [("listall", "true")], "listvolumesresponse", "volume"),
        ("listSnapshots", [("listall", "true")], "listsnapshotsresponse", "snapshot"),
        ("listNetworkOfferings", [], "listnetworkofferingsresponse", "networkoffering"),
        ("listVPCOfferings", [], "listvpcofferingsresponse", "vpcoffering"),
        ("listNetworks", [("listall", "true")], "listnetworksresponse", "network"),
        ("listVPCs", [("listall", "true")], "listvpcsresponse", "vpc"),
        ("listRouters", [("listall", "true")], "listroutersresponse", "router"),
        ("listPublicIpAddresses", [("listall", "true")], "listpublicipaddressesresponse", "publicipaddress"),
        ("listPortForwardingRules", [("listall", "true")], "listportforwardingrulesresponse", "portforwardingrule"),
        ("listFirewallRules", [("listall", "true")], "listfirewallrulesresponse", "firewallrule"),
        ("listEgressFirewallRules", [("listall", "true")], "listegressfirewallrulesresponse", "firewallrule"),
        ("listLoadBalancerRules", [("listall", "true")], "listloadbalancerrulesresponse", "loadbalancerrule"),
        ("listIpForwardingRules", [("listall", "true")], "listipforwardingrulesresponse", "ipforwardingrule"),
        ("listSecurityGroups", [("listall", "true")], "listsecuritygroupsresponse", "securitygroup"),
        ("listSystemVms", [], "listsystemvmsresponse", "systemvm"),
        ("listManagementServers", [], "listmanagementserversresponse", "managementserver"),
        ("listDomains", [], "listdomainsresponse", "domain"),
        ("listDomainChildren", [], "listdomainchildrenresponse", "domain"),
        ("listRoles", [], "listrolesresponse", "role"),
        ("listServiceOfferings", [], "listserviceofferingsresponse", "serviceoffering"),
        ("listConfigurations", [], "listconfigurationsresponse", "configuration"),
        ("listTemplates", [("templatefilter", "featured")], "listtemplatesresponse", "template"),
        ("listIsos", [("isofilter", "featured")], "listisosresponse", "iso"),
        ("listOsTypes", [], "listostypesresponse", "ostype"),
        ("listHypervisors", [], "listhypervisorsresponse", "hypervisor"),
        ("listSSHKeyPairs", [("listall", "true")], "listsshkeypairsresponse", "sshkeypair"),
        ("listAffinityGroupTypes", [], "listaffinitygrouptypesresponse", "affinityGroupType"),
        ("listAffinityGroups", [("listall", "true")], "listaffinitygroupsresponse", "affinitygroup"),
        ("listInstanceGroups", [("listall", "true")], "listinstancegroupsresponse", "instancegroup"),
    ] as [(String, [(String, String)], String, String)])
    func listKeys(command: String, params: [(String, String)], response: String, item: String) async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call(command, params)
            #expect(r.responseName == response)
            #expect(r.list.itemKey == item)
            #expect((r.list.count ?? 0) >= r.list.items.count)
            #expect(!r.list.items.isEmpty)
            await api.close()
        }
    }

    @Test("an empty list is {} with no count and no item key")
    func emptyList() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listVirtualMachines", [("listall", "true"), ("name", "no-such-vm-anywhere")])
            #expect(r.content.isEmpty)
            let staging = try await api.call("listSecondaryStagingStores")
            #expect(staging.responseName == "listsecondarystagingstoreresponse")
            #expect(staging.content.isEmpty)
            await api.close()
        }
    }

    @Test("listCapabilities answers an object under capability")
    func capabilities() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let r = try await api.call("listCapabilities")
            #expect(r.responseName == "listcapabilitiesresponse")
            #expect(r.content["capability"]?["cloudstackversion"]?.text != nil)
            await api.close()
        }
    }

    @Test("the admin commands are sync or async and admin-only or user as the real command classes are", arguments: [
        ("prepareHostForMaintenance", true, "admin"), ("cancelHostMaintenance", true, "admin"), ("reconnectHost", true, "admin"),
        ("updateHost", false, "admin"), ("updateZone", false, "admin"), ("updatePod", false, "admin"), ("updateCluster", false, "admin"),
        ("startSystemVm", true, "admin"), ("stopSystemVm", true, "admin"), ("rebootSystemVm", true, "admin"), ("destroySystemVm", true, "admin"),
        ("migrateSystemVm", true, "admin"), ("archiveAlerts", false, "admin"), ("deleteAlerts", false, "admin"),
        ("archiveEvents", false, "user"), ("deleteEvents", false, "user"), ("enableAccount", false, "admin"), ("disableAccount", true, "admin"),
        ("deleteAccount", true, "admin"), ("enableUser", false, "admin"), ("disableUser", true, "admin"), ("deleteUser", false, "admin"),
        ("registerUserKeys", false, "user"), ("getUserKeys", false, "user"), ("listDomains", false, "user"), ("listServiceOfferings", false, "user"),
        ("listRoles", false, "admin"), ("updateConfiguration", false, "admin"), ("listConfigurations", false, "admin"),
    ] as [(String, Bool, String)])
    func adminCommandFlags(command: String, async: Bool, type: String) async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let item = try #require(try await api.call("listApis", [("name", command)]).items().first)
            #expect(item["isasync"] == .bool(async))
            #expect(item["type"]?.text == type)
            await api.close()
        }
    }

    @Test("listApis describes async flags, parameters with required flags and response fields")
    func listApisShape() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let r = try await api.call("listApis", [("name", "startVirtualMachine")])
            let item = try #require(r.items().first)
            #expect(item["name"]?.text == "startVirtualMachine")
            #expect(item["isasync"] == .bool(true))
            let params = item["params"]?.arrayValue?.compactMap(\.objectValue) ?? []
            #expect(params.contains { $0["name"]?.text == "id" && $0["required"] == .bool(true) })
            let fields = item["response"]?.arrayValue ?? []
            #expect(!fields.isEmpty)
            let list = try await api.call("listApis", [("name", "listVirtualMachines")])
            #expect(list.items().first?["isasync"] == .bool(false))
            await api.close()
        }
    }
}
