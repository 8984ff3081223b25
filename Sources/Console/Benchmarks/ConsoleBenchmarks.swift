import CloudStack
import Foundation
import PluginKit
import StorageForms
import TUI

/// Measurements of the console's own work, for the ConsoleBench target (never run by tests).
public enum ConsoleBenchmarks {
    /// Mean time of one cursor key (update, full render into the screen model, diff against the previous
    /// screen: everything but the terminal write) on Instances with `rows` rows, and the cells that changed.
    /// `scrolling` false keeps the cursor inside the visible rows (10 down, 10 up); true moves it past the bottom
    /// so every key also scrolls the table.
    public static func cursorKey(rows: Int, keys: Int = 2000, width: Int = 80, height: Int = 24, scrolling: Bool = false) throws -> (seconds: Double, changedCells: Int) {
        var s = try state(rows: rows, width: width, height: height)
        var previous = Renderer.render(s)
        var changed = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for i in 0..<keys {
            let period = scrolling ? 200 : 20
            _ = Update.apply(.input(.key(i % period < period / 2 ? .down : .up)), to: &s)
            let screen = Renderer.render(s)
            changed += screen.diff(from: previous).count
            previous = screen
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (elapsed / Double(keys), changed / keys)
    }

    /// Mean time of one filter keystroke (typing "web-dev-1" one character at a time, then clearing) with `rows` rows.
    public static func filterKeystroke(rows: Int, rounds: Int = 20) throws -> Double {
        var s = try state(rows: rows, width: 80, height: 24)
        let text = "web-dev-1"
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds {
            _ = Update.apply(.input(.key(.char("/"))), to: &s)
            for c in text {
                _ = Update.apply(.input(.key(.char(c))), to: &s)
                _ = Renderer.render(s)
            }
            _ = Update.apply(.input(.key(.escape)), to: &s)
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return elapsed / Double(rounds * (text.count + 2))
    }

    /// Mean time of one key in the Add Primary Storage dialog (update + render), options already loaded: typing into a
    /// text field, and changing the protocol select (which recomputes the fields from the forms catalog).
    public static func storageDialogKeys(rounds: Int = 200) throws -> (typing: Double, choosing: Double) {
        var s = try state(rows: 10, width: 80, height: 24)
        var d = StorageDialog(id: 1, kind: .primary, availableAPIs: [])
        d.options[OptionRequest(source: .providers, parent: nil, kind: .primary).key] = ["DefaultPrimary", "PowerFlex", "Linstor"].map {
            FieldOption(value: $0, label: $0)
        }
        d.options[OptionRequest(source: .zones, parent: nil, kind: .primary).key] = [FieldOption(value: "z1", label: "zone-1")]
        d.options[OptionRequest(source: .pods, parent: "z1", kind: .primary).key] = [FieldOption(value: "p1", label: "pod-1")]
        d.options[OptionRequest(source: .clusters, parent: "p1", kind: .primary).key] = [FieldOption(value: "c1", label: "cluster-1 (KVM)")]
        d.options[OptionRequest(source: .storageTags, parent: nil, kind: .primary).key] = []
        d.clusterHypervisors = ["c1": "KVM"]
        _ = d.rebuild(s.storageForms)
        d.form.focus(on: "name")
        s.overlay = .storage(d)
        func time(_ keys: [Key]) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<rounds {
                for k in keys {
                    _ = Update.apply(.input(.key(k)), to: &s)
                    _ = Renderer.render(s)
                }
            }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(rounds * keys.count)
        }
        let typing = time([.char("p"), .char("s"), .backspace, .backspace])
        if case .storage(var dialog)? = s.overlay {
            dialog.form.focus(on: "protocol")
            s.overlay = .storage(dialog)
        }
        let choosing = time([.right])
        return (typing, choosing)
    }

    static func state(rows: Int, width: Int, height: Int) throws -> AppState {
        let client = try CloudStackClient(configuration: ClientConfiguration(endpoint: "http://127.0.0.1:9/client/api", credentials: .apiKey(key: "k", secret: "s")))
        var s = AppState(width: width, height: height, profileName: "bench", endpointHost: "127.0.0.1", readOnly: false, theme: .builtIn, api: ConsoleAPI(client: client))
        s.user = UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin")
        _ = Update.open(InstancesSection.id, &s)
        let names = ["web", "db", "cache", "mq", "etl"], envs = ["prod", "dev", "stage"], states = ["Running", "Running", "Stopped"]
        let items = (0..<rows).map { i in
            Row(id: "vm-\(i)", fields: JSONObject([
                ("id", .string("vm-\(i)")), ("name", .string("\(names[i % 5])-\(envs[i % 3])-\(i)")), ("state", .string(states[i % 3])),
                ("zonename", "zone-ams1"), ("hostname", .string("kvm-ams1-\(i % 500)")),
                ("nic", .array([.object(JSONObject([("ipaddress", .string("10.1.\(i / 250 % 250).\(i % 250)"))]))])),
                ("serviceofferingname", "Medium Instance"), ("account", "admin"), ("created", "2025-05-16T09:10:00+0000"),
            ]))
        }
        s.pageSize = max(1, rows)
        let generation = s.lists[InstancesSection.id]?.generation ?? 0
        _ = Update.apply(.pageLoaded(view: InstancesSection.id, generation: generation, page: 1, DataPage(rows: items, total: rows)), to: &s)
        return s
    }
}
