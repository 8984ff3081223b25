import CloudStack

/// Checks shared by handlers: UUID parameters that must name something, and ownership.
extension RequestContext {
    /// The value of a UUID parameter, checked with `exists`; a UUID that names nothing is the server's 431 "invalid value".
    func uuid(_ name: String, exists: (String) -> Bool) throws -> String? {
        guard let v = params.value(name) else { return nil }
        guard exists(v) else { throw APIError.badValue(commandLabel, name, v) }
        return v
    }

    /// Whether the caller may act on something owned by `accountID`.
    func owns(_ accountID: String) -> Bool { caller.isAdmin || caller.account.id == accountID }

    /// Which accounts' resources a list shows: a user sees its own; an admin its own unless listall=true or an account is named.
    func visibleAccount(_ inv: Inventory) -> (all: Bool, accountID: String?) {
        if !caller.isAdmin { return (false, caller.account.id) }
        if let name = params.value("account") {
            return (false, inv.accounts.first { $0.name == name }?.id ?? "-none-")
        }
        // buildACLSearchParameters: an admin asking for one id, or with listall=true, is not limited to its own account.
        if params.bool("listall") == true || params.value("id") != nil { return (true, nil) }
        return (false, caller.account.id)
    }
}

/// A stable pseudo-random number for an id, for figures that must not change between calls (stats).
func stableHash(_ s: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
}
