import StorageForms

/// What an action form asks the effect runner for: the choices of a select, from its list API.
enum FormEffect: Sendable {
    case loadOptions(form: Int, field: String, FieldSpec.OptionsAPI)
}

/// What that work reports back, by form number (answers for a form already closed are dropped).
enum FormEvent: Sendable {
    case optionsLoaded(form: Int, field: String, [FieldOption]?, error: String?)
}
