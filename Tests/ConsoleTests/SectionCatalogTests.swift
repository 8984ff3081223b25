import Foundation
import PluginKit
import Synchronization
import Testing
import TUI
@testable import CloudStack
@testable import Console
@testable import TestSupport

/// The built-in sections as a whole (Sources/Console/Sections): every drill-down leads somewhere, every key runs one
/// action, every view can be reached, the columns an operator needs fit at 80x24, and the actions plan the calls the
/// web UI sends.
@Suite("Section catalog")
struct SectionCatalogTests {
    static let views = BuiltInSections.views

    @Test("every related view names a view that exists and whose rows the server narrows, so its digit opens it")
    func relatedViewsExist() throws {
        #expect(BuiltInSections.problems == [])
        for view in Self.views {
            for r in view.related {
                let target = Self.views.first { $0.id == r.view }
                #expect(target != nil, "\(view.id): related '\(r.label)' names '\(r.view)', which is no view")
                if let target {
                    #expect(ListViewDefinition(target).dataProvider.narrows, "\(view.id) → \(r.view): rows that cannot be narrowed")
                }
            }
            #expect(view.related.count <= 9, "\(view.id): more related views than digits")
        }
    }

    /// Two actions may share a key only for rows of different kinds (Delete of an image or a staging store): some
    /// row field they both judge by has values for one that the other never takes.
    static func exclusive(_ a: ActionSpec, _ b: ActionSpec) -> Bool {
        // Offered to different role types (Destroy with expunge for admins): no user meets both.
        if let x = a.roles, let y = b.roles, Set(x).isDisjoint(with: y) { return true }
        if a.stateField == b.stateField {
            if let x = a.states, let y = b.states, Set(x).isDisjoint(with: y) { return true }
            if let x = a.states, Set(x).isSubset(of: b.hiddenStates) { return true }
            if let y = b.states, Set(y).isSubset(of: a.hiddenStates) { return true }
        }
        for (field, values) in a.show {
            if let other = b.show[field], Set(values).isDisjoint(with: other) { return true }
        }
        return false
    }

