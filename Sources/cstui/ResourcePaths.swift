import CloudStack
import Console
import Foundation

/// Where cstui finds its plugins and themes: the one place the lookup order is written down.
///
/// For both, from the highest precedence to the lowest:
/// 1. the flag (`--plugins DIR`, `--theme NAME|FILE`);
/// 2. `$CSTUI_PLUGINS` / `$CSTUI_THEMES`;
/// 3. `${XDG_CONFIG_HOME:-~/.config}/cstui/plugins` and `.../themes`;
/// 4. the shipped ones: the install's `<exe dir>/../share/cstui/` (symlinks to the executable resolved), or, for a
///    binary built in a checkout (`swift run`), the repository's `plugins/` and `themes/`.
/// The working directory is never searched unless a flag or variable names it: a checkout of someone else's plugins
/// must not run because cstui was started in it.
enum ResourcePaths {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// `${XDG_CONFIG_HOME:-~/.config}/cstui`; a relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
    static func configDirectory(_ env: [String: String] = environment) -> String {
        XDGDirectory.config.cstuiFolder(environment: env) ?? NSHomeDirectory() + "/.config/cstui"
    }

    /// The plugin roots from low to high precedence, as `PluginLoader.load(roots:)` takes them. Roots that do not
    /// exist yet are kept (a user may create the folder and press R); the loader skips them.
    static func pluginRoots(flag: String?, _ env: [String: String] = environment) -> [PluginRoot] {
        var roots: [PluginRoot] = []
        if let shipped = shipped("plugins") { roots.append(PluginRoot(path: shipped, origin: .shipped)) }
        roots.append(PluginRoot(path: configDirectory(env) + "/plugins", origin: .user))
        if let dir = env["CSTUI_PLUGINS"], !dir.isEmpty { roots.append(PluginRoot(path: dir, origin: .environment)) }
        if let flag { roots.append(PluginRoot(path: flag, origin: .flag)) }
        return roots
    }

    /// The folders a theme given by name is looked for in, first match wins: `$CSTUI_THEMES`, the user's, the
    /// shipped ones. Only folders that exist.
    static func themeDirectories(_ env: [String: String] = environment) -> [String] {
        var dirs: [String] = []
        if let dir = env["CSTUI_THEMES"], !dir.isEmpty { dirs.append(dir) }
        dirs.append(configDirectory(env) + "/themes")
        if let shipped = shipped("themes") { dirs.append(shipped) }
        return dirs.filter(isDirectory)
    }

    /// The shipped folder `name` (`plugins` or `themes`): `<exe dir>/../share/cstui/<name>` for an installed
    /// binary; otherwise the repository the binary was built in, found by walking up from the executable to a
    /// folder holding Package.swift and plugins/plugins.json (`.build/<triple>/debug/cstui`).
    static func shipped(_ name: String) -> String? {
        let exeDir = executable.deletingLastPathComponent()
        let share = exeDir.appendingPathComponent("../share/cstui/\(name)").standardized.path
        if isDirectory(share) { return share }
        var dir = exeDir
        while dir.path != "/" && !dir.path.isEmpty {
            let fm = FileManager.default
            if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               fm.fileExists(atPath: dir.appendingPathComponent("plugins/plugins.json").path) {
                let path = dir.appendingPathComponent(name).path
                return isDirectory(path) ? path : nil
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// The running executable with symlinks resolved (`~/.local/bin/cstui` → wherever it really is).
    static let executable: URL = {
        // /proc/self/exe is right however cstui was started (by PATH lookup argv[0] is only "cstui").
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).resolvingSymlinksInPath()
        }
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath()
    }()

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
