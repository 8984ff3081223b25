import CloudStack
import PluginKit
import StorageForms

/// An action form's work, run by the effect runner: a select's choices from its list API.
enum FormWork {
    static func run(_ effect: FormEffect, api: APIHelper, post: @escaping @Sendable (AppEvent) -> Void) async {
        switch effect {
        case let .loadOptions(form, field, source):
            do {
                let all: [JSONValue]
                var more = false
                if let limit = source.limit {
                    let page = try await api.listPage(source.command, source.parameters, page: 1, pageSize: limit)
                    all = page.items
                    more = page.count > page.items.count
                } else {
                    all = try await api.listAll(source.command, source.parameters)
                }
                let items = all.compactMap(\.objectValue)
                let options = items.compactMap { item -> FieldOption? in
                    guard let value = item[source.value]?.text else { return nil }
                    var attributes: [String: String] = [:]
                    for a in source.attributes { attributes[a] = item[a]?.text }
                    // A label may be a template of several fields: "{name}  {suitableformigration}  cpu {cpuallocated}".
                    let label = source.label.contains("{") ? FieldSpec.fill(source.label, row: item) : (item[source.label]?.text ?? value)
                    return FieldOption(value: value, label: label, attributes: attributes)
                }
                post(.form(.optionsLoaded(form: form, field: field, request: source, options, error: nil, more: more)))
            } catch {
                post(.form(.optionsLoaded(form: form, field: field, request: source, nil, error: EffectRunner.describe(error))))
            }
        }
    }
}
