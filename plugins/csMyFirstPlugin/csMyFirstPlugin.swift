import PluginKit

public struct CSMyFirstPlugin: ConsolePlugin {
    public init() {}

    public let id = "csMyFirstPlugin"

    // Shown to root admins only (the web UI's isAdmin()).
    public func preFilter(_ context: PluginContext) -> Bool { context.user.isRootAdmin }

    public var content: PluginContent {
        .listView(ListViewDefinition(
            id: "testPluginInstances",
            title: "My Plugin",
            fields: [
                ListField("name", "Name"),
                ListField("instancename", "Instance name"),
                ListField("displayname", "Display name"),
                ListField("zonename", "Zone name"),
            ],
            // As the tutorial says: no parameters, so the signed-in user's own VMs.
            dataProvider: .api("listVirtualMachines"),
            actions: [
                RowAction(
                    id: "restart", label: "Restart VM", key: "R",
                    requiredAPIs: ["rebootVirtualMachine"],
                    confirm: { _ in "Are you sure you want to restart this VM?" },
                    notification: { _ in "Rebooted VM" },
                    // Offered only for running VMs: rebooting a stopped one can only fail.
                    isAvailable: { row, _ in row["state"] == "Running" },
                    perform: { context in
                        // The selected row, keyed by the list view's id (args.context.testPluginInstances[0]).
                        guard let row = context.row("testPluginInstances") else {
                            return .completed(message: "No VM is selected")
                        }
                        let response = try await context.api.call("rebootVirtualMachine", [("id", row.id)])
                        // An async job: hand its id back and the console polls it and updates the notification.
                        guard let jobID = response.jobID else { return .completed(message: nil) }
                        return .asyncJob(jobID: jobID)
                    })
            ]))
    }
}

