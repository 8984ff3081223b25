import PluginKit

/// One step from a row down to a related view (a host's VMs): where it came from, so q/Esc returns there as it was.
struct Crumb {
    /// The list the row was in (its key in `AppState.lists`) and its detail pane, if one was open.
    var fromView: String
    var detail: DetailState?
    /// "kvm-ams1-4" and "Instances": the breadcrumb's two steps.
    var rowLabel: String
    var relatedLabel: String
    /// The key of the narrowed list it opened.
    var toView: String
}

/// Drill-down between related resources: a row's related views (declared in its view's `related`) open as lists
/// narrowed to the row, one digit key each, with a breadcrumb; q/Esc goes back with the cursor where it was.
enum DrillDown {
    /// The related views `list` offers here: the target view exists, listApis offers its list API, and its rows can
    /// be narrowed by the server (a provider that cannot would show every row under this row's name).
    static func offered(_ list: ListModel, _ s: AppState) -> [RelatedView] {
        list.definition.related.filter { r in
            guard let target = s.lists[r.view]?.definition, target.dataProvider.narrows else { return false }
            return target.command.map(s.isAllowed) ?? true
        }
    }

    /// Opens the `index`th (0-based) related view of the selected row.
    static func open(_ index: Int, _ s: inout AppState) -> [Effect] {
        guard let list = s.currentList, let row = list.selectedRow else { return [] }
        let related = offered(list, s)
        guard index < related.count else {
            Update.flash(&s, related.isEmpty ? "\(list.definition.title) has no related views" : "Related views here: 1-\(related.count)", error: false)
            return []
        }
        let r = related[index]
        guard var target = s.lists[r.view]?.definition else { return [] }
        guard let narrowing = r.narrowing(for: row) else {
            Update.flash(&s, "This row has no \(r.rowField), so its \(r.label.lowercased()) cannot be listed", error: true)
            return []
        }
        let key = "\(r.view)?" + narrowing.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&") + "#\(s.trail.count + 1)"
        target.id = key
        target.title = r.label
        target.narrowing = target.narrowing.merging(narrowing) { _, new in new }
        s.trail.append(Crumb(fromView: list.id, detail: s.detail, rowLabel: label(of: row), relatedLabel: r.label, toView: key))
        s.lists[key] = ListModel(definition: target)
        s.section = key
        s.detail = nil
        s.focus = .main
        s.navbar.isFocused = false
        return Update.reload(key, &s)
    }

    /// Goes back one step: the narrowed list is dropped, the list it came from returns with its cursor and detail
    /// pane. False when there is nowhere to go back to.
    static func back(_ s: inout AppState) -> Bool {
        guard let crumb = s.trail.popLast() else { return false }
        s.lists[crumb.toView] = nil
        s.section = crumb.fromView
        s.detail = crumb.detail
        return true
    }

    /// Leaves every narrowed list (a section opened from the navbar or the palette).
    static func clear(_ s: inout AppState) {
        for crumb in s.trail { s.lists[crumb.toView] = nil }
        s.trail = []
    }

    /// "Hosts › kvm-ams1-4 › Instances": the section the trail started in, then each row and related view.
    static func breadcrumb(_ s: AppState) -> [String] {
        guard let first = s.trail.first else { return [] }
        return [s.lists[first.fromView]?.definition.title ?? first.fromView] + s.trail.flatMap { [$0.rowLabel, $0.relatedLabel] }
    }

    static func label(of row: Row) -> String {
        for key in ["name", "displayname", "username", "ipaddress", "description"] {
            if let v = row[key], !v.isEmpty { return v }
        }
        return row.id
    }
}
