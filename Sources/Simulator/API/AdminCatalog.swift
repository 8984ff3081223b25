/// The admin area's commands (see APICatalog.all): infrastructure state, system VMs, management servers, alerts and
/// events, domains, accounts, users, roles, compute offerings and global settings.
enum AdminCatalog {
    private static let dateHelp = "(use format \"yyyy-MM-dd\" or the new format \"yyyy-MM-dd HH:mm:ss\")"

    static let commands: [APICommandSpec] = infrastructure + systemVMs + dashboard + identity + settings

    private static let infrastructure: [APICommandSpec] = [
        APICatalog.spec("updateZone", "updatezoneresponse", cls: "org.apache.cloudstack.api.command.admin.zone.UpdateZoneCmd",
             "Updates a Zone.", [param("id", "uuid", required: true, "The ID of the Zone"), param("name", "The name of the Zone"),
                                 param("allocationstate", "Allocation state of this cluster for allocation of new resources"),
                                 param("dns1", "The first DNS for the Zone"), param("internaldns1", "The first internal DNS for the Zone")],
             ["id", "name", "allocationstate", "networktype", "dns1", "internaldns1"], AllocationStateHandlers.updateZone),
        APICatalog.spec("updatePod", "updatepodresponse", cls: "org.apache.cloudstack.api.command.admin.pod.UpdatePodCmd",
             "Updates a Pod.", [param("id", "uuid", required: true, "The ID of the Pod"), param("name", "The name of the Pod"),
                                param("allocationstate", "Allocation state of this cluster for allocation of new resources")],
             ["id", "name", "zoneid", "zonename", "allocationstate"], AllocationStateHandlers.updatePod),
        APICatalog.spec("updateCluster", "updateclusterresponse", cls: "org.apache.cloudstack.api.command.admin.cluster.UpdateClusterCmd",
             "Updates an existing cluster", [param("id", "uuid", required: true, "the ID of the Cluster"), param("clustername", "the cluster name"),
                                             param("allocationstate", "Allocation state of this cluster for allocation of new resources"),
                                             param("managedstate", "whether this cluster is managed by cloudstack")],
             ["id", "name", "podid", "zoneid", "allocationstate", "managedstate"], AllocationStateHandlers.updateCluster),
        APICatalog.spec("prepareHostForMaintenance", "preparehostformaintenanceresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.host.PrepareForMaintenanceCmd", "Prepares a host for maintenance.",
             [param("id", "uuid", required: true, "the host ID")], hostFields, HostHandlers.prepareMaintenance),
        APICatalog.spec("cancelHostMaintenance", "cancelhostmaintenanceresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.host.CancelMaintenanceCmd", "Cancels host maintenance.",
             [param("id", "uuid", required: true, "The host ID")], hostFields, HostHandlers.cancelMaintenance),
        APICatalog.spec("updateHost", "updatehostresponse", cls: "org.apache.cloudstack.api.command.admin.host.UpdateHostCmd",
             "Updates a host.", [param("id", "uuid", required: true, "the ID of the host to update"), param("name", "Change the name of host"),
                                 param("allocationstate", "Change resource state of host, valid values are [Enable, Disable]. Operation may failed if host in states not allowing Enable/Disable")],
             hostFields, HostHandlers.update),
        APICatalog.spec("reconnectHost", "reconnecthostresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.host.ReconnectHostCmd",
             "Reconnects a host.", [param("id", "uuid", required: true, "the host ID")], hostFields, HostHandlers.reconnect),
        APICatalog.spec("listManagementServers", "listmanagementserversresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.management.ListMgmtsCmd", "Lists management servers.",
             [param("id", "uuid", "the id of the management server"), param("name", "the name of the management server")],
             ManagementServerHandlers.fields, ManagementServerHandlers.list),
    ]

    static let hostFields = ["id", "name", "state", "resourcestate", "type", "ipaddress", "zoneid", "podid", "clusterid", "hypervisor", "managementserverid"]

