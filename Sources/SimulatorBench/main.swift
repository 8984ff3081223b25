import CloudStack
import Foundation
import Simulator

/// Usage: SimulatorBench [VMS] [PAGES]. Prints start-up time and listVirtualMachines page latencies over loopback.
/// SimulatorBench floor …: the raw-fetch floor against a running server (Floor.swift).
if CommandLine.arguments.dropFirst().first == "floor" {
    try await Floor.run(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}
let arguments = CommandLine.arguments.dropFirst()
let vms = arguments.first.flatMap { Int($0) } ?? 100_000
let pages = arguments.dropFirst().first.flatMap { Int($0) } ?? 50

func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

func summary(_ samples: [Double]) -> String {
    let sorted = samples.sorted()
    guard !sorted.isEmpty else { return "no samples" }
    let median = sorted[sorted.count / 2]
    let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
    return "median \(milliseconds(median)), p95 \(milliseconds(p95)), min \(milliseconds(sorted[0])), max \(milliseconds(sorted[sorted.count - 1])) over \(sorted.count) pages"
}

let started = Date()
let server = try await SimulatorServer.start(SimulatorOptions(vms: vms, seed: 1))
let startup = Date().timeIntervalSince(started)
print("simulator start-up with --vms \(vms): \(milliseconds(startup))")

var configuration = ClientConfiguration(endpoint: server.endpoint,
                                        credentials: .apiKey(key: server.credentials.admin.apiKey, secret: server.credentials.admin.secretKey))
configuration.requestTimeout = 30
let client = try CloudStackClient(configuration: configuration)

// Warm up the connection and the code paths.
_ = try await client.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "500")])

let lastPage = max(1, vms / 500)
for (label, extra) in [("full details", [(String, String)]()), ("details=servoff,nics, the Instances view's", [("details", "servoff,nics")]),
                       ("details=min", [("details", "min")])] {
    var samples: [Double] = []
    var rows = 0
    for i in 0..<pages {
        // Spread the pages over the whole inventory, so late pages (which scan further) are measured too.
        let page = 1 + (i * 7919) % lastPage
        let t = Date()
        let r = try await client.call("listVirtualMachines", [("listall", "true"), ("page", String(page)), ("pagesize", "500")] + extra)
        samples.append(Date().timeIntervalSince(t))
        rows += r.list.items.count
    }
    print("listVirtualMachines pagesize=500 (\(label)): \(summary(samples)); \(rows) rows")
}

var filtered: [Double] = []
for _ in 0..<20 {
    let t = Date()
    _ = try await client.call("listVirtualMachines", [("listall", "true"), ("state", "Running"), ("keyword", "db-prod"), ("page", "1"), ("pagesize", "500")])
    filtered.append(Date().timeIntervalSince(t))
}
print("listVirtualMachines state=Running keyword=db-prod pagesize=500: \(summary(filtered))")

await client.close()
try await server.shutdown()
