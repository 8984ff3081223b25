import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Alerts and events: types, date filters, archive, delete")
struct AlertEventTests {
    /// AlertService.AlertType's numbers and names for the types the seed raises.
    static let alertTypes = [0: "ALERT.MEMORY", 1: "ALERT.CPU", 2: "ALERT.STORAGE", 7: "ALERT.COMPUTE.HOST", 14: "ALERT.MANAGEMENT"]

    @Test("alerts carry AlertType's numbers and names; archiveAlerts by ids takes them out of listAlerts; deleteAlerts by type removes a type")
    func alerts() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let all = try await rows(api, "listAlerts")
            #expect(!all.isEmpty)
            for a in all {
                let type = try #require(a["type"]?.intValue.flatMap { Int(exactly: $0) })
                #expect(Self.alertTypes[type] == a["name"]?.text, "type \(type)")
            }
            let two = all.prefix(2).compactMap { $0["id"]?.text }
            let archived = try await api.call("archiveAlerts", [("ids", two.joined(separator: ","))])
            #expect(archived.responseName == "archivealertsresponse")
            #expect(archived.content["success"] == .bool(true))
            let after = try await rows(api, "listAlerts")
            #expect(after.count == all.count - 2)
            #expect(after.allSatisfy { !two.contains($0["id"]?.text ?? "") })
            // An archived alert is no longer there to archive.
            let again = await apiError { _ = try await api.call("archiveAlerts", [("ids", two[0])]) }
            #expect(again?.status == 530)
            #expect(again?.text == "Unable to archive Alerts, one or more parameters has invalid values")

            let type = try #require(after.first?["type"]?.intValue)
            _ = try await api.call("deleteAlerts", [("type", String(type))])
            #expect(try await rows(api, "listAlerts").allSatisfy { $0["type"]?.intValue != type })

            let none = await apiError { _ = try await api.call("archiveAlerts") }
            #expect(none?.status == 431)
            #expect(none?.text == "either ids, type, startdate or enddate must be specified")
            let half = await apiError { _ = try await api.call("deleteAlerts", [("type", "1"), ("startdate", "2024-01-01")]) }
            #expect(half?.text == "enddate must be specified with startdate parameter")
            let unknown = await apiError { _ = try await api.call("archiveAlerts", [("ids", "00000000-0000-4000-8000-000000000000")]) }
            #expect(unknown?.status == 431)
            await api.close()
        }
    }

    /// Epoch seconds of the API's `created` (yyyy-MM-dd'T'HH:mm:ss+0000).
    static func epoch(_ created: String) -> Int? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ssZ"
        return f.date(from: created).map { Int($0.timeIntervalSince1970) }
    }

    @Test("listEvents startdate/enddate as yyyy-MM-dd (whole days) and yyyy-MM-dd HH:mm:ss; an unparsable date is the server's 431")
    func dateFilters() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let all = try await rows(api, "listEvents", [("listall", "true")])
            let times = all.compactMap { $0["created"]?.text.flatMap(Self.epoch) }
            #expect(times.count == all.count)
            // The seed's events start on 2025-05-15 and run past midnight into 2025-05-16.
            let may16 = 1_747_353_600  // 2025-05-16T00:00:00Z
            let day = try await rows(api, "listEvents", [("listall", "true"), ("startdate", "2025-05-16"), ("enddate", "2025-05-16")])
            #expect(!day.isEmpty)
            #expect(day.count == times.filter { $0 >= may16 && $0 < may16 + 86_400 }.count)
            let hour = try await rows(api, "listEvents", [("listall", "true"), ("startdate", "2025-05-15 01:00:00"), ("enddate", "2025-05-15 02:00:00")])
            #expect(!hour.isEmpty)
            #expect(hour.count == times.filter { $0 >= may16 - 86_400 + 3600 && $0 <= may16 - 86_400 + 7200 }.count)
            let bad = await apiError { _ = try await api.call("listEvents", [("startdate", "2025/05/15")]) }
            #expect(bad?.status == 431)
            #expect(bad?.text == "Unable to parse date 2025/05/15 for command listevents, please pass dates in the format mentioned in the api documentation")
            await api.close()
        }
    }

    @Test("seeded VM events name their VM: resourceid/resourcetype filters; level and type filters")
    func resourceFilters() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let vmEvent = try #require(try await rows(api, "listEvents", [("listall", "true"), ("type", "VM.START")]).first)
            let vm = try #require(vmEvent["resourceid"]?.text)
            #expect(vmEvent["resourcetype"]?.text == "VirtualMachine")
            #expect(vmEvent["description"]?.text?.hasSuffix(vm) == true)
            #expect(try await api.call("listVirtualMachines", [("id", vm)]).items().count == 1)
            let forVM = try await rows(api, "listEvents", [("listall", "true"), ("resourceid", vm)])
            #expect(!forVM.isEmpty && forVM.allSatisfy { $0["resourceid"]?.text == vm })
            let warnings = try await rows(api, "listEvents", [("listall", "true"), ("level", "WARN")])
            #expect(!warnings.isEmpty && warnings.allSatisfy { $0["level"]?.text == "WARN" })
            let typed = try await rows(api, "listEvents", [("listall", "true"), ("resourcetype", "VirtualMachine")])
            #expect(typed.allSatisfy { $0["type"]?.text?.hasPrefix("VM.") == true })
            await api.close()
        }
    }

    @Test("archiveEvents takes events out of listEvents (archived=true lists them); a user archives only its own; deleteEvents removes them")
    func archiveEvents() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let u = try user(server)
            let own = try await rows(u, "listEvents")
            let mine = try #require(own.first?["id"]?.text)
            let r = try await u.call("archiveEvents", [("ids", mine)])
            #expect(r.responseName == "archiveeventsresponse")
            #expect(try await rows(u, "listEvents").count == own.count - 1)
            #expect(try await rows(u, "listEvents", [("archived", "true")]).compactMap { $0["id"]?.text } == [mine])

            let adminOwn = try #require(try await rows(api, "listEvents").first?["id"]?.text)
            let foreign = await apiError { _ = try await u.call("archiveEvents", [("ids", adminOwn)]) }
            #expect(foreign?.status == 530)
            #expect(foreign?.text == "Unable to archive Events, one or more parameters has invalid values")
            let none = await apiError { _ = try await u.call("deleteEvents") }
            #expect(none?.text == "either ids, type or enddate must be specified")

            let logins = try await rows(api, "listEvents", [("listall", "true"), ("type", "USER.LOGIN")])
            #expect(!logins.isEmpty)
            let d = try await api.call("deleteEvents", [("type", "USER.LOGIN"), ("enddate", "2030-01-01")])
            #expect(d.responseName == "deleteeventsresponse")
            #expect(try await rows(api, "listEvents", [("listall", "true"), ("type", "USER.LOGIN")]).isEmpty)
            await api.close()
        }
    }
}
