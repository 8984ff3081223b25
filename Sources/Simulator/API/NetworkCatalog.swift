/// The network area's commands (see APICatalog.all).
enum NetworkCatalog {
    static let commands: [APICommandSpec] = []
}
