import CloudStack
import PluginKit

/// The `secondaryStores` data provider: image stores and secondary staging stores in one list (there are few), each
/// row marked with a synthetic `role` (Image or Staging) and `location` (the URL, or endpoint/bucket for S3).
enum SecondaryStores {
    static func provider() -> DataProvider {
        DataProvider { request, context in
            guard request.page == 1 else { return DataPage(rows: [], total: nil) }
            var params: [(String, String)] = []
            if let k = request.keyword, !k.isEmpty { params.append(("keyword", k)) }
            var rows: [Row] = []
            var sources = [("listImageStores", "Image")]
            if context.api.isAllowed("listSecondaryStagingStores") { sources.append(("listSecondaryStagingStores", "Staging")) }
            for (command, role) in sources {
                for item in try await context.api.listAll(command, params).compactMap(\.objectValue) {
                    var fields = item
                    fields["role"] = .string(role)
                    fields["location"] = .string(location(item))
                    rows.append(Row(fields, position: rows.count))
                }
            }
            return DataPage(rows: rows, total: rows.count)
        }
    }

    static func location(_ item: JSONObject) -> String {
        if let url = item["url"]?.text, !url.isEmpty { return url }
        let parts = [item["endpoint"]?.text, item["bucket"]?.text].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.joined(separator: "/")
    }
}
