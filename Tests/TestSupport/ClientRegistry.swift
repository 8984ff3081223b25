import CloudStack
import Synchronization

/// Every client a test made for a simulator, by the simulator's port, so each is closed even when the test stops early.
public enum ClientRegistry {
    static let clients = Mutex<[Int: [CloudStackClient]]>([:])

    public static func add(_ c: CloudStackClient, port: Int) { clients.withLock { $0[port, default: []].append(c) } }

    public static func closeAll(port: Int) async {
        let list = clients.withLock { $0.removeValue(forKey: port) ?? [] }
        for c in list { await c.close() }
    }
}
