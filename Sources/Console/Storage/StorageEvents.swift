import StorageForms

/// What the add-storage dialogs ask the effect runner for.
enum StorageEffect: Sendable {
    case loadOptions(dialog: Int, OptionRequest)
    case submit(dialog: Int, requests: [StorageRequest], from: Int)
    case testS3(dialog: Int, S3TestInput)
}

/// What that work reports back, by dialog number (answers for a dialog already closed are dropped).
enum StorageEvent: Sendable {
    case optionsLoaded(dialog: Int, OptionRequest, [FieldOption], hypervisors: [String: String])
    case optionsFailed(dialog: Int, OptionRequest, String)
    case stepDone(dialog: Int, step: Int, total: Int, name: String?)
    case submitFailed(dialog: Int, step: Int, String)
    case s3Tested(dialog: Int, ok: Bool, summary: String, rows: [String])
}
