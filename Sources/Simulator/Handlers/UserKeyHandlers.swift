import CloudStack

/// registerUserKeys and getUserKeys (sync): a user's API key pair, answered under `userkeys` as RegisterResponse is.
/// A user-role caller may only ask for its own account's users.
enum UserKeyHandlers {
    static func userIndex(_ s: SimState, _ ctx: RequestContext) throws -> Int {
        let i = try UserStateHandlers.userIndex(s, ctx)
        let u = s.inventory.users[i]
        guard ctx.owns(u.accountID) else {
            throw APIError.denied("Account '\(ctx.caller.account.name)' does not have permission to operate with resource \(u.id)")
        }
        return i
    }

    static func register(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let i = try userIndex(s, ctx)
        // The old pair stops working at once: requests signed with it are refused from now on.
        s.inventory.users[i].apiKey = newKey()
        s.inventory.users[i].secretKey = newKey()
        let u = s.inventory.users[i]
        s.addEvent(type: "REGISTER.USER.KEY", description: "register for the developer API keys", caller: ctx.caller, resourceID: u.id, resourceType: "User")
        return JSONObject([("userkeys", .object(JSONObject([("apikey", .string(u.apiKey)), ("secretkey", .string(u.secretKey))])))])
    }

    static func get(_ s: inout SimState, _ ctx: RequestContext) throws -> JSONObject {
        let u = s.inventory.users[try userIndex(s, ctx)]
        return JSONObject([("userkeys", .object(JSONObject([("apikey", .string(u.apiKey)), ("secretkey", .string(u.secretKey)),
                                                             ("apikeyaccess", .bool(true))])))])
    }

    /// 86 URL-safe Base64 characters, the shape of the 64-byte HmacSHA1 keys the server generates.
    static func newKey() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var g = SystemRandomNumberGenerator()
        return String((0..<86).map { _ in alphabet[Int(g.next() % 64)] })
    }
}
