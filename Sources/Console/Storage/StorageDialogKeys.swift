import CloudStack
import Foundation
import StorageForms
import TUI

/// Opening the add-storage dialogs, their keys, and what comes back from their API work.
enum StorageDialogs {
    /// Which dialog `A` opens in a list view: Primary Storage adds primary storage, Secondary Storage an image store.
    /// The command a dialog sends first.
    static func command(_ kind: StorageKind) -> String { kind == .primary ? "createStoragePool" : "addImageStore" }

    /// `A` in Primary or Secondary Storage: open the dialog and load what its first fields need.
    static func open(_ kind: StorageKind, _ s: inout AppState) -> [Effect] {
        let command = command(kind)
        if s.readOnly {
            Update.flash(&s, "Read-only mode: adding storage is not allowed", error: true)
            return []
        }
        guard s.isAllowed(command) else {
            Update.flash(&s, "\(command) is not an API this account may call (listApis)", error: true)
            return []
        }
        s.nextDialogID += 1
        var d = StorageDialog(id: s.nextDialogID, kind: kind, availableAPIs: Set(s.apis.map(\.name)))
        d.message = ("Loading providers and zones…", false)
        var requests = [OptionRequest(source: .providers, parent: nil, kind: kind)]
        d.loading.insert(requests[0].key)
        requests += d.rebuild(s.storageForms)
        s.overlay = .storage(d)
        return requests.map { .storage(.loadOptions(dialog: d.id, $0)) }
    }

    static func handle(_ key: Key, _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay else { return [] }
        defer { if case .storage = s.overlay { s.overlay = .storage(d) } }
        if var discard = d.discard {
            switch DiscardQuestion.answer(key, &discard) {
            case true?:
                s.overlay = nil
                Update.flash(&s, "\(d.title): cancelled, nothing was sent", error: false)
            case false?: d.discard = nil
            case nil: d.discard = discard
            }
            return []
        }
        if d.showingReport {
            d.showingReport = false
            return []
        }
        if d.submitting {
            Update.flash(&s, "Waiting for the server…", error: false)
            return []
        }
        switch key {
        case .escape:
            return cancel(&d, &s)
        case .enter:
            if let b = d.form.focusedButton {
                switch d.form.buttons[b] {
                case "Cancel": return cancel(&d, &s)
                case "Test S3": return testS3(&d, &s)
                default: return submit(&d, &s)
                }
            }
            return submit(&d, &s)
        default:
            let before = d.form.values
            guard d.form.handle(key) else { return [] }
            let after = d.form.values
            guard before != after else { return [] }
            var structural = false
            for (k, v) in after where before[k] != v {
                d.values[k] = v
                d.errors[k] = nil
                guard let spec = d.specs.first(where: { $0.key == k }) else { continue }
                if spec.kind == .select || spec.kind == .bool { structural = true } else { d.touched = true }
            }
            if !d.s3Report.isEmpty || d.message?.isError == true {
                d.s3Report = []
                d.message = nil
            }
            if structural || d.validating {
                return d.rebuild(s.storageForms).map { .storage(.loadOptions(dialog: d.id, $0)) }
            }
            return []
        }
    }

    private static func cancel(_ d: inout StorageDialog, _ s: inout AppState) -> [Effect] {
        if d.touched {
            d.discard = DiscardQuestion.dialog("in \(d.title)")
        } else {
            s.overlay = nil
        }
        return []
    }

    /// Checks every field; nothing is sent until all are valid. Then the requests go out in order.
    private static func submit(_ d: inout StorageDialog, _ s: inout AppState) -> [Effect] {
        let catalog = s.storageForms
        d.validating = true
        d.errors = catalog.validate(kind: d.kind, values: d.values, providers: d.providerNames, context: d.context)
        d.form = d.makeForm(s.storageForms)
        if !d.errors.isEmpty {
            if let first = d.specs.first(where: { d.errors[$0.key] != nil }) { d.form.focus(on: first.key) }
            let n = d.errors.count
            if n == 1, let spec = d.specs.first(where: { d.errors[$0.key] != nil }), let text = d.errors[spec.key] {
                d.message = ("\(spec.label): \(text); nothing was sent", true)
            } else {
                d.message = ("\(n) fields need attention; nothing was sent", true)
            }
            return []
        }
        let requests: [StorageRequest]
        do {
            requests = try catalog.requests(kind: d.kind, values: d.values, providers: d.providerNames, context: d.context)
        } catch {
            d.errors = error.messages
            d.form = d.makeForm(s.storageForms)
            d.message = ("Some fields need attention; nothing was sent", true)
            return []
        }
        d.submitting = true
        d.message = (d.stepsDone > 0 ? "Retrying the remaining step…" : "Sending \(requests.first?.command ?? "")…", false)
        return [.storage(.submit(dialog: d.id, requests: requests, from: d.stepsDone))]
    }

