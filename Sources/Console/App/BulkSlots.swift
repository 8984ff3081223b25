/// At most `limit` rows of bulk actions in flight (their call and their job): 200 VMs stopped at once would send
/// 200 requests and then poll 200 jobs together. Waiters are served in order.
actor BulkSlots {
    /// 32: a bulk Stop of 200 VMs with 1-3 s jobs took 79 s with 8 in flight (25 rounds of a job's time plus its
    /// polling) and about a quarter of that with 32 (BENCHMARKS.md); more would mostly add polls on a server that
    /// queues VM work per host anyway.
    static let defaultLimit = 32

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
