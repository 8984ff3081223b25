/// The parsed forms of one kind (primary or image), as read from the forms JSON.
struct KindForms: Sendable {
    var kind: StorageKind
    /// The fields every form of this kind starts with (primary: scope … tags; image: provider, name, zone).
    var common: [FieldSpec]
    /// Top-level parameter names sent first, in this order; other parameters follow in field order.
    var paramOrder: [String]
    /// The provider preselected when the server offers it.
    var defaultProvider: String?
    var providers: [ProviderForm]
    /// The form of a provider the server lists but no form describes.
    var generic: ProviderForm
    // Primary only.
    var protocolsByHypervisor: [(hypervisor: String, protocols: [String])] = []
    var protocolsWhenAPI: [(api: String, table: [(hypervisor: String, protocols: [String])])] = []
    var protocols: [ProtocolForm] = []
    var customProviderFields: [FieldSpec] = []
    /// The key of the field whose value, when filled, is sent instead of the built URL (custom-field providers).
    var urlOverride: String?
}

/// A primary-storage protocol: its fields and how they make the URL.
struct ProtocolForm: Sendable {
    var name: String
    /// The variant for these cluster hypervisors only (nil: any hypervisor without its own variant).
    var hypervisors: [String]?
    var fields: [FieldSpec]
    var url: URLTemplate?
    /// The provider this protocol always uses (Linstor); the provider select is hidden.
    var provider: String?
}

/// How an image store form uses the common zone field.
struct ZoneUse: Sendable {
    var shown = true
    /// Required only when these fields have these values (nil: always required).
    var requiredWhen: [String: [String]]?
    /// Sent as addImageStore's zoneid.
    var send = true
}

/// A request sent after the main one when `when` holds (S3's NFS staging store).
struct FollowUp: Sendable {
    var command: String
    var when: [String: [String]]
    var params: [(name: String, value: URLTemplate)]
}

/// One provider's form (built-in, contributed by a plugin, or the generic one).
struct ProviderForm: Sendable {
    var name: String
    var kind: StorageKind
    var label: String?
    var help: String?
    /// Primary: the protocol this provider forces (PowerFlex → custom); the protocol select is hidden.
    var protocolName: String?
    var fields: [FieldSpec] = []
    /// The provider's own URL template; when set, the protocol's fields are not shown.
    var url: URLTemplate?
    /// Primary: add managed, capacitybytes, capacityiops and the overriding url (every provider but DefaultPrimary/PowerFlex).
    var customFields = true
    /// Add the free "k=v, k2=v2" details field.
    var freeDetails = false
    /// Image: how the zone field is used.
    var zone = ZoneUse()
    /// Common fields that are optional for this provider (NFS image store: name).
    var optional: [String] = []
    /// Image: offered right after this provider when the server lists it but not this one (SMB after NFS).
    var offeredWith: String?
    var then: [FollowUp] = []
}
