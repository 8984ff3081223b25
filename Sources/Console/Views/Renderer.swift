import Foundation
import PluginKit
import TUI

/// Draws the whole console for a state into a screen model; only the backend turns it into terminal output.
enum Renderer {
    static func render(_ s: AppState) -> Screen {
        var screen = Screen(width: max(0, s.width), height: max(0, s.height))
        let theme = s.theme
        screen.fill(screen.bounds, style: theme[.background])
        guard s.width >= 20, s.height >= 6 else {
            screen.put("cstui: enlarge the window", x: 0, y: 0, style: theme[.warning], maxWidth: s.width)
            return screen
        }
        let layout = ScreenLayout(s)
        statusLine(s).draw(into: &screen, in: layout.status, theme: theme)
        var navbar = s.navbar
        navbar.isFocused = s.focus == .navbar && s.overlay == nil
        if layout.navbar.width > 0 { navbar.draw(into: &screen, in: layout.navbar, theme: theme) }
        for y in layout.main.minY..<layout.main.maxY where layout.main.x > 0 {
            screen.set(x: layout.main.x - 1, y: y, Cell("│", style: theme[.border]))
        }
        if s.section == Sections.dashboard {
            DashboardPane.draw(s, into: &screen, in: layout.main)
        } else if s.section == Sections.plugins {
            PluginsPane.draw(s, into: &screen, in: layout.main)
        } else if let pluginID = s.plugins.sections[s.section], s.section.hasPrefix("plugin:") {
            PluginsPane.drawCustom(pluginID, s, into: &screen, in: layout.main)
        } else if let list = s.currentList {
            // A plugin's pane wears the plugin's own theme when it ships one.
            if let pluginID = s.plugins.sections[s.section], let theme = s.plugins.loaded.first(where: { $0.id == pluginID })?.theme {
                var styled = s
                styled.theme = theme.adapted(to: s.colorDepth)
                ListPane.draw(list, styled, layout: layout, into: &screen)
            } else {
                ListPane.draw(list, s, layout: layout, into: &screen)
            }
        }
        if let flash = s.flash, s.overlay == nil, s.approvals.isEmpty {
            // Messages take the footer's whole width, so a long server error is readable (cut with … at the edge).
            screen.fill(layout.footer, style: theme[flash.isError ? .error : .footerText])
            screen.put(" " + flash.text, x: 0, y: layout.footer.y, style: theme[flash.isError ? .error : .success], maxWidth: layout.footer.width)
        } else {
            footer(s).draw(into: &screen, in: layout.footer, theme: theme)
        }
        if let overlay = s.overlay { OverlayPane.draw(overlay, s, into: &screen, in: layout) }
        if let approval = s.approvals.first {
            approval.dialog.draw(into: &screen, in: Rect(x: 0, y: 1, width: s.width, height: max(0, s.height - 2)), theme: theme)
        }
        return screen
    }

    static func statusLine(_ s: AppState) -> StatusLine {
        let who = s.user.map { "\($0.username) (\($0.roleType))" } ?? "signing in…"
        var segments = [s.profileName, s.endpointHost, who]
        if s.readOnly { segments.append("READ-ONLY") }
        if s.insecure { segments.append("INSECURE") }
        var right = ""
        var highlight = false
        if s.jobs.pendingCount > 0 {
            right = "⟳ \(s.jobs.pendingCount) job\(s.jobs.pendingCount == 1 ? "" : "s") running (n)"
            highlight = true
        } else if s.autoRefresh {
            right = "auto-refresh \(Int(s.autoRefreshInterval)) s"
        }
        return StatusLine(segments: segments, right: right, highlightsRight: highlight)
    }

    static func footer(_ s: AppState) -> Footer {
        var hints: [KeyHint] = []
        if !s.approvals.isEmpty {
            return Footer(hints: [KeyHint("y", "send it", priority: 9), KeyHint("n", "do not send", priority: 9), KeyHint("Esc", "cancel", priority: 8)])
        }
        switch s.overlay {
        case .confirm?: hints = [KeyHint("Enter", "choose", priority: 9), KeyHint("y", "yes", priority: 8),
                                 KeyHint("Esc", s.reviewedForm != nil ? "back" : "cancel", priority: 9)]
        case .storage(let d)?:
            if d.discard != nil {
                hints = [KeyHint("y", "discard", priority: 9), KeyHint("n", "keep editing", priority: 9)]
            } else if d.showingReport {
                hints = [KeyHint("any key", "close the report", priority: 9)]
            } else {
                hints = [KeyHint("Tab", "next field", priority: 8), KeyHint("←→", "choose", priority: 7), KeyHint("Space", "toggle", priority: 5),
                         KeyHint("Enter", "add", priority: 9), KeyHint("Esc", "cancel", priority: 9)]
            }
        case .form(let f)?:
            // A wizard: Enter moves on, Esc goes back a step (and cancels only on the first).
            hints = [KeyHint("Tab", "next field", priority: 8), KeyHint("Enter", f.isLastStep ? "review" : "next step", priority: 9),
                     KeyHint("Esc", f.step > 0 ? "back" : "cancel", priority: 9)]
            if f.steps.isEmpty { hints[1] = KeyHint("Enter", "continue", priority: 9) }
            if f.form.focusedField?.chosen != nil { hints.insert(KeyHint("Space", "tick", priority: 8), at: 1) }
        case .palette?: hints = [KeyHint("Enter", "go", priority: 9), KeyHint("Tab", "complete", priority: 8), KeyHint("Esc", "cancel", priority: 9)]
        case .some: hints = [KeyHint("Esc", "close", priority: 9), KeyHint("↑↓", "scroll", priority: 5)]
        case nil:
            let context = KeyBindings.context(s)
            if let list = s.currentList, list.isEditingFilter, context == .list {
                hints = [KeyHint("type", "filter", priority: 9), KeyHint("Enter", "keep", priority: 8), KeyHint("Esc", "clear", priority: 8)]
            } else {
                hints = KeyBindings.hints(context)
            }
            if context == .list, let list = s.currentList, !list.isEditingFilter {
                if list.definition.actions.isEmpty { hints.removeAll { $0.key == "x" } }
                if !s.readOnly, let row = list.selectedRow {
                    let ctx = s.context(selectedIn: list.id)
                    var seen = Set<Character>()
                    for a in list.definition.actions where a.key != nil && a.isOffered(for: row, in: ctx) && seen.insert(a.key ?? " ").inserted {
                        hints.append(KeyHint(String(a.key ?? " "), a.label, priority: 3))
                    }
                }
                if !list.definition.filters.isEmpty { hints.append(KeyHint("f", "server filter", priority: 4)) }
                if s.navbarCollapsed { hints.append(KeyHint("←", "menu", priority: 7)) }
                let related = DrillDown.offered(list, s)
                if !related.isEmpty {
                    hints.append(KeyHint(related.count == 1 ? "1" : "1-\(related.count)", related.count == 1 ? related[0].label.lowercased() : "related", priority: 6))
                }
                if !s.trail.isEmpty { hints.removeAll { $0.key == "q" }; hints.append(KeyHint("q", "up", priority: 8)) }
                if HeaderActions.offered(list, s), let label = HeaderActions.label(list) {
                    hints.append(KeyHint("A", label, priority: 7))
                }
            }
        }
        return Footer(hints: hints)
    }
}
