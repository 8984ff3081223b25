import StorageForms

/// What an action form asks the effect runner for: the choices of a select, from its list API (its parameters
/// already filled from the form's values and the row).
enum FormEffect: Sendable {
    case loadOptions(form: Int, field: String, FieldSpec.OptionsAPI)
}

/// What that work reports back, by form number and the request it answers (answers for a form already closed, or
/// for a request the form has since replaced, are dropped).
enum FormEvent: Sendable {
    /// `more`: the list API holds more matches than the page loaded (a picker of 100,000 VMs): typing searches the server.
    case optionsLoaded(form: Int, field: String, request: FieldSpec.OptionsAPI, [FieldOption]?, error: String?, more: Bool = false)
}
