import CloudStack

/// A problem in a form description, naming where:
/// "storageProviders[0].fields[2].kind: unknown kind 'strng' (text, secret, number, bool, select)".
public typealias FormSpecError = JSONPathError
