import CloudStack
import Console
import Simulator
import Foundation

/// Usage: ConsoleBench [live]. Without live: prints the console's cost per cursor key with 10 and 100,000 rows, per filter keystroke, and per key in the add-storage dialog. With live: a bulk action and wizard steps against the simulator.
func micro(_ s: Double) -> String { String(format: "%.1f µs", s * 1e6) }

if !CommandLine.arguments.contains("live") {
    for rows in [10, 100_000] {
        let (perKey, cells) = try ConsoleBenchmarks.cursorKey(rows: rows)
        print("cursor key, \(rows) rows, 80x24: \(micro(perKey)) per key (update + render + diff), \(cells) cells change")
    }
    let (scrollKey, scrollCells) = try ConsoleBenchmarks.cursorKey(rows: 100_000, scrolling: true)
    print("cursor key that scrolls the table, 100000 rows, 80x24: \(micro(scrollKey)) per key, \(scrollCells) cells change")
    let (bigKey, _) = try ConsoleBenchmarks.cursorKey(rows: 100_000, width: 200, height: 50)
    print("cursor key, 100000 rows, 200x50: \(micro(bigKey)) per key")
    for rows in [10_000, 100_000] {
        print("filter keystroke, \(rows) rows: \(micro(try ConsoleBenchmarks.filterKeystroke(rows: rows))) per key")
    }
    let dialog = try ConsoleBenchmarks.storageDialogKeys()
    print("Add Primary Storage dialog, 80x24: \(micro(dialog.typing)) per typed key, \(micro(dialog.choosing)) per protocol change (fields recomputed)")

}

// `ConsoleBench live`: the console against the simulator, as an operator waits for it (job delays as the simulator's
// default, 1-3 s per job): a bulk Stop of 200 VMs, and the step-to-step time of the wizards.
if CommandLine.arguments.contains("live") {
    let server = try await SimulatorServer.start(SimulatorOptions(vms: 2000, seed: 1))
    let credentials = server.credentials.admin
    let client = try CloudStackClient(configuration: ClientConfiguration(endpoint: server.endpoint,
                                                                        credentials: .apiKey(key: credentials.apiKey, secret: credentials.secretKey)))
    let bulk = try await LiveBenchmarks.bulkStop(client: client, rows: 200)
    print(String(format: "bulk Stop of 200 VMs (jobs of 1-3 s, %d rows in flight): %.1f s from the confirming key to the summary, %d of %d rows failed",
                 LiveBenchmarks.bulkSlots, bulk.seconds, bulk.failed, bulk.done))
    for view in ["instances", "volumes"] {
        do {
            let steps = try await LiveBenchmarks.wizardSteps(client: client, view: view)
            print("\(view) wizard, Enter to the next step with its choices loaded: " + steps.enumerated().map { "step \($0.offset + 1)→\($0.offset + 2) \(micro($0.element))" }.joined(separator: ", "))
        } catch {
            print("\(view) wizard: not measured (\(error))")
        }
    }
    await client.close()
    try await server.shutdown()
}
