import Foundation
import Testing

/// Numeric options of the console and of every connection are checked before anything starts.
@Suite("Console and connection options")
struct ConsoleOptionTests {
    @Test("out-of-range numbers are a usage error naming the option, not a trap later (Int(nan) in the status line)",
          arguments: [
              (["--auto-refresh", "nan"], "--auto-refresh"),
              (["--auto-refresh", "1e300"], "--auto-refresh"),
              (["--auto-refresh", "0"], "--auto-refresh"),
              (["--demo", "--demo-vms", "5000000"], "--demo-vms"),
              (["call", "listZones", "--timeout", "inf"], "--timeout"),
              (["call", "listZones", "--timeout=-1"], "--timeout"),
          ])
    func refused(arguments: [String], option: String) throws {
        let r = try BinaryRunner.run(arguments, timeout: 20)
        #expect(r.status == 64)
        #expect(r.stderr.contains("\(option) must be"))
    }
}
