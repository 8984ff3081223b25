import CloudStack

/// listSSHKeyPairs, createSSHKeyPair, registerSSHKeyPair, deleteSSHKeyPair (all sync), as SshKeyPairServiceImpl:
/// key pairs are named per account, only public keys are kept, and a created pair's private key is answered once.
enum SSHKeyPairHandlers {
    static let fields = ["id", "name", "fingerprint", "account", "domainid", "domain", "hasannotations"]
    static let createFields = fields + ["privatekey"]

    static func object(_ k: SSHKeyPairRecord, _ inv: Inventory) -> ObjectBuilder {
        var b = ObjectBuilder()
        b.add("id", k.id)
        b.add("name", k.name)
        b.add("fingerprint", k.fingerprint)
        NetworkAccess.addOwner(&b, k.accountID, inv)
        b.add("hasannotations", false)
        return b
    }

    static func list(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let inv = s.inventory
        let id = try ctx.uuid("id") { id in inv.compute.sshKeyPairs.contains { $0.id == id } }
        let name = ctx.params.value("name")
        let fingerprint = ctx.params.value("fingerprint")
        let keyword = ctx.params.value("keyword")?.lowercased()
        let scope = ctx.visibleAccount(inv)
        return try InfrastructureHandlers.page(ctx, inv.compute.sshKeyPairs, key: "sshkeypair", where: { k in
            NetworkAccess.visible(scope, k.accountID) && (id == nil || k.id == id) && (name == nil || k.name == name)
                && (fingerprint == nil || k.fingerprint == fingerprint)
                && (keyword == nil || k.name.lowercased().contains(keyword ?? "") || k.fingerprint.contains(keyword ?? ""))
        }) { object($0, inv).value }
    }

    static func create(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let owner = try ComputeAccess.owner(ctx, s.inventory)
        if s.inventory.compute.keyPairPosition(named: name, accountID: owner.id) != nil {
            throw APIError.invalid("A key pair with name '\(name)' already exists.")
        }
        let pair = SSHKeyGenerator.generate(comment: name)
        let record = SSHKeyPairRecord(id: s.inventory.newID(), name: name, fingerprint: pair.publicKey.fingerprint,
                                      publicKey: pair.publicKey.normalized, accountID: owner.id, created: APIDate.now())
        s.inventory.compute.sshKeyPairs.append(record)
        s.addEvent(type: "REGISTER.SSH.KEYPAIR", description: "creating SSH key pair \(name)", caller: ctx.caller)
        // The private key goes to the caller in this answer only; the simulator keeps no copy, as the server keeps none.
        var b = object(record, s.inventory)
        b.add("privatekey", pair.privateKeyPEM)
        return JSONObject([("keypair", b.value)])
    }

    static func register(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let material = try ctx.required("publickey")
        let owner = try ComputeAccess.owner(ctx, s.inventory)
        if s.inventory.compute.keyPairPosition(named: name, accountID: owner.id) != nil {
            throw APIError.invalid("A key pair with name '\(name)' already exists for this account.")
        }
        guard let key = SSHPublicKey(parsing: material) else { throw APIError.invalid("Public key is invalid") }
        if s.inventory.compute.sshKeyPairs.contains(where: { $0.accountID == owner.id && $0.publicKey.hasPrefix(key.normalized) }) {
            throw APIError.invalid("A key pair with key '\(key.normalized)' already exists for this account.")
        }
        let record = SSHKeyPairRecord(id: s.inventory.newID(), name: name, fingerprint: key.fingerprint, publicKey: key.normalized,
                                      accountID: owner.id, created: APIDate.now())
        s.inventory.compute.sshKeyPairs.append(record)
        s.addEvent(type: "REGISTER.SSH.KEYPAIR", description: "registering SSH key pair \(name)", caller: ctx.caller)
        return JSONObject([("keypair", object(record, s.inventory).value)])
    }

    static func delete(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let name = try ctx.required("name")
        let owner = try ComputeAccess.owner(ctx, s.inventory)
        guard let k = s.inventory.compute.keyPairPosition(named: name, accountID: owner.id) else {
            throw APIError.invalid("A key pair with name '\(name)' does not exist for account \(owner.name) in specified domain id")
        }
        s.inventory.compute.sshKeyPairs.remove(at: k)
        s.addEvent(type: "DELETE.SSH.KEYPAIR", description: "deleting SSH key pair \(name)", caller: ctx.caller)
        return JSONObject([("success", .bool(true))])
    }
}
