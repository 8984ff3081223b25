/// A box drawn with Unicode line characters (ACS lines come out as "lqqk" in some terminals), with an optional
/// title in the top border; the inside is cleared.
public struct Frame: Sendable {
    public var title: String?
    public var borderRole: ThemeRole
    public var titleRole: ThemeRole
    public var fillRole: ThemeRole

    public init(title: String? = nil, borderRole: ThemeRole = .border, titleRole: ThemeRole = .title, fillRole: ThemeRole = .background) {
        self.title = title
        self.borderRole = borderRole
        self.titleRole = titleRole
        self.fillRole = fillRole
    }

    /// Draws the frame and returns the rectangle inside the border.
    @discardableResult
    public func draw(into screen: inout Screen, in rect: Rect, theme: Theme) -> Rect {
        guard !rect.isEmpty else { return rect }
        let border = theme[borderRole]
        screen.fill(rect, style: theme[fillRole])
        if rect.width < 2 || rect.height < 2 {
            if let title { screen.put(title, x: rect.x, y: rect.y, style: theme[titleRole], maxWidth: rect.width) }
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let right = rect.maxX - 1
        let bottom = rect.maxY - 1
        for x in (rect.x + 1)..<right {
            screen.set(x: x, y: rect.y, Cell("─", style: border))
            screen.set(x: x, y: bottom, Cell("─", style: border))
        }
        for y in (rect.y + 1)..<bottom {
            screen.set(x: rect.x, y: y, Cell("│", style: border))
            screen.set(x: right, y: y, Cell("│", style: border))
        }
        screen.set(x: rect.x, y: rect.y, Cell("┌", style: border))
        screen.set(x: right, y: rect.y, Cell("┐", style: border))
        screen.set(x: rect.x, y: bottom, Cell("└", style: border))
        screen.set(x: right, y: bottom, Cell("┘", style: border))
        if let title, !title.isEmpty, rect.width > 4 {
            screen.put(" " + title + " ", x: rect.x + 1, y: rect.y, style: theme[titleRole], maxWidth: rect.width - 2)
        }
        return rect.inset(by: 1)
    }
}
