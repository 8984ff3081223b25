// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "cstui",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "cstui", targets: ["cstui"]),
        .library(name: "CloudStack", targets: ["CloudStack"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        // What crosses the wire: JSON values, the parser and serializer, the strict reader of hand-written JSON,
        // and terminal-safe text. Depends on nothing.
        .target(name: "Wire"),
        // Talking to a management server: signing, sessions, profiles, requests, decoding, errors, paging, async jobs.
        .target(
            name: "CloudStack",
            dependencies: [
                "Wire",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // An in-memory management server speaking the real API over HTTP.
        .target(
            name: "Simulator",
            dependencies: [
                "CloudStack",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Start-up time and listVirtualMachines page latency of the simulator at scale (a benchmark, not a test).
        .executableTarget(name: "SimulatorBench", dependencies: ["Simulator", "CloudStack", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        // Benchmarks of the console's own work per key (figures in BENCHMARKS.md).
        .executableTarget(name: "ConsoleBench", dependencies: ["Console", "Simulator", "CloudStack"]),
        // libncursesw and a tiny C shim for the curses macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Terminal-independent screen model and widgets; the curses backend is its one curses file.
        .target(name: "TUI", dependencies: ["CNcursesw", "Wire"]),
        // The contract plugins compile against: list views, fields, data providers, row actions, context.
        .target(name: "PluginKit", dependencies: ["CloudStack", "StorageForms"]),
        // Swift plugins, each beside its config.json (registered in Sources/cstui/SwiftPlugins.swift).
        .target(name: "csMyFirstPlugin", dependencies: ["PluginKit"], path: "plugins/csMyFirstPlugin", exclude: ["config.json"]),
        // The application: state, update, sections, views, effects.
        .target(name: "Console", dependencies: ["TUI", "PluginKit", "CloudStack", "StorageForms", "S3Check"],
                exclude: ["Sections"], plugins: ["EmbedSections"]),
        // The built-in sections (Sources/Console/Sections/*.json) compiled into Console: a section is a file.
        .plugin(name: "EmbedSections", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .executableTarget(name: "EmbedTool"),
        // The S3 compatibility probe: SigV4 on swift-crypto, a small S3 client, the operations CloudStack needs.
        .target(
            name: "S3Check",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Add-storage forms as data: field specs from JSON, URL building, validation, the API requests.
        .target(name: "StorageForms", dependencies: ["CloudStack"], resources: [.embedInCode("Forms/builtin-forms.json")]),
        // The executable: argument parsing and wiring, nothing else.
        .executableTarget(
            name: "cstui",
            dependencies: [
                "CloudStack",
                "Simulator",
                "TUI",
                "PluginKit",
                "Console",
                "csMyFirstPlugin",
                "S3Check",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CloudStackTests", dependencies: ["CloudStack", "Simulator", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "CloudStack", "TestSupport"]),
        // SigV4 vectors and the probe against moto's S3 server on loopback.
        .testTarget(name: "S3CheckTests", dependencies: ["S3Check", "TestSupport"]),
        // What tests share, written once: moto's S3 server and the simulator on loopback, each stopped when its test
        // ends; the fast-poll client; AppState builders and SimConsole, the console on its own Program.
        .target(name: "TestSupport", dependencies: ["S3Check", "Console", "Simulator", "CloudStack", "PluginKit", "TUI"],
                path: "Tests/TestSupport"),
        .testTarget(name: "TUITests", dependencies: ["TUI"]),
        .testTarget(name: "StorageFormsTests", dependencies: ["StorageForms", "CloudStack"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "TUI", "PluginKit", "CloudStack", "Simulator", "TestSupport"]),
        // The built binary as a user runs it: `cstui call` from a shell, the console inside tmux.
        .testTarget(name: "EndToEndTests", dependencies: ["CloudStack", "Simulator", "TestSupport"]),
        // Seeded mutation fuzzing of every parser of outside bytes (CSTUI_FUZZ_SECONDS runs longer; scripts/fuzz.sh).
        .testTarget(name: "FuzzTests", dependencies: ["CloudStack", "S3Check", "Console", "TUI", "StorageForms", "PluginKit"]),
    ]
)