    private static let systemVMs: [APICommandSpec] = [
        APICatalog.spec("listSystemVms", "listsystemvmsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.ListSystemVMsCmd",
             "List system virtual machines.", [param("id", "uuid", "the ID of the system VM"), param("name", "the name of the system VM"),
                                               param("state", "the state of the system VM"),
                                               param("systemvmtype", "the system VM type. Possible types are \"consoleproxy\" and \"secondarystoragevm\"."),
                                               param("zoneid", "uuid", "the Zone ID of the system VM"), param("podid", "uuid", "the Pod ID of the system VM"),
                                               param("hostid", "uuid", "the host ID of the system VM")],
             SystemVMHandlers.fields, SystemVMHandlers.list),
        APICatalog.spec("startSystemVm", "startsystemvmresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.StartSystemVMCmd",
             "Starts a system virtual machine.", [param("id", "uuid", required: true, "The ID of the system virtual machine")],
             SystemVMHandlers.fields, SystemVMActions.start),
        APICatalog.spec("stopSystemVm", "stopsystemvmresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.StopSystemVmCmd",
             "Stops a system VM.", [param("id", "uuid", required: true, "The ID of the System VM"),
                                    param("forced", "boolean", "Force stop the Instance (Instance is marked as Stopped even when command fails to be send to the backend, otherwise a force poweroff is attempted). To be used if the caller knows the Instance is stopped and should be marked as such.")],
             SystemVMHandlers.fields, SystemVMActions.stop),
        APICatalog.spec("rebootSystemVm", "rebootsystemvmresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.RebootSystemVmCmd",
             "Reboots a system VM.", [param("id", "uuid", required: true, "The ID of the system virtual machine"),
                                      param("forced", "boolean", "Force reboot the system VM (System VM is Stopped and then Started)")],
             SystemVMHandlers.fields, SystemVMActions.reboot),
        APICatalog.spec("destroySystemVm", "destroysystemvmresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.DestroySystemVmCmd",
             "Destroys a system virtual machine.", [param("id", "uuid", required: true, "The ID of the system virtual machine")],
             SystemVMHandlers.fields, SystemVMActions.destroy),
        APICatalog.spec("migrateSystemVm", "migratesystemvmresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.systemvm.MigrateSystemVMCmd",
             "Attempts Migration of a system virtual machine to the host specified.",
             [param("virtualmachineid", "uuid", required: true, "the ID of the virtual machine"), param("hostid", "uuid", "destination Host ID to migrate VM to"),
              param("autoselect", "boolean", "Automatically select a destination host which do not require storage migration, if hostId and storageId are not specified. false by default")],
             SystemVMHandlers.fields, SystemVMActions.migrate),
    ]

    private static let dashboard: [APICommandSpec] = [
        APICatalog.spec("archiveAlerts", "archivealertsresponse", cls: "org.apache.cloudstack.api.command.admin.resource.ArchiveAlertsCmd",
             "Archive one or more alerts.", [param("ids", "list", "the IDs of the alerts"), param("type", "archive by alert type"),
                                             param("startdate", "date", "start date range to archive alerts (including) this date \(dateHelp)"),
                                             param("enddate", "date", "end date range to archive alerts (including) this date \(dateHelp)")],
             ["success", "displaytext"], ArchiveHandlers.archiveAlerts),
        APICatalog.spec("deleteAlerts", "deletealertsresponse", cls: "org.apache.cloudstack.api.command.admin.resource.DeleteAlertsCmd",
             "Delete one or more alerts.", [param("ids", "list", "the IDs of the alerts"), param("type", "delete by alert type"),
                                            param("startdate", "date", "start date range to delete alerts (including) this date \(dateHelp)"),
                                            param("enddate", "date", "end date range to delete alerts (including) this date \(dateHelp)")],
             ["success", "displaytext"], ArchiveHandlers.deleteAlerts),
        APICatalog.spec("archiveEvents", "archiveeventsresponse", user: true, cls: "org.apache.cloudstack.api.command.user.event.ArchiveEventsCmd",
             "Archive one or more events.", [param("ids", "list", "the IDs of the events"), param("type", "archive by event type"),
                                             param("startdate", "date", "start date range to archive events (including) this date \(dateHelp)"),
                                             param("enddate", "date", "end date range to archive events (including) this date \(dateHelp)")],
             ["success", "displaytext"], ArchiveHandlers.archiveEvents),
        APICatalog.spec("deleteEvents", "deleteeventsresponse", user: true, cls: "org.apache.cloudstack.api.command.user.event.DeleteEventsCmd",
             "Delete one or more events.", [param("ids", "list", "the IDs of the events"), param("type", "delete by event type"),
                                            param("startdate", "date", "start date range to delete events (including) this date \(dateHelp)"),
                                            param("enddate", "date", "end date range to delete events (including) this date \(dateHelp)")],
             ["success", "displaytext"], ArchiveHandlers.deleteEvents),
    ]

