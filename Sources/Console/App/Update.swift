import CloudStack
import Foundation
import PluginKit
import TUI

/// Where behaviour lives: how each event changes the state, and what work it asks for.
/// Plain Swift: tests drive it with events and read the state, no terminal or server needed.
enum Update {
    /// Seconds between reloads of a list while one of its rows is in a state its view declares busy (`refreshWhile`).
    static let busyRefreshInterval: Double = 5

    static func apply(_ event: AppEvent, to s: inout AppState) -> [Effect] {
        switch event {
        case .input(let input):
            return handle(input, &s)
        case .tick(let now):
            s.now = now
            if let f = s.flash, f.until < now { s.flash = nil }
            if s.autoRefresh, let list = s.currentList, list.loading == .idle,
               let last = list.lastLoaded, now.timeIntervalSince(last) >= s.autoRefreshInterval {
                return reload(s.section, &s)
            }
            if let list = s.currentList, list.loading == .idle, let last = list.lastLoaded,
               now.timeIntervalSince(last) >= busyRefreshInterval, list.isBusy {
                // A template downloading: its percentage moves without the user pressing r.
                return reload(s.section, &s)
            }
            if s.autoRefresh, s.section == Sections.dashboard, !s.dashboardLoading,
               let last = s.dashboard.loadedAt, now.timeIntervalSince(last) >= s.autoRefreshInterval {
                s.dashboardLoading = true
                return [.loadDashboard]
            }
            return []
        case .signedIn(let user):
            s.user = user
            PluginIntegration.refresh(&s)
            return []
        case .apisLoaded(let apis):
            s.apis = apis
            PluginIntegration.refresh(&s)
            return dashboardAfterApis(&s)
        case .plugins(let event):
            return PluginIntegration.apply(event, &s)
        case .storage(let event):
            return StorageDialogs.apply(event, &s)
        case .form(let event):
            return ActionForms.apply(event, &s)
        case .apisFailed(let text):
            flash(&s, "listApis failed, every action is offered: \(text)", error: true)
            return dashboardAfterApis(&s)
        case let .pageLoaded(view, generation, page, data):
            // Taken out of the dictionary while it changes: a copy left behind in `s.lists` would make appending one
            // page copy every row loaded so far (quadratic at 100,000 rows, and twice the memory at its peak).
            guard s.lists[view]?.generation == generation, var list = s.lists.removeValue(forKey: view) else { return [] }
            if list.definition.fields.isEmpty, let first = data.rows.first {
                list.definition.fields = GenericListView.fields(fromRow: first.fields)
            }
            let next = list.receive(page: page, data, pageSize: s.pageSize)
            if s.detail?.listView == view, let id = s.detail?.rowID, list.selectedRow?.id != id { s.detail = nil }
            s.lists[view] = list
            return next.map { .loadPage(list.definition, generation: generation, page: $0, pageSize: s.pageSize) }
        case let .pageFailed(view, generation, text):
            guard var list = s.lists[view], list.generation == generation else { return [] }
            // A plugin whose dataProvider throws is marked failed in the listing; the console goes on.
            if let pluginID = s.plugins.sections[view] { s.plugins.runtimeProblems[pluginID] = "its data provider failed: \(text)" }
            list.fail(text)
            s.lists[view] = list
            return []
        case let .detailLoaded(view, rowID, fields):
            if s.detail?.listView == view, s.detail?.rowID == rowID { s.detail?.fields = fields }
            return []
        case let .detailFailed(view, rowID, text):
            if s.detail?.listView == view, s.detail?.rowID == rowID { s.detail?.error = text }
            return []
        case .dashboardLoaded(let data):
            s.dashboard = data
            s.dashboardLoading = false
            s.dashboardError = nil
            return []
        case .dashboardFailed(let text):
            s.dashboardLoading = false
            s.dashboardError = text
            return []
        case let .jobStarted(track, jobID):
            s.jobs.update(track) { $0.jobID = jobID }
            return []
        case let .actionQueued(track, jobID):
            s.jobs.update(track) { $0.jobID = jobID }
            return [.pollJob(track: track, jobID: jobID, command: s.jobs.job(track)?.title ?? "job")]
        case let .actionCompleted(track, message):
            let now = s.now
            s.jobs.update(track) { $0.status = .succeeded; $0.ended = now }
            if s.jobs.job(track)?.parent != nil { return Bulk.rowEnded(track, &s) }
            let job = s.jobs.job(track)
            flash(&s, "✓ " + (message ?? job?.title ?? "done"), error: false)
            return job?.listView.map { reload($0, &s) } ?? []
        case let .actionAnswered(track, command, content):
            let now = s.now
            s.jobs.update(track) { $0.status = .succeeded; $0.ended = now }
            return APIResult.open(command, content, &s)
        case let .actionRevealed(track, values):
            let now = s.now
            s.jobs.update(track) { $0.status = .succeeded; $0.ended = now }
            Reveal.show(values, title: s.jobs.job(track)?.title ?? "Result", &s)
            return s.jobs.job(track)?.listView.map { reload($0, &s) } ?? []
        case let .approvalNeeded(track, dialog, approval):
            s.approvals.append(ApprovalRequest(track: track, dialog: dialog, approval: approval))
            return []
        case let .actionCancelled(track, text):
            let now = s.now
            s.jobs.update(track) { $0.status = .failed(text); $0.ended = now }
            flash(&s, "\(s.jobs.job(track)?.title ?? "action"): \(text)", error: false)
            return []
        case let .actionFailed(track, text), let .jobFailed(track, text):
            s.jobs.update(track) { $0.status = .failed(text); $0.ended = Date() }
            if s.jobs.job(track)?.parent != nil { return Bulk.rowEnded(track, &s) }
            flash(&s, "✗ \(s.jobs.job(track)?.title ?? "action"): \(text)", error: true)
            return []
        case let .jobFinished(track, job):
            s.jobs.update(track) { $0.status = .succeeded; $0.ended = Date() }
            guard let tracked = s.jobs.job(track) else { return [] }
            if tracked.parent != nil {
                // A bulk row: its entity replaces its row; the list reloads once, when every row has ended.
                if let result = job.result?.objectValue, let view = tracked.listView {
                    for (_, value) in result {
                        if let entity = value.objectValue, let id = entity["id"]?.text, id == tracked.rowID { s.lists[view]?.update(Row(id: id, fields: entity)) }
                    }
                }
                return Bulk.rowEnded(track, &s)
            }
            flash(&s, "✓ \(tracked.title)", error: false)
            if !tracked.reveal.isEmpty, let result = job.result?.objectValue {
                Reveal.show(Reveal.values(tracked.reveal, in: result), title: tracked.title, &s)
            }
            if tracked.showsResult { return APIResult.open(tracked.title, job.result?.objectValue ?? JSONObject(), &s) }
            return applyJobResult(job, tracked, &s)
        case let .profileSwitched(name, host, api):
            // A new cloud: everything loaded from the old one goes; tracked jobs stay in the tray and keep polling.
            s.profileName = name
            s.endpointHost = host
            s.api = api
            s.user = nil
            s.apis = []
            s.detail = nil
            s.overlay = nil
            // Calls still waiting for an answer belong to the old cloud: they are not sent.
            let declined = s.approvals.map { Effect.answerApproval($0.approval, false) }
            s.approvals = []
            s.lists = [:]
            for def in Sections.builtInListViews() { s.lists[def.id] = ListModel(definition: def) }
            PluginIntegration.refresh(&s)
            s.dashboard = DashboardData()
            s.dashboardLoading = false
            s.dashboardError = nil
            flash(&s, "Switched to profile \(name) (\(host))", error: false)
            return declined + [.signIn] + open(s.section.hasPrefix("api:") ? Sections.dashboard : s.section, &s)
        case .profileSwitchFailed(let text):
            flash(&s, text, error: true)
            return []
        case .fatal(let text):
            s.overlay = .message(Dialog(title: "Error", message: text, buttons: ["Quit"], isDangerous: true))
            return []
        }
    }

