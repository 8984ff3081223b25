import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// Other CloudStack clients, not ours, against the simulator: exoscale's `cs` and Apache Libcloud's CloudStack driver
/// (PyPI, installed by .ci/run). `cs` signs with signatureVersion 3 and `expires` by default, sorts and encodes in its own
/// way, and polls jobs; libcloud builds its nodes from VMs, public IPs and forwarding rules.
@Suite("Third-party clients (cs, libcloud) against the simulator", .serialized)
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

    /// Lists nodes with Apache Libcloud's CloudStack driver and prints, per node, its public IPs and forwarding rules as JSON.
    /// The endpoint and the keys come from the environment, so that no secret is on a command line.
    static let libcloudScript = """
    import json, os
    from libcloud.compute.providers import get_driver
    from libcloud.compute.types import Provider

    cls = get_driver(Provider.CLOUDSTACK)
    endpoint = os.environ["CS_ENDPOINT"]
    # The driver speaks TLS unless told otherwise, whatever the URL's scheme.
    driver = cls(key=os.environ["CS_KEY"], secret=os.environ["CS_SECRET"], url=endpoint, secure=endpoint.startswith("https:"))
    out = []
    for node in driver.list_nodes():
        out.append({
            "id": node.id,
            "name": node.name,
            "state": str(node.state),
            "public_ips": sorted(node.public_ips),
            "private_ips": node.private_ips,
            "port_forwarding_rules": [
                {"address": r.address.address, "protocol": r.protocol, "public_port": str(r.public_port), "private_port": str(r.private_port)}
                for r in node.extra["port_forwarding_rules"]
            ],
            "ip_forwarding_rules": [
                {"address": r.address.address, "protocol": r.protocol, "start_port": r.start_port, "end_port": r.end_port}
                for r in node.extra["ip_forwarding_rules"]
            ],
        })
    print(json.dumps(out))
    """

    @Test("libcloud list_nodes: every node comes back with its static NAT address, its port forwarding and its IP forwarding rules")
    func libcloudListNodes() async throws {
        var options = SimulatorOptions()
        options.vms = 150
        options.jobDelay = 0.05...0.1
        try await TestSimulator.with(options) { server in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-libcloud-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let script = dir.appendingPathComponent("list_nodes.py")
            try Self.libcloudScript.write(to: script, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path]
            var env = ProcessInfo.processInfo.environment
            env["CS_ENDPOINT"] = server.endpoint
            env["CS_KEY"] = server.credentials.admin.apiKey
            env["CS_SECRET"] = server.credentials.admin.secretKey
            env["HOME"] = dir.path
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "libcloud failed: \(String(decoding: e, as: UTF8.self))")
            let nodes = try #require(try JSONParser.parse(String(decoding: o, as: UTF8.self)).arrayValue)

            // What the server says, through our own client: the admin's VMs, static NAT addresses and rules.
            let api = try admin(server)
            let vms = try await api.call("listVirtualMachines").list.items.compactMap(\.objectValue)
            #expect(nodes.count == vms.count)
            let byID = Dictionary(nodes.compactMap { n in n["id"]?.text.map { ($0, n) } }, uniquingKeysWith: { a, _ in a })
            let nat = try await api.call("listPublicIpAddresses", [("isstaticnat", "true")]).list.items.compactMap(\.objectValue)
            #expect(!nat.isEmpty)
            for ip in nat {
                let node = try #require(byID[ip["virtualmachineid"]?.text ?? ""])
                let publicIPs = node["public_ips"]?.arrayValue?.compactMap(\.text) ?? []
                #expect(publicIPs.contains(ip["ipaddress"]?.text ?? "-"), "node \(node["name"]?.text ?? "") lacks its static NAT address")
            }
            let forwarding = try await api.call("listPortForwardingRules").list.items.compactMap(\.objectValue)
            #expect(!forwarding.isEmpty)
            for rule in forwarding {
                let node = try #require(byID[rule["virtualmachineid"]?.text ?? ""])
                let rules = node["port_forwarding_rules"]?.arrayValue ?? []
                #expect(rules.contains { r in
                    r["address"]?.text == rule["ipaddress"]?.text && r["public_port"]?.text == rule["publicport"]?.text
                        && r["private_port"]?.text == rule["privateport"]?.text && r["protocol"]?.text == rule["protocol"]?.text?.uppercased()
                }, "node \(node["name"]?.text ?? "") lacks the rule \(rule["id"]?.text ?? "")")
                // libcloud adds the forwarding address to the node's public IPs.
                #expect(node["public_ips"]?.arrayValue?.contains { $0.text == rule["ipaddress"]?.text } == true)
            }
            let ipForwarding = try await api.call("listIpForwardingRules").list.items.compactMap(\.objectValue)
            for rule in ipForwarding {
                let node = try #require(byID[rule["virtualmachineid"]?.text ?? ""])
                #expect(node["ip_forwarding_rules"]?.arrayValue?.contains { $0["start_port"] == rule["startport"] && $0["end_port"] == rule["endport"] } == true)
            }
            await api.close()
        }
    }

    /// Lists images and creates nodes with libcloud's CloudStack driver: list_images reads listTemplates
    /// templatefilter=executable, create_node sends deployVirtualMachine (startvm=False unless asked) and polls its job.
    static let libcloudCreateScript = """
    import json, os
    from libcloud.compute.base import NodeSize
    from libcloud.compute.providers import get_driver
    from libcloud.compute.types import Provider

    cls = get_driver(Provider.CLOUDSTACK)
    endpoint = os.environ["CS_ENDPOINT"]
    driver = cls(key=os.environ["CS_KEY"], secret=os.environ["CS_SECRET"], url=endpoint, secure=endpoint.startswith("https:"))
    images = driver.list_images()
    image = next(i for i in images if i.name == "Ubuntu 22.04 LTS")
    size = NodeSize(id=os.environ["CS_OFFERING"], name="Small Instance", ram=512, disk=0, bandwidth=0, price=0, driver=driver)
    location = driver.list_locations()[0]
    running = driver.create_node(name="libcloud-node-1", size=size, image=image, location=location, ex_start_vm=True)
    stopped = driver.create_node(name="libcloud-node-2", size=size, image=image, location=location)
    def node(n):
        return {"id": n.id, "name": n.name, "state": str(n.state), "private_ips": n.private_ips}
    print(json.dumps({
        "images": [{"id": i.id, "name": i.name, "hypervisor": i.extra["hypervisor"], "format": i.extra["format"], "os": i.extra["os"],
                    "size": i.extra.get("size")} for i in images],
        "location": location.id,
        "running": node(running),
        "stopped": node(stopped),
        "listed": [node(n) for n in driver.list_nodes() if n.name.startswith("libcloud-node-")],
    }))
    """

    @Test("libcloud list_images and create_node: the executable templates with hypervisor, format and OS; a node deployed running and one stopped")
    func libcloudCreateNode() async throws {
        var options = SimulatorOptions()
        options.vms = 150
        options.jobDelay = 0.05...0.1
        try await TestSimulator.with(options) { server in
            let api = try admin(server)
            let vms = try await api.listAll("listVirtualMachines", [("listall", "true")]).items.compactMap(\.objectValue)
            let offering = try #require(vms.first { $0["serviceofferingname"]?.text == "Small Instance" }?["serviceofferingid"]?.text)
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cstui-libcloud-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let script = dir.appendingPathComponent("create_node.py")
            try Self.libcloudCreateScript.write(to: script, atomically: true, encoding: .utf8)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path]
            var env = ProcessInfo.processInfo.environment
            env["CS_ENDPOINT"] = server.endpoint
            env["CS_KEY"] = server.credentials.admin.apiKey
            env["CS_SECRET"] = server.credentials.admin.secretKey
            env["CS_OFFERING"] = offering
            env["HOME"] = dir.path
            p.environment = env
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "libcloud failed: \(String(decoding: e, as: UTF8.self))")
            let result = try JSONParser.parse(String(decoding: o, as: UTF8.self))
            let images = result["images"]?.arrayValue?.compactMap(\.objectValue) ?? []
            let ubuntu = try #require(images.first { $0["name"]?.text == "Ubuntu 22.04 LTS" })
            #expect(ubuntu["hypervisor"]?.text == "KVM" && ubuntu["format"]?.text == "QCOW2" && ubuntu["os"]?.text == "Ubuntu 22.04 LTS")
            #expect((ubuntu["size"]?.intValue ?? 0) > 0)
            #expect(images.contains { $0["hypervisor"]?.text == "VMware" && $0["format"]?.text == "OVA" })
            #expect(!images.contains { $0["name"]?.text == "acme-base-image" }, "another account's private template")
            let running = try #require(result["running"]?.objectValue)
            #expect(running["state"]?.text == "running")
            #expect(running["private_ips"]?.arrayValue?.first?.text?.hasPrefix("10.") == true)
            #expect(result["stopped"]?["state"]?.text == "stopped")
            #expect(Set(result["listed"]?.arrayValue?.compactMap { $0["name"]?.text } ?? []) == ["libcloud-node-1", "libcloud-node-2"])
            // What the server says, through our own client.
            let id = try #require(running["id"]?.text)
            let vm = try #require(try await api.call("listVirtualMachines", [("id", id)]).list.items.first?.objectValue)
            #expect(vm["state"]?.text == "Running" && vm["zoneid"]?.text == result["location"]?.text && vm["templatename"]?.text == "Ubuntu 22.04 LTS")
            await api.close()
        }
    }
}
