/// The admin area's commands (see APICatalog.all).
enum AdminCatalog {
    static let commands: [APICommandSpec] = []
}