    @Test("within a view each key runs one action: keys shared only by actions for rows of different kinds")
    func keysAreUnambiguous() {
        var shared = 0
        for view in Self.views {
            let keyed = view.actions.filter { $0.key != nil }
            for (i, a) in keyed.enumerated() {
                for b in keyed[(i + 1)...] where a.key == b.key {
                    shared += 1
                    #expect(Self.exclusive(a, b), "\(view.id): '\(a.key.map(String.init) ?? "")' runs both \(a.id) and \(b.id) for the same rows")
                }
                if let k = a.key { #expect(ReservedKeys.problem(k) == nil, "\(view.id).\(a.id): \(k) is the console's key") }
            }
            #expect(Set(view.actions.map(\.id)).count == view.actions.count, "\(view.id): action ids repeat")
        }
        #expect(shared > 0, "the check met actions that share a key (volumes' Delete by state)")
    }

    @Test("every view is reached from the navbar, directly or by drill-down")
    func everyViewReachable() {
        var reached = Set(Self.views.filter { $0.navbar != nil }.map(\.id))
        var grew = true
        while grew {
            let next = reached.union(Self.views.filter { reached.contains($0.id) }.flatMap { $0.related.map(\.view) })
            grew = next.count > reached.count
            reached = next
        }
        let unreached = Self.views.map(\.id).filter { !reached.contains($0) }
        #expect(unreached.isEmpty, "no way to these views: \(unreached)")
        // The hidden ones are there, and only by drill-down.
        for id in ["nics", "security-group-rules", "port-forwarding-rules", "firewall-rules", "load-balancer-rules", "egress-rules"] {
            #expect(BuiltInSections.view(id)?.navbar == nil, "\(id) is reached by drill-down only")
        }
    }

    @Test("the navbar has the new groups in order, each with its sections, and no group shares a view's id")
    func navbarGroups() {
        let groups = Set(Self.views.compactMap { $0.navbar?.group })
        let clashes = Self.views.map(\.id).filter(groups.contains)
        #expect(clashes.isEmpty, "opening these views would open their group's first section: \(clashes)")
        let nav = Sections.navItems()
        #expect(nav.map(\.title) == ["Dashboard", "Instances", "Compute", "Images", "Storage", "Infrastructure", "Events", "Network", "Accounts", "Offerings",
                                     "Global Settings", "Plugins"])
        func children(_ title: String) -> [String] { nav.first { $0.title == title }?.children.map(\.title) ?? [] }
        #expect(children("Compute") == ["SSH Key Pairs", "Affinity Groups", "Instance Groups"])
        #expect(children("Images") == ["Templates", "ISOs"])
        #expect(children("Storage") == ["Primary Storage", "Secondary Storage", "VM Snapshots", "Volumes", "Volume Snapshots"])
        #expect(children("Infrastructure") == ["Zones", "Pods", "Clusters", "Hosts", "System VMs", "Virtual Routers", "Management Servers", "Alerts"])
        #expect(children("Network") == ["Guest Networks", "VPCs", "Public IP Addresses", "Security Groups"])
        #expect(children("Accounts") == ["Domains", "Accounts", "Users", "Roles"])
        #expect(children("Offerings") == ["Compute Offerings", "Disk Offerings", "Network Offerings"])
    }

    @Test("at 80x24 every navbar section shows its first column and its state column in the header")
    func columnsFitAt80x24() throws {
        for view in Self.views where view.navbar != nil {
            var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
            _ = Update.open(view.id, &s)
            #expect(s.section == view.id)
            // The table's header line: with the focus in the list the navbar is folded away at 80 columns.
            #expect(s.navbarCollapsed)
            let header = Renderer.render(s).text(at: 2)
            let first = try #require(view.columns.first)
            #expect(header.contains(first.label), "\(view.id): '\(first.label)' not in \(header)")
            if let state = view.columns.first(where: { $0.format == .state }) {
                #expect(header.contains(state.label), "\(view.id): '\(state.label)' not in \(header)")
            }
        }
    }

    // MARK: Actions as the user runs them

    static func load(_ view: String, _ items: [KeyValuePairs<String, JSONValue>], _ s: inout AppState) {
        load(view, items.map(JSONObject.init), &s)
    }

    static func load(_ view: String, _ items: [JSONObject], _ s: inout AppState) {
        let generation = s.lists[view]?.generation ?? 0
        let rows = items.enumerated().map { Row($1, position: $0) }
        _ = Update.apply(.pageLoaded(view: view, generation: generation, page: 1, DataPage(rows: rows, total: rows.count)), to: &s)
    }

    static func type(_ text: String, _ s: inout AppState) {
        for c in text { _ = ConsoleFixtures.key(.char(c), &s) }
    }

    @Test("Edit in a zone's settings (zone › 6) plans updateConfiguration name=… value=… zoneid=…, asking 'from 5 to 8'")
    func settingEditedForItsZone() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("zones", &s)
        Self.load("zones", [["id": "zone-1", "name": "ams1", "allocationstate": "Enabled"]], &s)
        let related = try #require(BuiltInSections.view("zones")?.related)
        let digit = try #require(related.firstIndex { $0.view == "settings" }) + 1
        _ = ConsoleFixtures.key(.char(Character(String(digit))), &s)
        let key = s.section
        #expect(key.hasPrefix("settings?"))
        #expect(s.lists[key]?.definition.narrowing["zoneid"] == "zone-1")
        Self.load(key, [["name": "vm.cpu.overcommit", "value": "5", "defaultvalue": "1", "scope": "zone", "type": "Integer",
                         "category": "Advanced", "description": "d"]], &s)
        #expect(Renderer.render(s).renderedText.contains("changed"), "a value off its default is marked")
        _ = ConsoleFixtures.key(.char("E"), &s)
        guard case .form? = s.overlay else { Issue.record("expected the value form"); return }
        _ = ConsoleFixtures.key(.backspace, &s)
        Self.type("8", &s)
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .confirm(let dialog, let pending)? = s.overlay else { Issue.record("expected the confirmation"); return }
        #expect(dialog.message == "Change vm.cpu.overcommit from 5 to 8?\n\nSends updateConfiguration\n  name = vm.cpu.overcommit\n  value = 8\n  zoneid = zone-1")
        #expect(pending.call == APICall("updateConfiguration", [("name", "vm.cpu.overcommit"), ("value", "8"), ("zoneid", "zone-1")]))
    }

    @Test("an Integer setting's form refuses 'eight' and keeps the form open")
    func settingValueIsTyped() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("settings", &s)
        Self.load("settings", [["name": "expunge.delay", "value": "86400", "defaultvalue": "86400", "scope": "global", "type": "Integer"]], &s)
        _ = ConsoleFixtures.key(.char("E"), &s)
        for _ in 0..<5 { _ = ConsoleFixtures.key(.backspace, &s) }
        Self.type("eight", &s)
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .form(let form)? = s.overlay else { Issue.record("the form must stay open"); return }
        #expect(form.form.fields.first?.error == "must be a whole number")
    }

    /// Rows are trimmed to the fields a list shows (100,000 VMs); the fields actions and related views read must stay,
    /// or an account's VMs cannot be listed (no domainid) and a Release is judged without knowing it is source NAT.
    @Test("fields only actions and related views read survive the trimming of list rows")
    func actionFieldsKept() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("account", &s)
        Self.load("account", [["id": "a1", "name": "acme", "state": "enabled", "domainid": "dom-7", "domain": "ROOT/acme",
                                "rolename": "User", "roletype": "User", "isdefault": false]], &s)
        _ = ConsoleFixtures.key(.char("1"), &s)
        #expect(s.section.hasPrefix("instances?"), "the account's instances open: \(s.flash?.text ?? "")")
        #expect(s.lists[s.section]?.definition.narrowing["domainid"] == "dom-7")
        #expect(s.lists[s.section]?.definition.narrowing["account"] == "acme")

        _ = Update.open("public-ips", &s)
        Self.load("public-ips", [
            ["id": "ip-1", "ipaddress": "198.51.100.10", "state": "Allocated", "issourcenat": true, "isstaticnat": false,
             "associatednetworkid": "net-1", "associatednetworkname": "web"],
            ["id": "ip-2", "ipaddress": "198.51.100.11", "state": "Allocated", "issourcenat": false, "isstaticnat": false,
             "associatednetworkid": "net-1", "associatednetworkname": "web"],
        ], &s)
        _ = ConsoleFixtures.key(.char("D"), &s)
        #expect(s.overlay == nil, "no Release for the network's source NAT address")
        #expect(s.flash?.text.contains("not available") == true)
        _ = ConsoleFixtures.key(.char("j"), &s)
        _ = ConsoleFixtures.key(.char("D"), &s)
        guard case .confirm(_, let release)? = s.overlay else { Issue.record("Release for an ordinary allocated IP"); return }
        #expect(release.call == APICall("disassociateIpAddress", [("id", "ip-2")]))
        s.overlay = nil
        let effects = ConsoleFixtures.key(.char("N"), &s)
        guard case .form(.loadOptions(_, let field, let picker))? = effects.first else { Issue.record("expected the VM picker to load"); return }
        #expect(field == "virtualmachineid")
        #expect(picker.command == "listVirtualMachines")
        #expect(picker.parameters.contains { $0 == ("networkid", "net-1") }, "only the VMs of the IP's network: \(picker.parameters)")
    }

    @Test("A on Alerts offers its two bulk actions in a menu; Delete asks for the range and sends deleteAlerts with no id")
    func severalHeaderActionsInAMenu() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("alerts", &s)
        Self.load("alerts", [["id": "al-1", "name": "ALERT.HOST", "type": 7, "description": "host down", "sent": "2026-01-02T10:00:00+0000"]], &s)
        #expect(Renderer.render(s).renderedText.contains("list actions"))
        _ = ConsoleFixtures.key(.char("A"), &s)
        guard case .actionMenu(let menu)? = s.overlay else { Issue.record("expected a menu of the list's actions"); return }
        #expect(menu.actions.map(\.label) == ["Archive alerts of a type or date range", "Delete alerts of a type or date range"])
        #expect(Renderer.render(s).renderedText.contains("Actions: Alerts"))
        _ = ConsoleFixtures.key(.down, &s)
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .form? = s.overlay else { Issue.record("expected the range form"); return }
        _ = ConsoleFixtures.key(.tab, &s)
        _ = ConsoleFixtures.key(.tab, &s)
        Self.type("2026-01-31", &s)
        _ = ConsoleFixtures.key(.enter, &s)
        guard case .confirm(let dialog, let pending)? = s.overlay else { Issue.record("expected the confirmation"); return }
        #expect(pending.call == APICall("deleteAlerts", [("enddate", "2026-01-31")]))
        #expect(dialog.isDangerous)
        #expect(dialog.focusedButton == 1, "Cancel has the focus")
    }

    @Test("A with one header action still runs it at once (Add volume's form)")
    func oneHeaderActionRunsAtOnce() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("volumes", &s)
        Self.load("volumes", [JSONObject](), &s)
        let effects = ConsoleFixtures.key(.char("A"), &s)
        guard case .form(let form)? = s.overlay else { Issue.record("expected the Add volume form"); return }
        #expect(form.pending.action.label == "Add volume")
        let pickers = effects.compactMap { e -> String? in if case .form(.loadOptions(_, _, let api)) = e { return api.command } else { return nil } }
        #expect(pickers.sorted() == ["listDiskOfferings", "listZones"])
    }

    // MARK: Security group rules

    /// A listSecurityGroups answer as the API shapes it: rules nested in the group, ingress and egress apart.
    static let groups: [JSONObject] = {
        let text = """
        [{"id": "sg-1", "name": "web", "account": "acme", "description": "web tier",
          "ingressrule": [
            {"ruleid": "r-ssh", "protocol": "tcp", "startport": 22, "endport": 22, "cidr": "0.0.0.0/0"},
            {"ruleid": "r-app", "protocol": "tcp", "startport": 8000, "endport": 8080, "cidr": "10.0.0.0/8"},
            {"ruleid": "r-ping", "protocol": "icmp", "icmptype": 8, "icmpcode": 0, "cidr": "0.0.0.0/0"},
            {"ruleid": "r-lb", "protocol": "tcp", "startport": 80, "endport": 80, "securitygroupname": "lb", "account": "acme"}],
          "egressrule": [
            {"ruleid": "r-out", "protocol": "all", "cidr": "0.0.0.0/0"}]},
         {"id": "sg-2", "name": "default", "account": "acme", "ingressrule": [], "egressrule": []}]
        """
        return ((try? JSONParser.parse(Array(text.utf8)))?.arrayValue ?? []).compactMap(\.objectValue)
    }()

    @Test("a security group's nested rules become one row each: direction, protocol, ports, source, keyed by ruleid")
    func rulesFlattened() {
        let rows = SecurityGroupRules.rows(of: Self.groups)
        #expect(rows.map(\.id) == ["r-ssh", "r-app", "r-ping", "r-lb", "r-out"])
        #expect(rows.map { $0["type"] ?? "" } == ["Ingress", "Ingress", "Ingress", "Ingress", "Egress"])
        #expect(rows.map { $0["ports"] ?? "" } == ["22", "8000-8080", "8/0", "80", "any"])
        #expect(rows.map { $0["cidr"] ?? "" } == ["0.0.0.0/0", "10.0.0.0/8", "0.0.0.0/0", "acme/lb", "0.0.0.0/0"])
        #expect(rows.allSatisfy { $0["group"] == "web" && $0["securitygroupid"] == "sg-1" })
    }

    /// Answers listSecurityGroups as the server does (by id when asked) and remembers what it was asked: the
    /// simulator does not serve security groups yet.
    final class SecurityGroupsServer: APIHelper, Sendable {
        private let log = Mutex<[[(String, String)]]>([])
        var asked: [[(String, String)]] { log.withLock { $0 } }

        func call(_ command: String, _ parameters: [(String, String)]) async throws -> APIResponse {
            throw CloudStackError.configuration("only listSecurityGroups here")
        }

        func listPage(_ command: String, _ parameters: [(String, String)], page: Int, pageSize: Int) async throws -> ListResult {
            log.withLock { $0.append(parameters) }
            let id = parameters.first { $0.0 == "id" }?.1
            let items = SectionCatalogTests.groups.filter { id == nil || $0["id"]?.text == id }.map(JSONValue.object)
            return ListResult(command: command, responseName: "listsecuritygroupsresponse", itemKey: "securitygroup", items: items, count: items.count)
        }

        func isAllowed(_ command: String) -> Bool { true }
    }

    @Test("the rules view asks for the one group it is narrowed to, and Revoke on an egress rule sends its ruleid")
    func rulesOfOneGroup() async throws {
        let server = SecurityGroupsServer()
        let def = ListViewDefinition(try #require(BuiltInSections.view("security-group-rules")))
        #expect(def.dataProvider.narrows)
        let ctx = PluginContext(user: UserInfo(username: "admin", account: "admin", domain: "ROOT", roleType: "Admin"), api: server)
        let page = try await def.dataProvider.fetch(DataRequest(page: 1, pageSize: 100, parameters: ["id": "sg-2"]), ctx)
        #expect(page.rows.isEmpty, "the default group has no rules")
        #expect(server.asked.last?.contains { $0 == ("id", "sg-2") } == true)
        let web = try await def.dataProvider.fetch(DataRequest(page: 1, pageSize: 100, parameters: ["id": "sg-1"]), ctx)
        #expect(web.rows.count == 5)

        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("security-groups", &s)
        Self.load("security-groups", Self.groups, &s)
        _ = ConsoleFixtures.key(.char("1"), &s)
        let key = s.section
        #expect(key.hasPrefix("security-group-rules?"))
        #expect(s.lists[key]?.definition.narrowing == ["id": "sg-1"])
        _ = Update.apply(.pageLoaded(view: key, generation: s.lists[key]?.generation ?? 0, page: 1, web), to: &s)
        for _ in 0..<4 { _ = ConsoleFixtures.key(.char("j"), &s) }
        _ = ConsoleFixtures.key(.char("D"), &s)
        guard case .confirm(let dialog, let pending)? = s.overlay else { Issue.record("expected the confirmation"); return }
        #expect(pending.call == APICall("revokeSecurityGroupEgress", [("id", "r-out")]))
        #expect(dialog.message.hasPrefix("Revoke the egress rule all any to 0.0.0.0/0?"))
    }

    @Test("the default security group offers no Delete; another does")
    func defaultGroupKept() throws {
        var s = ConsoleFixtures.signedIn(api: try ConsoleFixtures.api())
        _ = Update.open("security-groups", &s)
        Self.load("security-groups", Self.groups.reversed(), &s)
        _ = ConsoleFixtures.key(.char("D"), &s)
        #expect(s.overlay == nil)
        _ = ConsoleFixtures.key(.char("j"), &s)
        _ = ConsoleFixtures.key(.char("D"), &s)
        guard case .confirm(_, let pending)? = s.overlay else { Issue.record("Delete for the web group"); return }
        #expect(pending.call == APICall("deleteSecurityGroup", [("id", "sg-1")]))
    }
}
