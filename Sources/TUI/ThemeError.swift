/// Why a theme file could not be used; the message names the file and, where there is one, the key.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The dotted key path inside the file ("selectedRow.fg"), or nil for file-level problems.
    public var key: String?
    /// What is wrong, in words.
    public var problem: String

    public init(file: String, key: String? = nil, problem: String) {
        self.file = file
        self.key = key
        self.problem = problem
    }

    public var description: String {
        if let key { return "\(file): key '\(key)': \(problem)" }
        return "\(file): \(problem)"
    }
}
