import Foundation

/// Styles for every `ThemeRole`, loaded from a JSON theme file (see themes/theme.schema.json).
public struct Theme: Sendable, Hashable {
    public var name: String
    public private(set) var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        var complete = styles
        for role in ThemeRole.allCases where complete[role] == nil {
            complete[role] = Theme.builtInStyles[role] ?? .plain
        }
        self.styles = complete
    }

    /// The style for a role.
    public subscript(role: ThemeRole) -> Style {
        get { styles[role] ?? .plain }
        set { styles[role] = newValue }
    }

    /// Roles that mark "this one" (cursor, focus, bars). When colours are dropped, one of these shown only by
    /// its background colour becomes reverse video, so the selection stays visible.
    public static let highlightRoles: Set<ThemeRole> = [.navbarSelected, .selectedRow, .status, .statusAccent, .buttonFocused, .inputFocused]

    /// The theme as a terminal with the given depth can show it (monochrome keeps only attributes).
    public func adapted(to depth: ColorDepth) -> Theme {
        var t = self
        for (role, style) in styles {
            var adapted = style.adapted(to: depth)
            if depth == .monochrome, Theme.highlightRoles.contains(role), style.background != .default {
                adapted.attributes.insert(.reverse)
            }
            t.styles[role] = adapted
        }
        return t
    }

    /// The theme compiled into the program, used when no file is given or a file fails to load;
    /// it matches themes/default.json.
    public static let builtIn = Theme(name: "default", styles: builtInStyles)

    /// Attributes-only styling for NO_COLOR and terminals without colours.
    public static let monochrome = Theme(name: "monochrome", styles: builtInStyles).adapted(to: .monochrome)

    static let builtInStyles: [ThemeRole: Style] = [
        .background: Style(),
        .text: Style(),
        .dim: Style(fg: .named(.brightBlack)),
        .accent: Style(fg: .cyan, bold: true),
        .title: Style(fg: .cyan, bold: true),
        .border: Style(fg: .named(.brightBlack)),
        .navbar: Style(),
        .navbarSection: Style(fg: .cyan, bold: true),
        .navbarSelected: Style(fg: .black, bg: .cyan, bold: true, reverse: false),
        .header: Style(fg: .yellow, bold: true, underline: false),
        .row: Style(),
        .rowAlternate: Style(),
        .selectedRow: Style(fg: .black, bg: .cyan, reverse: false),
        .status: Style(fg: .black, bg: .white),
        .statusAccent: Style(fg: .blue, bg: .white, bold: true),
        .footerKey: Style(fg: .cyan, bold: true),
        .footerText: Style(fg: .named(.brightBlack)),
        .dialog: Style(),
        .dialogBorder: Style(fg: .cyan),
        .dialogTitle: Style(fg: .cyan, bold: true),
        .button: Style(),
        .buttonFocused: Style(fg: .black, bg: .cyan, bold: true),
        .input: Style(underline: true),
        .inputFocused: Style(fg: .black, bg: .white),
        .label: Style(fg: .named(.brightBlack)),
        .error: Style(fg: .red, bold: true),
        .warning: Style(fg: .yellow),
        .success: Style(fg: .green),
        .pending: Style(fg: .yellow),
        .gaugeLow: Style(fg: .green),
        .gaugeMid: Style(fg: .yellow),
        .gaugeHigh: Style(fg: .red, bold: true),
        .gaugeEmpty: Style(fg: .named(.brightBlack)),
        .helpKey: Style(fg: .cyan, bold: true),
        .helpText: Style(),
        .filter: Style(fg: .yellow, bold: true),
    ]
}