    // MARK: - Sections and loading

    static func open(_ id: String, _ s: inout AppState) -> [Effect] {
        var target = id
        DrillDown.clear(&s)
        // Storage and Infrastructure open their first entry; Plugins is a page of its own (the listing).
        if id != Sections.plugins, let item = s.navbar.items.first(where: { $0.id == id }), let child = item.children.first { target = child.id }
        s.section = target
        s.detail = nil
        if s.navbar.rows.contains(where: { $0.item.id == target }) { s.navbar.selectedID = target }
        if target.hasPrefix("plugin:"), let pluginID = s.plugins.sections[target],
           let plugin = s.plugins.loaded.first(where: { $0.id == pluginID })?.plugin {
            return [.plugins(.loadCustom(pluginID: pluginID, plugin))]
        }
        if target == Sections.dashboard {
            if s.dashboard.loadedAt == nil, !s.dashboardLoading {
                s.dashboardLoading = true
                // What it loads depends on the role (capacity for an admin, the account's own resources otherwise):
                // until listApis has answered, it waits.
                if s.apis.isEmpty {
                    s.dashboardAwaitsApis = true
                    return []
                }
                return [.loadDashboard]
            }
            return []
        }
        if let list = s.lists[target], list.rows.isEmpty, list.lastLoaded == nil, list.loading == .idle {
            return reload(target, &s)
        }
        return []
    }

