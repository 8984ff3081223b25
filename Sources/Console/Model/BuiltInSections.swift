import CloudStack
import PluginKit

/// The built-in sections: the JSON files of Sources/Console/Sections, compiled in by the EmbedSections build plugin and
/// read with the same reader and schema as a plugin's config.json. Adding a section is adding a file there.
enum BuiltInSections {
    /// Every built-in section's view, in navbar order; a file that does not read is left out and named in `problems`.
    static let views: [ViewSpec] = loaded.views
    /// Files that could not be read (a test keeps this empty for the shipped files).
    static let problems: [String] = loaded.problems

    private static let loaded: (views: [ViewSpec], problems: [String]) = {
        var views: [ViewSpec] = []
        var problems: [String] = []
        for file in embeddedSectionFiles {
            do {
                let manifest = try PluginManifest.parse(String(decoding: file.bytes, as: UTF8.self), file: "Sources/Console/Sections/" + file.name)
                guard let view = manifest.view else {
                    problems.append("Sources/Console/Sections/\(file.name): a section file needs a listView")
                    continue
                }
                views.append(view)
            } catch let e as PluginFileError {
                problems.append(e.description)
            } catch {
                problems.append("\(file.name): \(error)")
            }
        }
        let sorted = views.enumerated().sorted { a, b in
            let x = a.element.navbar?.order ?? 1000, y = b.element.navbar?.order ?? 1000
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        return (sorted, problems)
    }()

    static func view(_ id: String) -> ViewSpec? { views.first { $0.id == id } }
}

/// Data providers a section names instead of a list API (`"provider": "secondaryStores"`), for lists the API cannot
/// give as rows in one call (two APIs in one list, rules nested in their security group).
enum DataProviders {
    static let names: Set<String> = ["secondaryStores", "securityGroupRules"]

    static func provider(_ name: String) -> DataProvider? {
        switch name {
        case "secondaryStores": return SecondaryStores.provider()
        case "securityGroupRules": return SecurityGroupRules.provider()
        default: return nil
        }
    }
}

extension ListViewDefinition {
    /// The runtime list view of a declared one: rows from its list API or named provider, its actions planned from data.
    init(_ spec: ViewSpec) {
        let provider: DataProvider
        switch spec.source {
        case let .api(command, parameters, idParameter): provider = .api(command, parameters, idParameter: idParameter)
        case .provider(let name):
            provider = DataProviders.provider(name) ?? DataProvider { _, _ in
                throw CloudStackError.configuration("no data provider '\(name)'")
            }
        }
        self.init(id: spec.id, title: spec.title, fields: spec.columns, dataProvider: provider,
                  actions: spec.actions.map(RowAction.init), stateField: spec.stateField)
        headerActions = spec.headerActions
        related = spec.related
        details = spec.details
        command = spec.source.command
        filters = spec.filters
        orderBy = spec.orderBy
        refreshWhile = spec.refreshWhile
    }
}
