import PluginKit
import TUI

/// The navbar, built from the sections' placements as the web UI's navigation is built from its section configs:
/// Dashboard first, then each top-level section or group in order, Plugins last.
enum Sections {
    static let dashboard = "dashboard"
    static let plugins = "plugins"

    /// A view with no navbar place is reached only by drill-down and the palette (a VM's NICs); a view whose list
    /// API listApis does not offer is left out, as the web UI's `permission` does (`allowed` says which are offered).
    static func navItems(pluginItems: [NavItem] = [], views: [ViewSpec] = BuiltInSections.views,
                         allowed: (String) -> Bool = { _ in true }) -> [NavItem] {
        var entries: [(order: Int, item: NavItem)] = []
        var groups: [String: (order: Int, children: [NavItem])] = [:]
        for v in views {
            guard let placement = v.navbar else { continue }
            if let command = permission(of: v.source), !allowed(command) { continue }
            let order = placement.order
            if let group = placement.group {
                var g = groups[group] ?? (order, [])
                g.order = min(g.order, order)
                g.children.append(NavItem(id: v.id, title: v.title))
                groups[group] = g
            } else {
                entries.append((order, NavItem(id: v.id, title: v.title)))
            }
        }
        for (group, g) in groups { entries.append((g.order, NavItem(id: group, title: title(ofGroup: group), children: g.children))) }
        let ordered = entries.enumerated().sorted { a, b in
            a.element.order != b.element.order ? a.element.order < b.element.order : a.offset < b.offset
        }.map(\.element.item)
        return [NavItem(id: dashboard, title: "Dashboard")] + ordered + [NavItem(id: plugins, title: "Plugins", children: pluginItems)]
    }

    /// The list API that decides whether a section is offered: its own, or for a built-in data provider the API it
    /// lists first (image stores for Secondary Storage, which a user may not list).
    static func permission(of source: ListSource) -> String? {
        switch source {
        case .api(let command, _, _): command
        case .provider(let name): providerPermissions[name]
        }
    }

    static let providerPermissions = ["secondaryStores": "listImageStores", "securityGroupRules": "listSecurityGroups"]

    /// "storage" → "Storage": a group is named by its id.
    static func title(ofGroup id: String) -> String { id.prefix(1).uppercased() + id.dropFirst() }

    /// The built-in list views.
    static func builtInListViews() -> [ListViewDefinition] { BuiltInSections.views.map(ListViewDefinition.init) }

    /// Names the `:` palette accepts for each section: its id, its aliases, and the fixed ones.
    static let aliases: [String: String] = {
        var out: [String: String] = ["dashboard": dashboard, "dash": dashboard, "home": dashboard, "plugins": plugins]
        for v in BuiltInSections.views {
            // Its id, with and without dashes ("vm-snapshots", "vmsnapshots"), then its aliases.
            for name in [v.id, v.id.replacingOccurrences(of: "-", with: "")] + v.aliases { out[name.lowercased()] = v.id }
        }
        return out
    }()
}
