import Foundation
import Wire

extension Theme {
    /// Keys a theme file may hold besides the role names.
    static let metadataKeys: Set<String> = ["$schema", "name", "description"]
    /// Keys a role object may hold.
    static let styleKeys = ["fg", "bg", "bold", "underline", "reverse", "dim"]
    static let colourHelp = "black, red, green, yellow, blue, magenta, cyan, white, brightBlack ... brightWhite, default, or 0-255 or #rrggbb"

    /// Loads a theme file; roles it leaves out keep the built-in style.
    public static func load(path: String) throws(ThemeError) -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ThemeError(file: path, problem: "cannot read the file (\(Theme.readFailure(path)))")
        }
        return try parse(data, file: path)
    }

    /// Loads a theme file, or gives the built-in theme and the reason when the file is unusable.
    public static func loadOrDefault(path: String) -> (theme: Theme, error: ThemeError?) {
        do {
            return (try load(path: path), nil)
        } catch {
            return (.builtIn, error)
        }
    }

    /// The path of a theme given by name ("dark") in a themes directory, or the argument itself when it
    /// already names a file (contains "/" or ends in ".json").
    public static func path(forName name: String, directory: String = "themes") -> String {
        if name.contains("/") || name.hasSuffix(".json") { return name }
        return directory + "/" + name + ".json"
    }

    /// Parses theme JSON with the one strict reader; `file` is only used to name the source in errors.
    public static func parse(_ data: Data, file: String) throws(ThemeError) -> Theme {
        do {
            return try read(JSONReader.parse(String(decoding: data, as: UTF8.self)), file: file)
        } catch {
            throw ThemeError(file: file, key: error.path.isEmpty ? nil : error.path, problem: error.problem)
        }
    }

    private static func read(_ root: JSONValue, file: String) throws(JSONPathError) -> Theme {
        guard let top = root.objectValue else {
            throw JSONPathError(path: "", problem: "a theme is a JSON object of roles, e.g. {\"text\": {\"fg\": \"white\"}}")
        }
        let known = ThemeRole.allCases.map(\.rawValue)
        if let unknown = top.keys.first(where: { !metadataKeys.contains($0) && !known.contains($0) }) {
            throw JSONPathError(path: unknown, problem: "unknown role (known roles: \(known.joined(separator: ", ")))")
        }
        let reader = try JSONReader(root, path: "", allowed: Array(metadataKeys) + known)
        var name = (file as NSString).lastPathComponent
        if name.hasSuffix(".json") { name = String(name.dropLast(5)) }
        if let given = try reader.string("name") { name = given }
        _ = try reader.string("description")
        var styles: [ThemeRole: Style] = [:]
        for key in top.keys.sorted() {
            guard let role = ThemeRole(rawValue: key), let value = top[key] else { continue }
            styles[role] = try parseStyle(value, role: key)
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ value: JSONValue, role: String) throws(JSONPathError) -> Style {
        guard value.objectValue != nil else {
            throw JSONPathError(path: role, problem: "must be an object like {\"fg\": \"white\", \"bg\": \"blue\", \"bold\": true}")
        }
        let fields = try JSONReader(value, path: role, allowed: styleKeys)
        var style = Style()
        for key in fields.object.keys.sorted() {
            guard let field = fields[key] else { continue }
            let path = fields.at(key)
            switch key {
            case "fg": style.foreground = try parseColour(field, path: path)
            case "bg": style.background = try parseColour(field, path: path)
            default:
                guard case .bool(let on) = field else { throw JSONPathError(path: path, problem: "must be true or false") }
                let attr: Style.Attributes = switch key {
                case "bold": .bold
                case "underline": .underline
                case "reverse": .reverse
                default: .dim
                }
                if on { style.attributes.insert(attr) } else { style.attributes.remove(attr) }
            }
        }
        return style
    }

    private static func parseColour(_ value: JSONValue, path: String) throws(JSONPathError) -> Color {
        switch value {
        case .string(let s):
            guard let c = Color(parsing: s) else {
                throw JSONPathError(path: path, problem: "'\(s)' is not a colour name (\(colourHelp))")
            }
            return c
        case .int(let n):
            guard (0...255).contains(n) else { throw JSONPathError(path: path, problem: "\(n) is not a colour index (0-255)") }
            return .indexed(UInt8(n))
        case .double(let d):
            throw JSONPathError(path: path, problem: "\(d) is not a colour index (0-255)")
        default:
            throw JSONPathError(path: path, problem: "must be a colour name or index (\(colourHelp))")
        }
    }

    private static func readFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return "permission denied or unreadable"
    }
}
