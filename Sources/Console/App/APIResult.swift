import CloudStack
import PluginKit

/// What a command run from the `:` form answered, opened where the user can read it: rows as a list view, one
/// object as a one-row list with its details open (every field, scrollable). The view is dropped when another
/// section opens.
enum APIResult {
    static func open(_ command: String, _ content: JSONObject, _ s: inout AppState) -> [Effect] {
        let rows: [Row]
        let list = ResponseEnvelope.list(in: content)
        if list.itemKey != nil || content.isEmpty || (content.count == 1 && content["count"] != nil) {
            rows = list.items.enumerated().compactMap { i, item in item.objectValue.map { Row($0, position: i) } }
        } else {
            // {"virtualmachine": {…}} is the object itself; anything else ({"success": true, …}) is shown as it came.
            let inner = content.count == 1 ? content.members.first?.value.objectValue : nil
            rows = [Row(inner ?? content, position: 0)]
        }
        let id = "api:" + command + "#answer"
        let page = DataPage(rows: rows, total: rows.count)
        var def = ListViewDefinition(id: id, title: "\(command): answer", fields: rows.first.map { GenericListView.fields(fromRow: $0.fields) } ?? [],
                                     dataProvider: DataProvider { _, _ in page })
        def.command = nil
        var model = ListModel(definition: def)
        let generation = model.beginReload()
        _ = model.receive(page: 1, page, pageSize: max(1, rows.count))
        model.generation = generation
        DrillDown.clear(&s)
        s.lists[id] = model
        s.section = id
        s.focus = .main
        s.navbar.isFocused = false
        s.detail = rows.count == 1 ? DetailState(listView: id, rowID: rows[0].id) : nil
        Update.flash(&s, "✓ \(command): \(rows.count == 1 && list.itemKey == nil ? "answered" : "\(rows.count) rows")", error: false)
        return []
    }
}
