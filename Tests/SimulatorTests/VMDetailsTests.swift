import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

/// listVirtualMachines' `details` as the management server reads it (UserVmJoinDaoImpl): each group only when named
/// or `all`, everything without it, an unknown value refused. The console and `--filter` depend on this to ask for less.
@Suite("listVirtualMachines details")
struct VMDetailsTests {
    static func firstVM(_ api: CloudStackClient, _ details: String?) async throws -> JSONObject {
        var params = [("listall", "true"), ("state", "Running"), ("page", "1"), ("pagesize", "1")]
        if let details { params.append(("details", details)) }
        return try #require(try await api.call("listVirtualMachines", params).items().first)
    }

    @Test("no details and details=all answer every group; min answers none of them, only the fields every answer has")
    func allAndMin() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            for details in [nil, "all"] {
                let vm = try await Self.firstVM(api, details)
                for key in ["nic", "serviceofferingname", "templateid", "cpuused", "rootdeviceid", "securitygroup", "affinitygroup"] {
                    #expect(vm[key] != nil, "\(key) with details=\(details ?? "(none)")")
                }
            }
            let min = try await Self.firstVM(api, "min")
            for key in ["nic", "serviceofferingname", "templateid", "templatename", "cpunumber", "memory", "cpuused", "rootdeviceid", "securitygroup", "affinitygroup"] {
                #expect(min[key] == nil, "\(key) with details=min")
            }
            for key in ["id", "name", "state", "zonename", "hostname", "account", "created", "hypervisor"] {
                #expect(min[key] != nil, "\(key) is in every answer")
            }
        }
    }

    @Test("each group adds its own fields and no others: nics, servoff, stats")
    func groups() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let nics = try await Self.firstVM(api, "nics")
            #expect(nics["nic"]?.arrayValue?.isEmpty == false)
            #expect(nics["serviceofferingname"] == nil && nics["cpuused"] == nil && nics["templateid"] == nil)
            let both = try await Self.firstVM(api, "servoff,nics")
            #expect(both["serviceofferingname"] != nil && both["cpunumber"] != nil && both["nic"] != nil)
            #expect(both["cpuused"] == nil && both["templatename"] == nil)
            let stats = try await Self.firstVM(api, "stats")
            #expect(stats["cpuused"] != nil && stats["memory"] != nil, "stats brings the sizes too, as the server writes them")
            #expect(stats["serviceofferingname"] == nil)
        }
    }

    @Test("a value that is not a VMDetails name is refused with the allowed ones, as the server's valueOf does")
    func refused() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            for bad in ["Min", "nic", "min,everything"] {
                do {
                    _ = try await Self.firstVM(api, bad)
                    Issue.record("details=\(bad) was accepted")
                } catch let CloudStackError.api(_, status, _, _, text) {
                    #expect(status == 431)
                    #expect(text.contains("The details parameter contains a non permitted value") && text.contains("affgrp"))
                }
            }
        }
    }

    @Test("pages asked for with fewer groups are smaller: the Instances view's groups, and min at under half")
    func smallerPages() async throws {
        try await withSimulator(vms: 600) { server in
            let api = try admin(server)
            func size(_ extra: [(String, String)]) async throws -> Int {
                let r = try await api.call("listVirtualMachines", [("listall", "true"), ("page", "1"), ("pagesize", "200")] + extra)
                return JSONSerializer.bytes(.object(r.content)).count
            }
            let full = try await size([])
            let lean = try await size([("details", "servoff,nics")])
            let min = try await size([("details", "min")])
            #expect(lean * 10 < full * 9, "full \(full) bytes, servoff,nics \(lean) bytes")
            #expect(min * 2 < full, "full \(full) bytes, min \(min) bytes")
        }
    }
}
