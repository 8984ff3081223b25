/// One step of a wizard form (Deploy VM: zone, template, offering, …): its title and the keys of its fields.
public struct FormStep: Sendable, Equatable {
    public var title: String
    public var keys: [String]

    public init(title: String, keys: [String]) {
        self.title = title
        self.keys = keys
    }
}