    /// The dashboard's first load, held until listApis answered (or failed).
    static func dashboardAfterApis(_ s: inout AppState) -> [Effect] {
        guard s.dashboardAwaitsApis else { return [] }
        s.dashboardAwaitsApis = false
        return [.loadDashboard]
    }

    static func reload(_ id: String, _ s: inout AppState) -> [Effect] {
        if id.hasPrefix("plugin:") { return open(id, &s) }
        if id == Sections.dashboard {
            s.dashboardLoading = true
            return [.loadDashboard]
        }
        guard var list = s.lists[id] else { return [] }
        let generation = list.beginReload()
        s.lists[id] = list
        return [.loadPage(list.definition, generation: generation, page: 1, pageSize: s.pageSize)]
    }

    /// A finished job's entity replaces its row; a job without one reloads the view it came from. Views related to
    /// it that the user has loaded (a VM's snapshots) are reloaded too: the job may have changed them.
    static func applyJobResult(_ job: AsyncJob, _ tracked: TrackedJob, _ s: inout AppState) -> [Effect] {
        guard let view = tracked.listView else { return [] }
        var effects: [Effect] = []
        var replaced = false
        if let result = job.result?.objectValue {
            for (_, value) in result {
                if let entity = value.objectValue, let id = entity["id"]?.text, id == tracked.rowID, var list = s.lists[view] {
                    list.update(Row(id: id, fields: entity))
                    s.lists[view] = list
                    replaced = true
                    break
                }
            }
        }
        if !replaced { effects += reload(view, &s) }
        for related in s.lists[view]?.definition.related ?? [] where related.view != view && s.lists[related.view]?.lastLoaded != nil {
            effects += reload(related.view, &s)
        }
        return effects
    }

    /// Opens (or moves) the detail pane onto `row`, fetching every field when the list keeps only some.
    static func showDetail(_ list: ListModel, _ row: Row, _ s: inout AppState) -> [Effect] {
        s.detail = DetailState(listView: list.id, rowID: row.id)
        return list.definition.dataProvider.fetchOne == nil ? [] : [.loadDetail(list.definition, rowID: row.id)]
    }

    static func flash(_ s: inout AppState, _ text: String, error: Bool) {
        s.flash = (text, error, s.now.addingTimeInterval(error ? 12 : 5))
    }

    // MARK: - Input

    static func handle(_ input: InputEvent, _ s: inout AppState) -> [Effect] {
        switch input {
        case .resize(let w, let h):
            s.width = w
            s.height = h
            return []
        case .mouse(let m):
            return Mouse.handle(m, &s)
        case .key(let key):
            if key == .ctrl("c") {
                s.quitting = true
                return [.quit]
            }
            if !s.approvals.isEmpty { return Approvals.handle(key, &s) }
            if s.overlay != nil { return Overlays.handle(key, &s) }
            if var list = s.currentList, list.isEditingFilter {
                switch key {
                case .enter:
                    list.isEditingFilter = false
                case .escape:
                    list.isEditingFilter = false
                    list.filter = TextInput()
                    list.recompute(keepID: list.selectedRow?.id)
                case .up, .down, .pageUp, .pageDown:
                    list.isEditingFilter = false
                    s.lists[s.section] = list
                    return handle(.key(key), &s)
                default:
                    let before = list.filter.text
                    _ = list.filter.handle(key)
                    if list.filter.text != before { list.recompute(keepID: list.selectedRow?.id) }
                }
                s.lists[s.section] = list
                return []
            }
            return Keys.handle(key, &s)
        }
    }
}
