import CloudStack
import Foundation
import Testing

/// The config-permission warning judges the file a symlinked config leads to, not the link.
@Suite("Config file permissions")
struct ConfigPermissionTests {
    /// A file with `mode` and a symlink to it; the link's own mode is set too where the system allows it.
    static func linked(fileMode: Int) throws -> (link: String, target: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-perm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let target = dir.appendingPathComponent("real-config").path
        try "[x]\nurl = http://h/client/api\napikey = K\nsecretkey = S\n".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: fileMode], ofItemAtPath: target)
        let link = dir.appendingPathComponent("config").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        return (link, target)
    }

    /// The link's own permission bits (Linux always reports 0777 for a symlink).
    static func linkMode(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_mode) & 0o777 : -1
    }

    @Test("a symlink to a 0644 file warns and names the mode of the file")
    func linkToOpenFile() throws {
        let (link, _) = try Self.linked(fileMode: 0o644)
        let warning = try #require(ProfileResolver(configPath: link, environment: [:]).permissionWarning())
        #expect(warning.contains("mode 644"))
        #expect(warning.contains("chmod 600 \(link)"))
    }

    @Test("a 0777 symlink to a 0600 file does not warn")
    func openLinkToClosedFile() throws {
        let (link, _) = try Self.linked(fileMode: 0o600)
        #expect(Self.linkMode(link) == 0o777)
        #expect(ProfileResolver(configPath: link, environment: [:]).permissionWarning() == nil)
    }
}
