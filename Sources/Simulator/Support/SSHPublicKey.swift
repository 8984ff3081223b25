import Crypto
import Foundation

/// An OpenSSH public key line ("ssh-ed25519 AAAA… comment") checked as SSHKeysHelper reads it: a known key type, then
/// Base64 of a key blob that names the same type. Key material given without spaces is taken as the Base64 of a line.
struct SSHPublicKey: Sendable, Equatable {
    static let types: Set<String> = ["ssh-rsa", "ssh-dss", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                                     "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"]
    var type: String
    var blob: [UInt8]

    /// "type base64", the comment dropped, as the server keeps it.
    var normalized: String { type + " " + Data(blob).base64EncodedString() }

    /// The MD5 of the key blob as colon-separated hex pairs, as SSHKeysHelper.getPublicKeyFingerprint writes it.
    var fingerprint: String { Self.fingerprint(blob) }

    static func fingerprint(_ blob: [UInt8]) -> String {
        Insecure.MD5.hash(data: blob).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined(separator: ":")
    }

    init(type: String, blob: [UInt8]) {
        self.type = type
        self.blob = blob
    }

    /// nil when the material is not an OpenSSH public key.
    init?(parsing material: String) {
        var text = material.trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.contains(" ") {
            guard let decoded = Data(base64Encoded: text), let line = String(data: decoded, encoding: .utf8) else { return nil }
            text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, Self.types.contains(String(parts[0])), let blob = Data(base64Encoded: String(parts[1])) else { return nil }
        // The blob starts with the key type as an SSH string; a line whose blob names another type is not a key.
        let bytes = [UInt8](blob)
        guard bytes.count > 4 else { return nil }
        let length = Int(bytes[0]) << 24 | Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3])
        guard length > 0, 4 + length <= bytes.count, String(decoding: bytes[4..<(4 + length)], as: UTF8.self) == String(parts[0]) else { return nil }
        self.init(type: String(parts[0]), blob: bytes)
    }

    /// The blob of an Ed25519 public key: string "ssh-ed25519", string key.
    static func ed25519(_ key: Curve25519.Signing.PublicKey) -> SSHPublicKey {
        var w = SSHWireWriter()
        w.string("ssh-ed25519")
        w.string(Array(key.rawRepresentation))
        return SSHPublicKey(type: "ssh-ed25519", blob: w.bytes)
    }
}

/// The SSH wire encoding of strings and integers (RFC 4251), for key blobs and the OpenSSH private key format.
struct SSHWireWriter {
    var bytes: [UInt8] = []

    mutating func uint32(_ v: UInt32) { bytes += [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
    mutating func string(_ s: String) { string(Array(s.utf8)) }
    mutating func string(_ b: [UInt8]) {
        uint32(UInt32(b.count))
        bytes += b
    }
}
