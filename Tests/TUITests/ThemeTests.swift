import Foundation
import Testing
@testable import TUI

@Suite struct ThemeTests {
    static let themesDirectory: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes").path
    }()

    static let shippedThemes = ["default", "dark", "light", "high-contrast", "monochrome"]

    @Test(arguments: shippedThemes)
    func everyShippedThemeLoadsAndSetsEveryRole(name: String) throws {
        let path = Theme.path(forName: name, directory: Self.themesDirectory)
        let theme = try Theme.load(path: path)
        #expect(theme.name == name)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        for role in ThemeRole.allCases { #expect(json?[role.rawValue] != nil, "\(name).json sets \(role.rawValue)") }
        #expect(theme[.selectedRow] != theme[.row], "the selected row is visible in \(name)")
    }

    @Test func everyJSONFileInThemesLoads() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory)
            .filter { $0.hasSuffix(".json") && $0 != "theme.schema.json" }
        #expect(files.count >= 5)
        for file in files { _ = try Theme.load(path: Self.themesDirectory + "/" + file) }
    }

    @Test func defaultFileMatchesTheBuiltInTheme() throws {
        let loaded = try Theme.load(path: Self.themesDirectory + "/default.json")
        #expect(loaded.styles == Theme.builtIn.styles)
    }

    @Test func aBadColourNamesTheFileAndTheKey() {
        let json = #"{"text": {"fg": "white"}, "selectedRow": {"fg": "purpel", "bg": "blue"}}"#
        #expect {
            try Theme.parse(Data(json.utf8), file: "themes/x.json")
        } throws: { error in
            let message = String(describing: error)
            return message.hasPrefix("themes/x.json: key 'selectedRow.fg': 'purpel' is not a colour name (black, red,")
                && message.contains("0-255")
        }
    }

    @Test func otherMistakesAreNamedToo() {
        func message(_ json: String) -> String {
            do {
                _ = try Theme.parse(Data(json.utf8), file: "t.json")
                return "loaded"
            } catch {
                return error.description
            }
        }
        #expect(message(#"{"selectedRow": {"bold": "yes"}}"#) == "t.json: key 'selectedRow.bold': must be true or false")
        #expect(message(#"{"selctedRow": {}}"#).hasPrefix("t.json: key 'selctedRow': unknown role"))
        #expect(message(#"{"text": {"fg": 300}}"#).hasPrefix("t.json: key 'text.fg': 300"))
        #expect(message(#"{"text": {"colour": "red"}}"#).hasPrefix("t.json: key 'text.colour': unknown key"))
        #expect(message(#"{"text": "red"}"#).hasPrefix("t.json: key 'text': must be an object"))
        #expect(message(#"{"text": {"fg": "red"}"#).hasPrefix("t.json: not valid JSON"))
        #expect(message(##"{"text": {"fg": "#ff0000", "bg": 17}}"##) == "loaded")
    }

    @Test func aMissingFileIsNamedAndTheDefaultIsUsed() {
        let (theme, error) = Theme.loadOrDefault(path: "/nonexistent/themes/nope.json")
        #expect(theme == Theme.builtIn)
        #expect(error?.description == "/nonexistent/themes/nope.json: cannot read the file (no such file)")
    }

    @Test func rolesLeftOutKeepTheBuiltInStyle() throws {
        let theme = try Theme.parse(Data(#"{"name": "mine", "error": {"fg": 196, "bold": true}}"#.utf8), file: "mine.json")
        #expect(theme.name == "mine")
        #expect(theme[.error] == Style(fg: .indexed(196), bold: true))
        #expect(theme[.selectedRow] == Theme.builtIn[.selectedRow])
    }

    @Test func noColorMeansMonochrome() {
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .monochrome)
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": ""]) == .full256)
        #expect(ColorDepth.detect(colors: 256, environment: [:]) == .full256)
        #expect(ColorDepth.detect(colors: 16, environment: [:]) == .sixteen)
        #expect(ColorDepth.detect(colors: 8, environment: [:]) == .eight)
        #expect(ColorDepth.detect(colors: 0, environment: [:]) == .monochrome)
        let mono = Theme.builtIn.adapted(to: ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "yes"]))
        for role in ThemeRole.allCases {
            #expect(mono[role].foreground == .default && mono[role].background == .default, "\(role) has no colour")
        }
        #expect(mono[.selectedRow].isReversed, "the selection stays visible without colour")
        #expect(mono[.status].isReversed)
        #expect(mono[.error].isBold)
    }

    @Test func coloursFallBackFrom256To16To8() {
        let orange = Color.indexed(208)
        #expect(orange.adapted(to: .full256) == orange)
        let sixteen = orange.adapted(to: .sixteen)
        guard case .named(let n) = sixteen else { Issue.record("expected a named colour"); return }
        #expect([.red, .yellow, .brightRed, .brightYellow].contains(n))
        guard case .named(let n8) = orange.adapted(to: .eight) else { Issue.record("expected a named colour"); return }
        #expect(n8.rawValue < 8)
        #expect(Color.named(.brightBlue).adapted(to: .eight) == .blue)
        #expect(Color.indexed(21).adapted(to: .sixteen) == .named(.brightBlue) || Color.indexed(21).adapted(to: .sixteen) == .blue)
        #expect(Color.indexed(231).adapted(to: .sixteen) == .named(.brightWhite))
        #expect(Color.default.adapted(to: .eight) == .default)
        #expect(Color.red.adapted(to: .monochrome) == .default)
    }
}
