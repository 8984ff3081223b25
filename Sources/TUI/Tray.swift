/// One notification: an async job or another piece of news, with its state.
public struct TrayItem: Hashable, Sendable {
    public enum Status: Hashable, Sendable {
        case pending
        case succeeded
        case failed
    }

    /// The job id or another stable key.
    public var id: String
    public var title: String
    public var status: Status
    /// Seconds since the job started (or until it ended).
    public var elapsed: Double
    /// The server's errortext for failures, or a result note.
    public var detail: String?

    public init(id: String, title: String, status: Status = .pending, elapsed: Double = 0, detail: String? = nil) {
        self.id = id
        self.title = title
        self.status = status
        self.elapsed = elapsed
        self.detail = detail
    }

    /// "8s", "2m05s", "1h02m".
    public static func formatElapsed(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.isFinite ? seconds : 0))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + (s % 60 < 10 ? "0" : "") + "\(s % 60)s" }
        return "\(s / 3600)h" + ((s % 3600) / 60 < 10 ? "0" : "") + "\((s % 3600) / 60)m"
    }
}

/// The notifications tray: newest first, each with a status mark, its title, elapsed time, and the error below
/// a failed one.
public struct Tray: Hashable, Sendable {
    public var items: [TrayItem]
    public var selectedIndex: Int

    public init(items: [TrayItem] = [], selectedIndex: Int = 0) {
        self.items = items
        self.selectedIndex = selectedIndex
    }

    /// Adds an item at the top, or replaces the one with the same id in place.
    public mutating func upsert(_ item: TrayItem) {
        if let i = items.firstIndex(where: { $0.id == item.id }) { items[i] = item } else { items.insert(item, at: 0) }
    }

    public var pendingCount: Int { items.filter { $0.status == .pending }.count }

    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"): selectedIndex = max(0, selectedIndex - 1)
        case .down, .char("j"): selectedIndex = min(max(0, items.count - 1), selectedIndex + 1)
        default: return false
        }
        return true
    }

    static func mark(_ status: TrayItem.Status) -> (String, ThemeRole) {
        switch status {
        case .pending: ("…", .pending)
        case .succeeded: ("✓", .success)
        case .failed: ("✗", .error)
        }
    }

    /// Draws the list inside `rect` (the caller frames it).
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard !rect.isEmpty else { return }
        screen.fill(rect, style: theme[.dialog])
        guard !items.isEmpty else {
            screen.put("No notifications", x: rect.x + 1, y: rect.y, style: theme[.dim], maxWidth: rect.width - 1)
            return
        }
        var y = rect.y
        for (index, item) in items.enumerated() {
            guard y < rect.maxY else { break }
            let (mark, role) = Tray.mark(item.status)
            let selected = index == selectedIndex
            let base = selected ? theme[.selectedRow] : theme[.dialog]
            if selected { screen.fill(rect.row(y - rect.y), style: base) }
            let elapsed = TrayItem.formatElapsed(item.elapsed)
            let ew = DisplayWidth.of(elapsed)
            screen.put(mark, x: rect.x + 1, y: y, style: selected ? base : theme[role])
            screen.put(item.title, x: rect.x + 3, y: y, style: base, maxWidth: max(0, rect.width - ew - 5))
            if rect.width > ew + 8 { screen.put(elapsed, x: rect.maxX - ew - 1, y: y, style: selected ? base : theme[.dim]) }
            y += 1
            if let detail = item.detail, y < rect.maxY {
                screen.put(detail, x: rect.x + 3, y: y, style: item.status == .failed ? theme[.error] : theme[.dim], maxWidth: rect.width - 4)
                y += 1
            }
        }
    }
}
