import CloudStack
import Foundation

/// Turns a resolved, valid form into the API requests.
enum RequestBuilder {
    /// The value sent for a field, after its transform; nil when an optional field is empty (bools are always sent).
    static func sendValue(_ f: FieldSpec, _ raw: String) -> String? {
        let t = raw.trimmingCharacters(in: .whitespaces)
        if f.kind == .bool { return t.isEmpty ? (f.defaultValue ?? "false") : t }
        if t.isEmpty { return nil }
        switch f.transform {
        case "uri": return encodeURIComponent(t)
        case "commas": return t.replacingOccurrences(of: ",", with: "")
        case "bytes": return ByteSize.parse(t).map(String.init) ?? t
        case "list":
            let items = t.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return items.isEmpty ? nil : items.joined(separator: ",")
        default: return t
        }
    }

    static func build(_ r: ResolvedForm) -> [StorageRequest] {
        var params: [(String, String)] = []
        var details: [(String, String)] = []
        for f in r.fields {
            let raw = r.values[f.key] ?? ""
            switch f.target {
            case .url, .none:
                // Host scope: createStoragePool has no hostid parameter (§4.4), so the host field is not sent; the pool
                // is created with scope=host plus the podid and clusterid of that host.
                continue
            case .param(let name):
                if let v = sendValue(f, raw) { params.append((name, v)) }
            case .detail("*"):
                details += FieldCheck.pairs(raw)
            case .detail(let name):
                if let v = sendValue(f, raw) { details.append((name, v)) }
            }
        }
        params.removeAll { $0.0 == "provider" }
        if !r.provider.isEmpty { params.append(("provider", r.provider)) }
        var url = r.url?.render(r.values)
        if r.kind == .primary, r.providerForm.customFields, let key = r.forms.urlOverride {
            let typed = (r.values[key] ?? "").trimmingCharacters(in: .whitespaces)
            if !typed.isEmpty { url = typed }
        }
        if let url { params.append(("url", url)) }

        let order = r.forms.paramOrder
        let sorted = params.enumerated().sorted { a, b in
            let ia = order.firstIndex(of: a.element.0) ?? order.count
            let ib = order.firstIndex(of: b.element.0) ?? order.count
            return ia != ib ? ia < ib : a.offset < b.offset
        }.map(\.element)

        var all = sorted
        for (i, d) in details.enumerated() {
            switch r.kind {
            case .primary:
                // createStoragePool flattens each details map: details[N].<name>=<value> (§4.4).
                all.append(("details[\(i)].\(d.0)", d.1))
            case .image:
                // addImageStore reads details[N].key / details[N].value (§4.5).
                all.append(("details[\(i)].key", d.0))
                all.append(("details[\(i)].value", d.1))
            }
        }
        var out = [
            r.kind == .primary
                ? StorageRequest(command: "createStoragePool", params: all, method: "POST")
                : StorageRequest(command: "addImageStore", params: all)
        ]
        for follow in r.providerForm.then where StorageFormCatalog.matches(follow.when, r.values) {
            out.append(StorageRequest(command: follow.command, params: follow.params.map { ($0.name, $0.value.render(r.values)) }))
        }
        return out
    }
}
