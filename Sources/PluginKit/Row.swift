import CloudStack

/// One row of a list view: an item of a list* response, keyed by its `id`.
public struct Row: Sendable, Equatable, Identifiable {
    public var id: String
    public var fields: JSONObject

    public init(id: String, fields: JSONObject) {
        self.id = id
        self.fields = fields
    }

    /// A row from an API item; items without an `id` are keyed by their `name`, or by their position.
    public init(_ item: JSONObject, position: Int) {
        self.init(id: item["id"]?.text ?? item["name"]?.text ?? "#\(position)", fields: item)
    }

    /// The text of one field as it is shown in a cell.
    public subscript(_ key: String) -> String? { fields[key]?.text }
}
