import Crypto
import Foundation

/// A new key pair for createSSHKeyPair. The server's SSHKeysHelper makes an RSA pair; the simulator makes an Ed25519
/// pair in the OpenSSH formats, which every current ssh client reads, so the private key it hands out really works.
enum SSHKeyGenerator {
    struct Pair {
        var publicKey: SSHPublicKey
        var privateKeyPEM: String
    }

    static func generate(comment: String) -> Pair {
        let key = Curve25519.Signing.PrivateKey()
        let pub = SSHPublicKey.ed25519(key.publicKey)
        return Pair(publicKey: pub, privateKeyPEM: openSSHPrivateKey(key, publicBlob: pub.blob, comment: comment))
    }

    /// PROTOCOL.key: "openssh-key-v1", no cipher, one key; the private part is check ints, the key, the comment, padding.
    static func openSSHPrivateKey(_ key: Curve25519.Signing.PrivateKey, publicBlob: [UInt8], comment: String) -> String {
        let seed = Array(key.rawRepresentation)
        let pub = Array(key.publicKey.rawRepresentation)
        var check = UInt32.random(in: 0...UInt32.max)
        if check == 0 { check = 1 }
        var priv = SSHWireWriter()
        priv.uint32(check)
        priv.uint32(check)
        priv.string("ssh-ed25519")
        priv.string(pub)
        priv.string(seed + pub)
        priv.string(comment)
        var pad: UInt8 = 1
        while priv.bytes.count % 8 != 0 {
            priv.bytes.append(pad)
            pad += 1
        }
        var w = SSHWireWriter()
        w.bytes = Array("openssh-key-v1".utf8) + [0]
        w.string("none")
        w.string("none")
        w.string("")
        w.uint32(1)
        w.string(publicBlob)
        w.string(priv.bytes)
        let body = Data(w.bytes).base64EncodedString()
        var lines = ["-----BEGIN OPENSSH PRIVATE KEY-----"]
        var rest = Substring(body)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(70)))
            rest = rest.dropFirst(70)
        }
        lines.append("-----END OPENSSH PRIVATE KEY-----")
        return lines.joined(separator: "\n") + "\n"
    }
}
