/// A VM's ROOT volume, derived from the VM until something changes it (then it is a VolumeRecord).
/// Its id is the VM's id with every hex digit shifted by a fixed amount (version and variant bits kept), so the
/// id leads back to the VM without an index: 100,000 VMs cost no ROOT records and no lookup table.
enum RootVolumes {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
    /// Per hex digit (32 of them), how far it is shifted.
    private static let shift: [UInt8] = (0..<32).map { UInt8((($0 * 7) + 5) % 16) | 1 }

    static func id(forVM vmID: String) -> String? { transform(vmID, forward: true) }

    /// The VM whose derived ROOT volume has this id (nil if the text is not a UUID).
    static func vmID(forVolume volumeID: String) -> String? { transform(volumeID, forward: false) }

    private static func transform(_ text: String, forward: Bool) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(36)
        var digit = 0
        for (i, b) in bytes.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard b == UInt8(ascii: "-") else { return nil }
                out.append(b)
                continue
            }
            guard let v = nibble(b) else { return nil }
            let s = shift[digit]
            var n: UInt8
            switch digit {
            case 12: n = v // the version digit stays "4"
            case 16: n = (v & 0xC) | ((forward ? v &+ s : v &- s) & 0x3) // the variant's top bits stay
            default: n = (forward ? v &+ s : v &- s) & 0xF
            }
            out.append(hex[Int(n)])
            digit += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func nibble(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// The VM's number in the database, as its instance name (i-<account>-<number>-VM) shows it.
    /// Read from the bytes: listVolumes with a keyword runs this for every VM.
    static func vmNumber(_ vm: VirtualMachineRecord) -> Substring {
        let name = vm.instanceName.utf8
        var dashes = 0
        var start = name.startIndex
        for i in name.indices where name[i] == UInt8(ascii: "-") {
            dashes += 1
            if dashes == 2 { start = name.index(after: i) }
            if dashes == 3 { return Substring(vm.instanceName[start..<i]) }
        }
        return "0"
    }

    static func name(_ vm: VirtualMachineRecord) -> String { "ROOT-" + vmNumber(vm) }

    /// The name as a keyword search sees it.
    static func lowercasedName(_ vm: VirtualMachineRecord) -> String { "root-" + vmNumber(vm) }

    /// The template's disk size: 20 to 50 GB, fixed per template.
    static func sizeBytes(templateID: String) -> Int64 {
        let gb: [Int64] = [20, 25, 30, 40, 50]
        return gb[Int(stableHash(templateID) % UInt64(gb.count))] * 1_073_741_824
    }

    /// The state a derived ROOT volume shows, following its VM.
    static func state(_ vm: VirtualMachineRecord) -> VolumeState {
        switch vm.state {
        case .Destroyed: return .Destroy
        case .Expunging: return .Expunging
        default: return .Ready
        }
    }

    /// The ROOT volume of `vm` as a record (to show it, or to keep it once it changes).
    static func record(_ vm: VirtualMachineRecord) -> VolumeRecord {
        let id = id(forVM: vm.id) ?? vm.id
        return VolumeRecord(id: id, name: name(vm), type: .ROOT, state: state(vm), sizeBytes: sizeBytes(templateID: vm.templateID),
                            vmID: vm.id, deviceID: 0, poolID: vm.poolID, zoneID: vm.zoneID, diskOfferingID: nil, accountID: vm.accountID,
                            created: vm.created, attached: vm.created, path: id, provisioningType: "thin", snapshotID: nil,
                            templateID: vm.templateID, stableState: nil)
    }
}
