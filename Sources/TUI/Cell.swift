/// One terminal cell: a grapheme, its style, and whether it is the right half of a double-width character.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown here; empty for a continuation cell.
    public var character: String
    public var style: Style
    /// True for the second column of a double-width character drawn in the cell to the left.
    public var isContinuation: Bool

    public init(_ character: String = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A blank cell in the given style.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(" ", style: style) }

    /// The right half of a double-width character.
    public static func continuation(_ style: Style) -> Cell { Cell("", style: style, isContinuation: true) }
}
