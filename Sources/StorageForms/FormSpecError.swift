/// A problem in a form description, naming where:
/// "storageProviders[0].fields[2].kind: unknown kind 'strng' (text, secret, number, bool, select)".
public struct FormSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { path.isEmpty ? problem : "\(path): \(problem)" }
}
