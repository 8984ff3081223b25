/// At most `limit` rows of bulk actions in flight (their call and their job): 200 VMs stopped at once would flood
/// the management server, which queues async jobs per host anyway. Waiters are served in order.
actor BulkSlots {
    /// Eight: enough to keep a server's job workers busy on several hosts, few enough that a slow server (a
    /// second or more per call) is not sent hundreds of requests at once.
    static let defaultLimit = 8

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int = BulkSlots.defaultLimit) { self.limit = max(1, limit) }

    func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            inUse = max(0, inUse - 1)
        } else {
            waiting.removeFirst().resume()
        }
    }
}
