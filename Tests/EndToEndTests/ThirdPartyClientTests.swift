import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// Another CloudStack client, not ours, against the simulator: exoscale's `cs` (PyPI, installed by .ci/run).
/// It signs with signatureVersion 3 and `expires` by default, sorts and encodes in its own way, and polls jobs.
@Suite("A third-party client (cs) against the simulator", .serialized)
struct ThirdPartyClientTests {
    static func cs(_ args: [String], _ server: SimulatorServer) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-m", "cs", "--quiet"] + args
        let admin = server.credentials.admin
        var env = ProcessInfo.processInfo.environment
        env["CLOUDSTACK_ENDPOINT"] = server.endpoint
        env["CLOUDSTACK_KEY"] = admin.apiKey
        env["CLOUDSTACK_SECRET"] = admin.secretKey
        env["CLOUDSTACK_TIMEOUT"] = "20"
        env["CLOUDSTACK_POLL_INTERVAL"] = "0.1"
        env["HOME"] = FileManager.default.temporaryDirectory.path
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test("cs lists zones and VMs, stops a VM through its async job, and gets the server's errors and signature rules")
    func csClient() async throws {
        var options = SimulatorOptions()
        options.vms = 100
        options.jobDelay = 0.1...0.3
        try await TestSimulator.with(options) { server in
            let (status, zonesOut, zonesErr) = try Self.cs(["listZones"], server)
            #expect(status == 0, "cs failed: \(zonesErr)")
            let zones = try JSONParser.parse(zonesOut)
            #expect((zones["zone"]?.arrayValue?.count ?? 0) >= 2)
            let (_, vmsOut, _) = try Self.cs(["listVirtualMachines", "listall=true", "state=Running", "page=1", "pagesize=5"], server)
            let vms = try #require(try JSONParser.parse(vmsOut)["virtualmachine"]?.arrayValue)
            #expect(vms.count == 5)
            let id = try #require(vms.first?["id"]?.text)
            // POST and a job cs polls to the end itself.
            let (stopStatus, stopOut, stopErr) = try Self.cs(["--post", "stopVirtualMachine", "id=\(id)"], server)
            #expect(stopStatus == 0, "cs failed: \(stopErr)")
            #expect(stopOut.contains("\"Stopped\""))
            // Values with spaces and reserved characters sign the same way on both sides.
            let (kwStatus, _, kwErr) = try Self.cs(["listVirtualMachines", "listall=true", "keyword=web dev *+&=/:@"], server)
            #expect(kwStatus == 0, "cs failed: \(kwErr)")
            // cs leaves `~` unescaped when signing; the server escapes it (java.net.URLEncoder), so a real server
            // refuses such a request (ansible-collection-cloudstack#85), and the simulator must too.
            let (tildeStatus, tildeOut, tildeErr) = try Self.cs(["listVirtualMachines", "keyword=a~b"], server)
            #expect(tildeStatus != 0)
            #expect((tildeOut + tildeErr).contains("unable to verify user credentials"))
            let (errStatus, errOut, errErr) = try Self.cs(["--post", "stopVirtualMachine"], server)
            #expect(errStatus != 0)
            #expect((errOut + errErr).contains("missing parameter id"))
        }
    }
}
