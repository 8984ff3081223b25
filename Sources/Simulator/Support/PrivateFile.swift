import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a file that holds secrets (passwords, API keys): mode 0600 from its first byte, never through a symlink.
///
/// The data goes to a new file created beside the target with O_EXCL|O_NOFOLLOW and mode 0600, which is then
/// renamed over the target. rename() replaces a symlink at the target rather than following it, so a link planted
/// at the path (pointing at, say, ~/.bashrc) is swapped for a plain file and whatever it pointed at is untouched.
public enum PrivateFile {
    /// Why the file could not be written, with the path and the system's reason.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(path: path, reason: systemReason()) }
        // umask can only take bits away; set exactly 0600 so the owner can read it back whatever the umask.
        var failure: String? = fchmod(fd, 0o600) == 0 ? nil : systemReason()
        if failure == nil {
            failure = data.withUnsafeBytes { raw -> String? in
                var offset = 0
                while offset < raw.count {
                    let n = posixWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        return systemReason()
                    }
                    offset += n
                }
                return nil
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = systemReason() }
        close(fd)
        if failure == nil, rename(temporary, path) != 0 { failure = systemReason() }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, reason: failure)
        }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}

/// The C write(2), named apart from Swift's `write` members so the call above is unambiguous.
@inline(__always)
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
