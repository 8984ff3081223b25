import CloudStack
import Crypto
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("SSH key pairs")
struct SSHKeyPairTests {
    @Test("createSSHKeyPair answers a private key once; the list shows name, fingerprint and owner, never the key; names are unique per account")
    func create() async throws {
        try await withSimulator { server in
            let api = try user(server), admin = try admin(server)
            let r = try await api.call("createSSHKeyPair", [("name", "laptop-2")])
            #expect(r.responseName == "createsshkeypairresponse")
            let pair = try #require(r.content["keypair"]?.objectValue)
            let privateKey = try #require(pair["privatekey"]?.text)
            #expect(privateKey.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n") && privateKey.hasSuffix("-----END OPENSSH PRIVATE KEY-----\n"))
            let fingerprint = try #require(pair["fingerprint"]?.text)
            #expect(fingerprint.split(separator: ":").count == 16)
            let listed = try await api.call("listSSHKeyPairs", [("name", "laptop-2")])
            #expect(listed.responseName == "listsshkeypairsresponse" && listed.list.itemKey == "sshkeypair")
            let row = try #require(listed.items().first)
            #expect(row["fingerprint"]?.text == fingerprint && row["account"]?.text == "demo")
            #expect(row["privatekey"] == nil)
            let again = await apiError { _ = try await api.call("createSSHKeyPair", [("name", "laptop-2")]) }
            #expect(again?.text == "A key pair with name 'laptop-2' already exists.")
            // The same name in another account is fine; the user sees only its own pairs.
            _ = try await admin.call("createSSHKeyPair", [("name", "laptop-2")])
            #expect(try await api.listAll("listSSHKeyPairs").items.allSatisfy { $0["account"]?.text == "demo" })
            #expect(try await admin.listAll("listSSHKeyPairs", [("listall", "true")]).items.contains { $0["account"]?.text == "acme-corp" })
        }
    }

    @Test("registerSSHKeyPair takes an OpenSSH public key and fingerprints its blob with MD5; anything else is 'Public key is invalid'")
    func register() async throws {
        try await withSimulator { server in
            let api = try user(server)
            let key = Curve25519.Signing.PrivateKey().publicKey.rawRepresentation
            var blob = Data([0, 0, 0, 11]) + Data("ssh-ed25519".utf8)
            blob += Data([0, 0, 0, 32]) + key
            let line = "ssh-ed25519 \(blob.base64EncodedString()) me@laptop"
            let r = try await api.call("registerSSHKeyPair", [("name", "uploaded"), ("publickey", line)])
            #expect(r.responseName == "registersshkeypairresponse")
            let expected = Insecure.MD5.hash(data: blob).map { String(format: "%02x", $0) }.joined(separator: ":")
            #expect(r.content["keypair"]?["fingerprint"]?.text == expected)
            #expect(r.content["keypair"]?["privatekey"] == nil)
            for bad in ["not a key", "ssh-rsa !!!!", "ssh-ed25519 " + Data("ssh-rsa".utf8).base64EncodedString()] {
                let e = await apiError { _ = try await api.call("registerSSHKeyPair", [("name", "bad"), ("publickey", bad)]) }
                #expect(e?.status == 431)
                #expect(e?.text == "Public key is invalid")
            }
            let same = await apiError { _ = try await api.call("registerSSHKeyPair", [("name", "again"), ("publickey", line)]) }
            #expect(same?.text.hasPrefix("A key pair with key 'ssh-ed25519 ") == true)
            let d = try await api.call("deleteSSHKeyPair", [("name", "uploaded")])
            #expect(d.content["success"] == .bool(true))
            let gone = await apiError { _ = try await api.call("deleteSSHKeyPair", [("name", "uploaded")]) }
            #expect(gone?.text == "A key pair with name 'uploaded' does not exist for account demo in specified domain id")
        }
    }
}
