import Foundation

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

    /// Parses theme JSON; `file` is only used to name the source in errors.
    public static func parse(_ data: Data, file: String) throws(ThemeError) -> Theme {
        let root: ThemeJSON
        do {
            root = try JSONDecoder().decode(ThemeJSON.self, from: data)
        } catch let error as DecodingError {
            throw ThemeError(file: file, problem: "not valid JSON (\(Theme.describe(error)))")
        } catch {
            throw ThemeError(file: file, problem: "not valid JSON")
        }
        guard case .object(let top) = root else {
            throw ThemeError(file: file, problem: "a theme is a JSON object of roles, e.g. {\"text\": {\"fg\": \"white\"}}")
        }
        var name = (file as NSString).lastPathComponent
        if name.hasSuffix(".json") { name = String(name.dropLast(5)) }
        if let value = top["name"] {
            guard case .string(let s) = value else { throw ThemeError(file: file, key: "name", problem: "must be a string") }
            name = s
        }
        if let value = top["description"], case .string = value {} else if top["description"] != nil {
            throw ThemeError(file: file, key: "description", problem: "must be a string")
        }
        var styles: [ThemeRole: Style] = [:]
        for key in top.keys.sorted() where !metadataKeys.contains(key) {
            guard let role = ThemeRole(rawValue: key) else {
                throw ThemeError(file: file, key: key, problem: "unknown role (known roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let value = top[key] else { continue }
            styles[role] = try parseStyle(value, role: key, file: file)
        }
        return Theme(name: name, styles: styles)
    }

    private static func parseStyle(_ value: ThemeJSON, role: String, file: String) throws(ThemeError) -> Style {
        guard case .object(let fields) = value else {
            throw ThemeError(file: file, key: role, problem: "must be an object like {\"fg\": \"white\", \"bg\": \"blue\", \"bold\": true}")
        }
        var style = Style()
        for key in fields.keys.sorted() {
            guard let field = fields[key] else { continue }
            let path = "\(role).\(key)"
            switch key {
            case "fg": style.foreground = try parseColour(field, path: path, file: file)
            case "bg": style.background = try parseColour(field, path: path, file: file)
            case "bold", "underline", "reverse", "dim":
                guard case .bool(let on) = field else {
                    throw ThemeError(file: file, key: path, problem: "must be true or false")
                }
                let attr: Style.Attributes = switch key {
                case "bold": .bold
                case "underline": .underline
                case "reverse": .reverse
                default: .dim
                }
                if on { style.attributes.insert(attr) } else { style.attributes.remove(attr) }
            default:
                throw ThemeError(file: file, key: path, problem: "unknown key (allowed: \(styleKeys.joined(separator: ", ")))")
            }
        }
        return style
    }

    private static func parseColour(_ value: ThemeJSON, path: String, file: String) throws(ThemeError) -> Color {
        switch value {
        case .string(let s):
            guard let c = Color(parsing: s) else {
                throw ThemeError(file: file, key: path, problem: "'\(s)' is not a colour name (\(colourHelp))")
            }
            return c
        case .number(let n):
            guard n.rounded() == n, n >= 0, n <= 255 else {
                throw ThemeError(file: file, key: path, problem: "\(n) is not a colour index (0-255)")
            }
            return .indexed(UInt8(n))
        default:
            throw ThemeError(file: file, key: path, problem: "must be a colour name or index (\(colourHelp))")
        }
    }

    private static func readFailure(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) { return "no such file" }
        if isDirectory.boolValue { return "it is a directory" }
        return "permission denied or unreadable"
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError as NSError?,
               let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
            return context.debugDescription
        default:
            return "unexpected structure"
        }
    }
}

/// The JSON shapes a theme file can contain.
enum ThemeJSON: Decodable {
    case object([String: ThemeJSON])
    case array([ThemeJSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let n = try? c.decode(Double.self) { self = .number(n); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let o = try? c.decode([String: ThemeJSON].self) { self = .object(o); return }
        self = .array(try c.decode([ThemeJSON].self))
    }
}
