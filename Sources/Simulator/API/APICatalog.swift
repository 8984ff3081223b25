/// Every command the simulator serves, with the response names and parameters of the real server.
enum APICatalog {
    static let pagingParams = [param("keyword", "List by keyword"), param("page", "integer", "the page number, starting with 1"),
                               param("pagesize", "integer", "the number of entries per page, at most 500")]
    static let accountScopeParams = [param("account", "list resources by account. Must be used with the domainId parameter."),
                                     param("domainid", "uuid", "list only resources belonging to the domain specified"),
                                     param("isrecursive", "boolean", "defaults to false, but if true, lists all resources from the parent specified by the domainId till leaves."),
                                     param("listall", "boolean", "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false")]

    /// Every command: the core ones below, then each area's own catalog (one file per area, so areas grow apart).
    static let all: [APICommandSpec] = core + NetworkCatalog.commands + AdminCatalog.commands + VolumeCatalog.commands + ComputeCatalog.commands

    static let core: [APICommandSpec] = [
        // Discovery and accounts.
        spec("listApis", "listapisresponse", user: true, cls: "org.apache.cloudstack.api.command.user.discovery.ListApisCmd", since: "4.1.0",
             "lists all available apis on the server, provided by the Api Discovery plugin",
             [param("name", "API name")], ["name", "description", "isasync", "related", "since", "type", "params", "response"], AccountHandlers.listApis),
        spec("listCapabilities", "listcapabilitiesresponse", user: true, cls: "org.apache.cloudstack.api.command.user.config.ListCapabilitiesCmd",
             "Lists capabilities", [], ["cloudstackversion", "apilimitinterval", "apilimitmax", "defaultuipagesize"], AccountHandlers.listCapabilities),
        spec("listUsers", "listusersresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.admin.user.ListUsersCmd",
             "Lists user accounts", [param("id", "uuid", "List user by ID."), param("username", "List user by the username"),
                                     param("accounttype", "integer", "List users by account type."),
                                     param("state", "List users by state of the user account.")] + accountScopeParams,
             ["id", "username", "firstname", "lastname", "email", "account", "accountid", "accounttype", "roleid", "roletype", "rolename", "domain", "domainid", "state", "created", "apikey"],
             AccountHandlers.listUsers),
        spec("listAccounts", "listaccountsresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.admin.account.ListAccountsCmdByAdmin",
             "Lists accounts and provides detailed account information for listed accounts",
             [param("id", "uuid", "list account by account ID"), param("name", "list account by account name"),
              param("state", "list accounts by state. Valid states are enabled, disabled, and locked."),
              param("accounttype", "integer", "list accounts by account type.")] + accountScopeParams,
             ["id", "name", "accounttype", "roleid", "roletype", "rolename", "domain", "domainid", "domainpath", "state", "vmtotal", "vmrunning",
              "vmstopped", "receivedbytes", "sentbytes"],
             AccountHandlers.listAccounts),

        // Infrastructure.
        spec("listZones", "listzonesresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.admin.zone.ListZonesCmdByAdmin",
             "Lists zones", [param("id", "uuid", "the ID of the zone"), param("name", "the name of the zone"), param("available", "boolean", "true if you want to retrieve all available Zones.")],
             ["id", "name", "networktype", "allocationstate", "dns1", "internaldns1", "guestcidraddress", "localstorageenabled", "securitygroupsenabled"],
             InfrastructureHandlers.listZones),
        spec("listPods", "listpodsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.pod.ListPodsByCmd",
             "Lists all Pods.", [param("id", "uuid", "list Pods by ID"), param("name", "list Pods by name"), param("zoneid", "uuid", "list Pods by Zone ID"),
                                  param("allocationstate", "list pods by allocation state")],
             ["id", "name", "zoneid", "zonename", "gateway", "netmask", "startip", "endip", "allocationstate"], InfrastructureHandlers.listPods),
        spec("listClusters", "listclustersresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.cluster.ListClustersCmd",
             "Lists clusters.", [param("id", "uuid", "lists clusters by the cluster ID"), param("name", "lists clusters by the cluster name"),
                                 param("podid", "uuid", "lists clusters by Pod ID"), param("zoneid", "uuid", "lists clusters by Zone ID"),
                                 param("hypervisor", "lists clusters by hypervisor type"), param("allocationstate", "lists clusters by allocation state"),
                                 param("managedstate", "whether this cluster is managed by cloudstack")],
             ["id", "name", "podid", "podname", "zoneid", "zonename", "hypervisortype", "clustertype", "allocationstate", "managedstate"], InfrastructureHandlers.listClusters),
        spec("listHosts", "listhostsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.host.ListHostsCmd",
             "Lists hosts.", [param("id", "uuid", "the id of the host"), param("name", "the name of the host"), param("zoneid", "uuid", "the Zone ID for the host"),
                              param("podid", "uuid", "the Pod ID for the host"), param("clusterid", "uuid", "lists hosts existing in particular cluster"),
                              param("state", "the state of the host"), param("type", "the host type"), param("resourcestate", "list hosts by resource state")],
             ["id", "name", "state", "resourcestate", "type", "ipaddress", "zoneid", "zonename", "podid", "podname", "clusterid", "clustername", "hypervisor",
              "cpusockets", "cpunumber", "cpuspeed", "cpuallocated", "cpuused", "memorytotal", "memoryallocated", "memoryused", "created", "lastpinged"],
             InfrastructureHandlers.listHosts),

        // Virtual machines.
        spec("listVirtualMachines", "listvirtualmachinesresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.admin.vm.ListVMsCmdByAdmin",
             "List the virtual machines owned by the account.",
             [param("id", "uuid", "the ID of the virtual machine"), param("ids", "list", "the IDs of the virtual machines, mutually exclusive with id"),
              param("name", "name of the virtual machine (a substring match)"), param("state", "state of the virtual machine"),
              param("zoneid", "uuid", "the availability zone ID"), param("hostid", "uuid", "the host ID"), param("podid", "uuid", "the pod ID"),
              param("clusterid", "uuid", "the cluster ID"), param("storageid", "uuid", "the storage ID where vm's volumes belong to"),
              param("templateid", "uuid", "list vms by template"), param("serviceofferingid", "uuid", "list by the service offering"),
              param("networkid", "uuid", "list by network id"),
              param("details", "list", "comma separated list of vm details requested, value can be a list of [all, group, nics, stats, secgrp, tmpl, servoff, diskoff, backoff, iso, volume, min, affgrp]."),
              param("haenable", "boolean", "list by the High Availability offering; true if filtering VMs with HA enabled; false for VMs with HA disabled"),
              param("isoid", "uuid", "list vms by iso"), param("keypair", "list vms by ssh keypair name"),
              param("affinitygroupid", "uuid", "list vms by affinity group"), param("groupid", "uuid", "the group ID")] + accountScopeParams,
             VirtualMachineHandlers.fields, VirtualMachineHandlers.list),
        vmAction("startVirtualMachine", "org.apache.cloudstack.api.command.admin.vm.StartVMCmdByAdmin", "Starts a virtual machine.",
                 [param("hostid", "uuid", "destination Host ID to deploy the VM to - parameter available for root admin only")], VirtualMachineHandlers.start),
        vmAction("stopVirtualMachine", "org.apache.cloudstack.api.command.admin.vm.StopVMCmdByAdmin", "Stops a virtual machine.",
                 [param("forced", "boolean", "Force stop the VM (vm is marked as Stopped even when command fails to be send to the backend, otherwise a force poweroff is attempted). The caller knows the VM is stopped.")],
                 VirtualMachineHandlers.stop),
        vmAction("rebootVirtualMachine", "org.apache.cloudstack.api.command.admin.vm.RebootVMCmdByAdmin", "Reboots a virtual machine.",
                 [param("forced", "boolean", "Force reboot the VM (VM is Stopped and then Started)")], VirtualMachineHandlers.reboot),
        vmAction("destroyVirtualMachine", "org.apache.cloudstack.api.command.admin.vm.DestroyVMCmdByAdmin", "Destroys a virtual machine.",
                 [param("expunge", "boolean", "If true is passed, the vm is expunged immediately. False by default."),
                  param("volumeids", "list", "Comma separated list of UUIDs for volumes that will be deleted")], VirtualMachineHandlers.destroy),

        // Async jobs.
        spec("queryAsyncJobResult", "queryasyncjobresultresponse", user: true, cls: "org.apache.cloudstack.api.command.user.job.QueryAsyncJobResultCmd",
             "Retrieves the current status of asynchronous job.", [param("jobid", "uuid", required: true, "the ID of the asynchronous job")],
             JobHandlers.fields, JobHandlers.query),
        spec("listAsyncJobs", "listasyncjobsresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.user.job.ListAsyncJobsCmd",
             "Lists all pending asynchronous jobs for the account.", [param("startdate", "date", "The start date of the async job (use format \"yyyy-MM-dd'T'HH:mm:ss'+'SSSS\")"),
                                                                    param("resourceid", "uuid", "the id of the resource"), param("resourcetype", "the type of the resource")] + accountScopeParams,
             JobHandlers.fields, JobHandlers.list),

        // Primary storage.
        spec("listStoragePools", "liststoragepoolsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.storage.ListStoragePoolsCmd",
             "Lists storage pools.", [param("id", "uuid", "the ID of the storage pool"), param("name", "the name of the storage pool"),
                                      param("zoneid", "uuid", "the Zone ID for the storage pool"), param("podid", "uuid", "the Pod ID for the storage pool"),
                                      param("clusterid", "uuid", "list storage pools belongig to the specific cluster"), param("ipaddress", "the IP address for the storage pool"),
                                      param("path", "the storage pool path"), param("scope", "the scope of the storage pool"), param("status", "the status of the storage pool")],
             StorageHandlers.poolFields, StorageHandlers.listPools),
        spec("createStoragePool", "createstoragepoolresponse", cls: "org.apache.cloudstack.api.command.admin.storage.CreateStoragePoolCmd",
             "Creates a storage pool.", [param("name", required: true, "the name for the storage pool"), param("url", required: true, "the URL of the storage pool"),
                                         param("zoneid", "uuid", required: true, "the Zone ID for the storage pool"), param("podid", "uuid", "the Pod ID for the storage pool"),
                                         param("clusterid", "uuid", "the cluster ID for the storage pool"), param("scope", "the scope of the storage: cluster or zone"),
                                         param("provider", "the storage provider name"), param("tags", "the tags for the storage pool"),
                                         param("hypervisor", "hypervisor type of the hosts in zone that will be attached to this storage pool. KVM, VMware supported as of now."),
                                         param("details", "map", "the details for the storage pool"), param("managed", "boolean", "whether the storage should be managed by CloudStack"),
                                         param("capacitybytes", "long", "bytes CloudStack can provision from this storage pool"),
                                         param("capacityiops", "long", "IOPS CloudStack can provision from this storage pool")],
             StorageHandlers.poolFields, StorageHandlers.createPool),
        spec("updateStoragePool", "updatestoragepoolresponse", cls: "org.apache.cloudstack.api.command.admin.storage.UpdateStoragePoolCmd",
             "Updates a storage pool.", [param("id", "uuid", required: true, "the Id of the storage pool"), param("name", "Change the name of the storage pool"),
                                         param("tags", "list", "comma-separated list of tags for the storage pool"), param("capacitybytes", "long", "bytes CloudStack can provision from this storage pool"),
                                         param("capacityiops", "long", "IOPS CloudStack can provision from this storage pool"),
                                         param("enabled", "boolean", "false to disable the pool for allocation of new volumes, true to enable it back.")],
             StorageHandlers.poolFields, StorageHandlers.updatePool),
        spec("deleteStoragePool", "deletestoragepoolresponse", cls: "org.apache.cloudstack.api.command.admin.storage.DeletePoolCmd",
             "Deletes a storage pool.", [param("id", "uuid", required: true, "Storage pool id"),
                                         param("forced", "boolean", "Force destroy storage pool (force expunge volumes in Destroyed state as a part of pool removal)")],
             ["success", "displaytext"], StorageHandlers.deletePool),
        spec("enableStorageMaintenance", "prepareprimarystorageformaintenanceresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.storage.PreparePrimaryStorageForMaintenanceCmd",
             "Puts storage pool into maintenance state", [param("id", "uuid", required: true, "Primary storage ID")], StorageHandlers.poolFields, StorageHandlers.enableMaintenance),
        spec("cancelStorageMaintenance", "cancelprimarystoragemaintenanceresponse", async: true, cls: "org.apache.cloudstack.api.command.admin.storage.CancelPrimaryStorageMaintenanceCmd",
             "Cancels maintenance for primary storage", [param("id", "uuid", required: true, "the primary storage ID")], StorageHandlers.poolFields, StorageHandlers.cancelMaintenance),
        spec("listStorageProviders", "liststorageprovidersresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.storage.ListStorageProvidersCmd",
             "Lists storage providers.", [param("type", required: true, "the type of storage provider: either primary or image")], ["name", "type"], StorageHandlers.listProviders),

        spec("listStorageTags", "liststoragetagsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.storage.ListStorageTagsCmd",
             "Lists storage tags", [], ["id", "name", "poolid", "poolname"], StorageHandlers.listTags),

        // Secondary storage.
        spec("listImageStores", "listimagestoresresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.storage.ListImageStoresCmd",
             "Lists image stores.", [param("id", "uuid", "the ID of the storage pool"), param("name", "the name of the image store"), param("protocol", "the image store protocol"),
                                     param("provider", "the image store provider"), param("zoneid", "uuid", "the Zone ID for the image store"),
                                     param("readonly", "boolean", "read-only status of the image store")],
             ImageStoreHandlers.fields, ImageStoreHandlers.list),
        spec("addImageStore", "addimagestoreresponse", cls: "org.apache.cloudstack.api.command.admin.storage.AddImageStoreCmd",
             "Adds backup image store.", [param("provider", required: true, "the image store provider name"), param("name", "the name for the image store"),
                                          param("url", "the URL for the image store"), param("zoneid", "uuid", "the Zone ID for the image store"),
                                          param("details", "map", "the details for the image store. Example: details[0].key=accesskey&details[0].value=s389ddssaa&details[1].key=secretkey&details[1].value=8dshfsss")],
             ImageStoreHandlers.fields, ImageStoreHandlers.add),
        spec("addImageStoreS3", "addImageStoreS3Response", cls: "org.apache.cloudstack.api.command.admin.storage.AddImageStoreS3CMD", since: "4.7.0",
             "Adds S3 Image Store", [param("accesskey", required: true, "S3 access key"), param("secretkey", required: true, "S3 secret key"),
                                     param("endpoint", required: true, "S3 endpoint"), param("bucket", required: true, "Name of the storage bucket"),
                                     param("s3signer", "Signer Algorithm to use, either S3SignerType or AWSS3V4SignerType"), param("usehttps", "boolean", "Use HTTPS instead of HTTP"),
                                     param("connectiontimeout", "integer", "Connection timeout (milliseconds)"), param("maxerrorretry", "integer", "Maximum number of times to retry on error"),
                                     param("sockettimeout", "integer", "Socket timeout (milliseconds)"), param("connectionttl", "integer", "Connection TTL (milliseconds)"),
                                     param("usetcpkeepalive", "boolean", "Whether TCP keep-alive is used")],
             ImageStoreHandlers.fields, ImageStoreHandlers.addS3),
        spec("deleteImageStore", "deleteimagestoreresponse", cls: "org.apache.cloudstack.api.command.admin.storage.DeleteImageStoreCmd", "Deletes an image store or Secondary Storage.",
             [param("id", "uuid", required: true, "The image store ID or Secondary Storage ID.")], ["success", "displaytext"], ImageStoreHandlers.delete),
        spec("createSecondaryStagingStore", "createsecondarystagingstoreresponse", cls: "org.apache.cloudstack.api.command.admin.storage.CreateSecondaryStagingStoreCmd",
             "create secondary staging store.", [param("url", required: true, "the URL for the staging store"), param("zoneid", "uuid", "the Zone ID for the staging store"),
                                                 param("details", "map", "the details for the staging store"), param("scope", "the scope of the staging store: zone only for now"),
                                                 param("provider", "the staging store provider name")],
             ImageStoreHandlers.fields, ImageStoreHandlers.createStaging),
        spec("listSecondaryStagingStores", "listsecondarystagingstoreresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.storage.ListSecondaryStagingStoresCmd",
             "Lists secondary staging stores.", [param("id", "uuid", "the ID of the staging store"), param("name", "the name of the staging store"),
                                                 param("protocol", "the staging store protocol"), param("provider", "the staging store provider"),
                                                 param("zoneid", "uuid", "the Zone ID for the staging store")],
             ImageStoreHandlers.fields, ImageStoreHandlers.listStaging),
        spec("deleteSecondaryStagingStore", "deletesecondarystagingstoreresponse", cls: "org.apache.cloudstack.api.command.admin.storage.DeleteSecondaryStagingStoreCmd",
             "Deletes a secondary staging store .", [param("id", "uuid", required: true, "the staging store ID")], ["success", "displaytext"], ImageStoreHandlers.deleteStaging),

        // VM snapshots.
        spec("createVMSnapshot", "createvmsnapshotresponse", user: true, async: true, cls: "org.apache.cloudstack.api.command.user.vmsnapshot.CreateVMSnapshotCmd",
             "Creates snapshot for a vm.", [param("virtualmachineid", "uuid", required: true, "The ID of the vm"), param("name", "The display name of the snapshot"),
                                            param("description", "The description of the snapshot"), param("snapshotmemory", "boolean", "snapshot memory if true"),
                                            param("quiescevm", "boolean", "quiesce vm if true")],
             VMSnapshotHandlers.fields, VMSnapshotHandlers.create),
        spec("listVMSnapshot", "listvmsnapshotresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.user.vmsnapshot.ListVMSnapshotCmd",
             "List virtual machine snapshot by conditions", [param("vmsnapshotid", "uuid", "The ID of the VM snapshot"),
                                                             param("vmsnapshotids", "list", "the IDs of the vm snapshots, mutually exclusive with vmsnapshotid"), param("state", "state of the virtual machine snapshot"),
                                                             param("virtualmachineid", "uuid", "the ID of the vm"), param("name", "lists snapshot by snapshot name or display name")] + accountScopeParams,
             VMSnapshotHandlers.fields, VMSnapshotHandlers.list),
        spec("revertToVMSnapshot", "reverttovmsnapshotresponse", user: true, async: true, cls: "org.apache.cloudstack.api.command.user.vmsnapshot.RevertToVMSnapshotCmd",
             "Revert VM from a vmsnapshot.", [param("vmsnapshotid", "uuid", required: true, "The ID of the vm snapshot")], VirtualMachineHandlers.fields, VMSnapshotHandlers.revert),
        spec("deleteVMSnapshot", "deletevmsnapshotresponse", user: true, async: true, cls: "org.apache.cloudstack.api.command.user.vmsnapshot.DeleteVMSnapshotCmd",
             "Deletes a vmsnapshot.", [param("vmsnapshotid", "uuid", required: true, "The ID of the VM snapshot")], ["success", "displaytext"], VMSnapshotHandlers.delete),

        // Dashboard.
        spec("listEvents", "listeventsresponse", user: true, list: true, cls: "org.apache.cloudstack.api.command.user.event.ListEventsCmd",
             "A command to list events.", [param("id", "uuid", "the ID of the event"), param("type", "the event type (see event types)"), param("level", "the event level (INFO, WARN, ERROR)"),
                                           param("startdate", "date", "the start date range of the list you want to retrieve (use format \"yyyy-MM-dd\" or the new format \"yyyy-MM-dd HH:mm:ss\")"),
                                           param("enddate", "date", "the end date range of the list you want to retrieve (use format \"yyyy-MM-dd\" or the new format \"yyyy-MM-dd HH:mm:ss\")"),
                                           param("resourceid", "The ID of the resource associated with the event"),
                                           param("resourcetype", "The type of the resource associated with the event"),
                                           param("archived", "boolean", "True to list archived events otherwise false")] + accountScopeParams,
             ["id", "type", "level", "description", "username", "account", "domainid", "domain", "resourceid", "resourcetype", "created", "state"],
             InfrastructureHandlers.listEvents),
        spec("listAlerts", "listalertsresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.resource.ListAlertsCmd",
             "Lists all alerts.", [param("id", "uuid", "the ID of the alert"), param("type", "list by alert type"), param("name", "list by alert name")],
             ["id", "type", "name", "description", "sent"], InfrastructureHandlers.listAlerts),
        spec("listCapacity", "listcapacityresponse", list: true, cls: "org.apache.cloudstack.api.command.admin.resource.ListCapacityCmd",
             "Lists all the system wide capacities.", [param("zoneid", "uuid", "lists capacity by the Zone ID"), param("podid", "uuid", "lists capacity by the Pod ID"),
                                                       param("clusterid", "uuid", "lists capacity by the Cluster ID"), param("type", "integer", "lists capacity by type"),
                                                       param("fetchlatest", "boolean", "recalculate capacities and fetch the latest"),
                                                       param("sortby", "Sort the results. Available values: Usage")],
             ["type", "name", "zoneid", "zonename", "podid", "podname", "clusterid", "clustername", "capacitytotal", "capacityused", "capacityallocated", "percentused"],
             InfrastructureHandlers.listCapacity),
    ]

    static let byName: [String: APICommandSpec] = {
        var d: [String: APICommandSpec] = [:]
        for s in all { d[s.name.lowercased()] = s }
        return d
    }()

    static func lookup(_ command: String) -> APICommandSpec? { byName[command.lowercased()] }

    static func spec(_ name: String, _ responseName: String, user: Bool = false, async: Bool = false, list: Bool = false, cls: String,
                             since: String = "", _ description: String, _ params: [APIParam], _ fields: [String], _ handler: @escaping Handler) -> APICommandSpec {
        APICommandSpec(name: name, description: description, responseName: responseName, isAsync: async, adminOnly: !user,
                       params: params + (list ? pagingParams : []), responseFields: fields, javaClass: cls, since: since, isList: list, handler: handler)
    }

    static func vmAction(_ name: String, _ cls: String, _ description: String, _ extra: [APIParam], _ handler: @escaping Handler) -> APICommandSpec {
        spec(name, name.lowercased() + "response", user: true, async: true, cls: cls, description,
             [param("id", "uuid", required: true, "The ID of the virtual machine")] + extra, VirtualMachineHandlers.fields, handler)
    }
}
