/// The volume area's commands (see APICatalog.all).
enum VolumeCatalog {
    static let commands: [APICommandSpec] = []
}