    /// "Test S3": the compatibility probe against the endpoint and keys typed so far.
    private static func testS3(_ d: inout StorageDialog, _ s: inout AppState) -> [Effect] {
        let v = d.values
        guard let access = v["accesskey"], !access.isEmpty, let secret = v["secretkey"], !secret.isEmpty else {
            d.message = ("Type the access key and secret key first", true)
            return []
        }
        if d.testingS3 { return [] }
        d.testingS3 = true
        d.s3Report = []
        let https = (v["usehttps"] ?? "true") != "false"
        let endpoint = (v["endpoint"] ?? "").isEmpty ? "s3.amazonaws.com" : v["endpoint"]!
        let url = endpoint.contains("://") ? endpoint : (https ? "https://" : "http://") + endpoint
        d.message = ("Testing S3 at \(url)… (every operation CloudStack uses)", false)
        let bucket = (v["bucket"] ?? "").isEmpty ? nil : v["bucket"]
        return [.storage(.testS3(dialog: d.id, S3TestInput(endpoint: url, accessKey: access, secretKey: secret, bucket: bucket)))]
    }

    // MARK: results

    /// What the dialogs' work reported.
    static func apply(_ event: StorageEvent, _ s: inout AppState) -> [Effect] {
        switch event {
        case let .optionsLoaded(dialog, req, options, hypervisors): return optionsLoaded(dialog, req, options, hypervisors: hypervisors, &s)
        case let .optionsFailed(dialog, req, text): return optionsFailed(dialog, req, text, &s)
        case let .stepDone(dialog, step, total, name): return stepDone(dialog, step: step, total: total, name: name, &s)
        case let .submitFailed(dialog, step, text): return submitFailed(dialog, step: step, text, &s)
        case let .s3Tested(dialog, ok, summary, rows): return s3Tested(dialog, ok: ok, summary: summary, rows: rows, &s)
        }
    }

    static func optionsLoaded(_ dialog: Int, _ req: OptionRequest, _ options: [FieldOption], hypervisors: [String: String], _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay, d.id == dialog else { return [] }
        d.loading.remove(req.key)
        d.options[req.key] = options
        d.clusterHypervisors.merge(hypervisors) { _, new in new }
        if d.loading.isEmpty, d.message?.isError == false, !d.submitting, !d.testingS3 { d.message = nil }
        let more = d.rebuild(s.storageForms)
        s.overlay = .storage(d)
        return more.map { .storage(.loadOptions(dialog: d.id, $0)) }
    }

    static func optionsFailed(_ dialog: Int, _ req: OptionRequest, _ text: String, _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay, d.id == dialog else { return [] }
        d.loading.remove(req.key)
        d.optionErrors[req.key] = text
        d.message = ("Could not load \(req.source.rawValue): \(text)", true)
        _ = d.rebuild(s.storageForms)
        s.overlay = .storage(d)
        return []
    }

    /// One request of a submission succeeded; after the last one the dialog closes and the list reloads.
    static func stepDone(_ dialog: Int, step: Int, total: Int, name: String?, _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay, d.id == dialog else { return [] }
        d.stepsDone = step + 1
        guard d.stepsDone >= total else {
            s.overlay = .storage(d)
            return []
        }
        s.overlay = nil
        let what = d.kind == .primary ? "primary storage" : "secondary storage"
        Update.flash(&s, "Added \(what) \(name ?? d.values["name"] ?? "")", error: false)
        let view = d.kind == .primary ? "primary-storage" : "secondary-storage"
        guard s.lists[view] != nil else { return [] }
        return Update.reload(view, &s)
    }

    /// The server refused a request: its text goes over the form (and beside the field it names); the input stays.
    static func submitFailed(_ dialog: Int, step: Int, _ serverText: String, _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay, d.id == dialog else { return [] }
        // A server may quote the URL it refused, and URLs carry secrets (RBD, PowerFlex): mask every typed secret.
        let text = d.masking(serverText)
        d.submitting = false
        if step > 0 {
            d.message = ("The store was added, but the next step failed: \(text). Fix and press Enter to retry that step.", true)
        } else {
            d.message = (text, true)
        }
        if let key = fieldNamed(in: text, d.specs) {
            d.errors[key] = "refused by the server"
            d.form = d.makeForm(s.storageForms)
            d.form.focus(on: key)
        }
        s.overlay = .storage(d)
        return []
    }

    static func s3Tested(_ dialog: Int, ok: Bool, summary: String, rows: [String], _ s: inout AppState) -> [Effect] {
        guard case .storage(var d) = s.overlay, d.id == dialog else { return [] }
        d.testingS3 = false
        d.message = (summary, !ok)
        d.s3Report = rows
        d.showingReport = !rows.isEmpty
        s.overlay = .storage(d)
        return []
    }

    /// The field a server message names ("Invalid parameter bucket value=…", "missing parameter accesskey").
    static func fieldNamed(in text: String, _ specs: [FieldSpec]) -> String? {
        let lower = text.lowercased()
        for marker in ["invalid parameter ", "missing parameter ", "parameter "] {
            guard let r = lower.range(of: marker) else { continue }
            let name = lower[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            guard !name.isEmpty else { continue }
            for spec in specs {
                let sent: String
                switch spec.target {
                case .param(let n), .detail(let n): sent = n
                default: sent = spec.key
                }
                if sent.lowercased() == name || spec.key.lowercased() == name { return spec.key }
            }
        }
        return nil
    }
}