    private static let identity: [APICommandSpec] = [
        APICatalog.spec("listDomains", "listdomainsresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.admin.domain.ListDomainsCmd",
             "Lists domains and provides detailed information for listed domains",
             [param("id", "uuid", "List domain by domain ID."), param("name", "List domain by domain name."),
              param("level", "integer", "List domains by domain level."),
              param("listall", "boolean", "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false"),
              param("details", "list", "comma separated list of domain details requested, value can be a list of [ all, resource, min]")],
             DomainHandlers.fields, DomainHandlers.list),
        APICatalog.spec("listDomainChildren", "listdomainchildrenresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.domain.ListDomainChildrenCmd",
             "Lists all children domains belonging to a specified domain",
             [param("id", "uuid", "list children domain by parent domain ID."), param("name", "list children domains by name"),
              param("isrecursive", "boolean", "to return the entire tree, use the value \"true\". To return the first level children, use the value \"false\"."),
              param("listall", "boolean", "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false")],
             DomainHandlers.fields, DomainHandlers.children),
        APICatalog.spec("enableAccount", "enableaccountresponse", cls: "org.apache.cloudstack.api.command.admin.account.EnableAccountCmd",
             "Enables an account", accountParams, accountFields, AccountStateHandlers.enable),
        APICatalog.spec("disableAccount", "disableaccountresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.account.DisableAccountCmd",
             "Disables an account", accountParams + [param("lock", "boolean", required: true, "If true, only lock the Account; else disable the Account")],
             accountFields, AccountStateHandlers.disable),
        APICatalog.spec("deleteAccount", "deleteaccountresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.account.DeleteAccountCmd",
             "Deletes a account, and all users associated with this account", [param("id", "uuid", required: true, "Account id")],
             ["success", "displaytext"], AccountStateHandlers.delete),
        APICatalog.spec("enableUser", "enableuserresponse", cls: "org.apache.cloudstack.api.command.admin.user.EnableUserCmd",
             "Enables a user account", [param("id", "uuid", required: true, "Enables user by user ID.")], userFields, UserStateHandlers.enable),
        APICatalog.spec("disableUser", "disableuserresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.user.DisableUserCmd",
             "Disables a user account", [param("id", "uuid", required: true, "Disables user by user ID.")], userFields, UserStateHandlers.disable),
        APICatalog.spec("deleteUser", "deleteuserresponse", cls: "org.apache.cloudstack.api.command.admin.user.DeleteUserCmd",
             "Deletes a user for an account", [param("id", "uuid", required: true, "id of the user to be deleted")], ["success", "displaytext"],
             UserStateHandlers.delete),
        APICatalog.spec("registerUserKeys", "registeruserkeysresponse", user: true, cls: "org.apache.cloudstack.api.command.admin.user.RegisterCmd",
             "This command allows a user to register for the developer API, returning a secret key and an API key.",
             [param("id", "uuid", required: true, "User id")], ["apikey", "secretkey"], UserKeyHandlers.register),
        APICatalog.spec("getUserKeys", "getuserkeysresponse", user: true, cls: "org.apache.cloudstack.api.command.admin.user.GetUserKeysCmd", since: "4.10.0",
             "This command allows the user to query the seceret and API keys for the account",
             [param("id", "uuid", required: true, "ID of the user whose keys are required")], ["apikey", "secretkey", "apikeyaccess"], UserKeyHandlers.get),
        APICatalog.spec("listRoles", "listrolesresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.acl.ListRolesCmd", since: "4.9.0",
             "Lists dynamic roles in CloudStack", [param("id", "uuid", "List role by role ID."), param("name", "List role by role name."),
                                                   param("type", "List role by role type, valid options are: Admin, ResourceAdmin, DomainAdmin, User.")],
             RoleHandlers.fields, RoleHandlers.list),
        APICatalog.spec("listServiceOfferings", "listserviceofferingsresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.user.offering.ListServiceOfferingsCmd", "Lists all available service offerings.",
             [param("id", "uuid", "ID of the service offering"), param("name", "name of the service offering"),
              param("issystem", "boolean", "is this a system vm offering"),
              param("systemvmtype", "the system VM type. Possible types are \"consoleproxy\", \"secondarystoragevm\" or \"domainrouter\"."),
              param("virtualmachineid", "uuid", "the ID of the virtual machine. Pass this in if you want to see the available service offering that a virtual machine can be changed to.")],
             ServiceOfferingHandlers.fields, ServiceOfferingHandlers.list),
    ]

    static let accountParams = [param("id", "uuid", "Account id"), param("account", "Account name"),
                                param("domainid", "uuid", "Domain ID of the account")]
    static let accountFields = ["id", "name", "accounttype", "roletype", "rolename", "domain", "domainid", "domainpath", "state", "vmtotal",
                                "vmrunning", "vmstopped", "receivedbytes", "sentbytes", "vmlimit", "volumetotal", "volumelimit", "snapshottotal", "snapshotlimit", "networktotal", "networklimit", "iptotal", "iplimit"]
    static let userFields = ["id", "username", "state", "account", "accountid", "domain", "domainid", "roletype", "apikey"]

    private static let settings: [APICommandSpec] = [
        APICatalog.spec("listConfigurations", "listconfigurationsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.config.ListCfgsByCmd",
             "Lists all configurations.", [param("category", "lists configurations by category"), param("name", "lists configuration by name")]
                 + scopeParams("the parameter value for corresponding"),
             ConfigurationHandlers.fields, ConfigurationHandlers.list),
        APICatalog.spec("updateConfiguration", "updateconfigurationresponse", cls: "org.apache.cloudstack.api.command.admin.config.UpdateCfgCmd",
             "Updates a configuration.", [param("name", required: true, "the name of the configuration"), param("value", "the value of the configuration")]
                 + scopeParams("to update the parameter value for corresponding"),
             ConfigurationHandlers.fields, ConfigurationHandlers.update),
    ]

    private static func scopeParams(_ what: String) -> [APIParam] {
        [param("zoneid", "uuid", "the ID of the Zone \(what) zone"), param("clusterid", "uuid", "the ID of the Cluster \(what) cluster"),
         param("storageid", "uuid", "the ID of the Storage pool \(what) storage pool"), param("accountid", "uuid", "the ID of the Account \(what) account"),
         param("domainid", "uuid", "the ID of the Domain \(what) domain"), param("imagestoreuuid", "uuid", "the ID of the Image Store \(what) image store")]
    }
}
