import PluginKit
import StorageForms
import TUI

/// The console's plugins: what plugins.json loaded, the Plugins listing's cursor, and which sections came from which plugin.
struct PluginState {
    /// Where plugins are read from, low to high precedence (see `PluginRoot`).
    var roots: [PluginRoot] = []
    var swiftPlugins: [String: any ConsolePlugin] = [:]
    var loaded: [LoadedPlugin] = []
    /// plugins.json itself could not be read.
    var listError: String?
    var table = TableState()
    /// Section id (a plugin list view's id) → plugin id.
    var sections: [String: String] = [:]
    /// The plugin whose details are open in the listing.
    var detail: String?
    /// Problems found once listApis is known (a declarative action naming a command the user may not call).
    var apiProblems: [String: String] = [:]
    /// Problems while running (a dataProvider or custom content that threw): shown in the listing; the plugin's
    /// entry stays so the user can retry with r.
    var runtimeProblems: [String: String] = [:]
    /// Custom content (`show`) by plugin id, once produced.
    var customLines: [String: [String]] = [:]

    func status(_ p: LoadedPlugin) -> LoadedPlugin.Status {
        if let problem = apiProblems[p.id] ?? runtimeProblems[p.id] { return .failed(problem) }
        return p.status
    }

    /// The section id of a plugin with custom content.
    static func customSection(_ pluginID: String) -> String { "plugin:" + pluginID }
}

/// Applying loaded plugins to the console: navbar entries, list views, actions on built-in views.
enum PluginIntegration {
    /// What the plugins' work reported.
    static func apply(_ event: PluginEvent, _ s: inout AppState) -> [Effect] {
        switch event {
        case let .customLoaded(pluginID, lines):
            s.plugins.customLines[pluginID] = lines
            s.plugins.runtimeProblems[pluginID] = nil
        case let .failed(pluginID, text):
            s.plugins.runtimeProblems[pluginID] = text
        case let .loaded(loaded, listError):
            s.plugins.runtimeProblems = [:]
            s.plugins.customLines = [:]
            apply(loaded, listError: listError, &s)
            let failed = loaded.filter { !$0.isLoaded }.count + s.plugins.apiProblems.count
            Update.flash(&s, listError ?? "Plugins reloaded: \(loaded.count - failed) loaded" + (failed > 0 ? ", \(failed) failed (Enter shows why)" : ""),
                         error: listError != nil || failed > 0)
        }
        return []
    }

    static func apply(_ loaded: [LoadedPlugin], listError: String?, _ s: inout AppState) {
        s.plugins.loaded = loaded
        s.plugins.listError = listError
        refresh(&s)
    }

    /// Rebuilds everything plugins contribute, for the current user and listApis.
    static func refresh(_ s: inout AppState) {
        let ctx = s.context()
        // listApis decides which declarative plugins work for this user.
        s.plugins.apiProblems = [:]
        if !s.apis.isEmpty {
            for p in s.plugins.loaded where p.isLoaded {
                guard let d = p.plugin as? DeclarativePlugin, s.user == nil || d.preFilter(ctx) else { continue }
                if let missing = d.commands.first(where: { !s.isAllowed($0) }) {
                    s.plugins.apiProblems[p.id] = "\(p.directory)/config.json names \(missing), which listApis does not offer to \(s.user?.username ?? "this user")"
                }
            }
        }
        // Built-in views get their own actions back, plus the plugins' scoped ones.
        var scoped: [String: [RowAction]] = [:]
        var navChildren: [NavItem] = []
        var sections: [String: String] = [:]
        let builtInIDs = Set(Sections.builtInListViews().map(\.id))
        for p in s.plugins.loaded where p.status == .loaded && s.plugins.apiProblems[p.id] == nil {
            guard let plugin = p.plugin, s.user != nil, plugin.preFilter(ctx) else { continue }
            for sa in plugin.scopedActions { for scope in sa.scopes { scoped[scope, default: []].append(sa.action) } }
            if case .custom = plugin.content, !(plugin is DeclarativePlugin) {
                let section = PluginState.customSection(p.id)
                sections[section] = p.id
                navChildren.append(NavItem(id: section, title: ((p.manifest?.icon).map { $0 + " " } ?? "") + p.title))
                continue
            }
            guard case .listView(let def) = plugin.content, !builtInIDs.contains(def.id) else { continue }  // scopedActions only
            sections[def.id] = p.id
            navChildren.append(NavItem(id: def.id, title: ((p.manifest?.icon).map { $0 + " " } ?? "") + p.title))
            if var existing = s.lists[def.id], existing.definition.fields == def.fields {
                existing.definition = def
                s.lists[def.id] = existing
            } else {
                s.lists[def.id] = ListModel(definition: def)
            }
        }
        for def in Sections.builtInListViews() {
            s.lists[def.id]?.definition.actions = def.actions + (scoped[def.id] ?? [])
        }
        s.plugins.sections = sections
        // Storage plugins' provider forms join the built-in ones, in plugins.json order.
        var catalog = StorageFormCatalog.builtIn()
        for p in s.plugins.loaded where p.status == .loaded {
            guard let forms = p.manifest?.storageProviders else { continue }
            if let roles = p.manifest?.roles, let user = s.user, !roles.contains(user.roleType) { continue }
            do {
                try catalog.addContributed(forms, path: "storageProviders", plugin: p.id)
            } catch {
                s.plugins.runtimeProblems[p.id] = "\(p.directory)/config.json: key '\(error.path)': \(error.problem)"
            }
        }
        s.storageForms = catalog
        let selected = s.navbar.selectedID
        let state = s
        s.navbar.items = Sections.navItems(pluginItems: navChildren, allowed: { state.isAllowed($0) })
        s.navbar.selectedID = s.navbar.rows.contains { $0.item.id == selected } ? selected : Sections.plugins
        // A list opened by drill-down is no section of its own; it stays.
        let drilled = s.trail.contains { $0.toView == s.section }
        if !drilled, !builtInIDs.contains(s.section), !s.section.hasPrefix("api:"), s.section != Sections.dashboard,
           s.section != Sections.plugins, sections[s.section] == nil {
            s.section = Sections.plugins
        }
    }
}
