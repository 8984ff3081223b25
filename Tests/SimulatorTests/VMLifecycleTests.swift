import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("VM lifecycle: update, recover, expunge, restore, scale, change service, password")
struct VMLifecycleTests {
    @Test("updateVirtualMachine changes display name, name, group and OS type; HA needs an HA offering; a bad OS type is a 431")
    func update() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "edit-1", extra: [("startvm", "false")])
            let id = try #require(vm["id"]?.text)
            let os = try #require(try await api.call("listOsTypes", [("description", "Debian GNU/Linux 12")]).items().first?["id"]?.text)
            let r = try await api.call("updateVirtualMachine", [("id", id), ("displayname", "Edited"), ("name", "edit-2"), ("group", "batch"), ("ostypeid", os)])
            #expect(r.responseName == "updatevirtualmachineresponse")
            let updated = try #require(r.content["virtualmachine"]?.objectValue)
            #expect(updated["displayname"]?.text == "Edited" && updated["name"]?.text == "edit-2")
            #expect(updated["group"]?.text == "batch" && updated["ostypeid"]?.text == os)
            #expect(updated["osdisplayname"]?.text == "Debian GNU/Linux 12 (64-bit)")
            #expect(try await api.call("listVirtualMachines", [("name", "edit-2")]).items().first?["id"]?.text == id)
            let groups = try await api.call("listInstanceGroups", [("name", "batch")]).items()
            #expect(groups.count == 1)
            #expect(try await api.call("listVirtualMachines", [("groupid", try #require(groups.first?["id"]?.text))]).items().map { $0["id"]?.text } == [id])
            let ha = await apiError { _ = try await api.call("updateVirtualMachine", [("id", id), ("haenable", "true")]) }
            #expect(ha?.text == "Can't enable ha for the vm as it's created from the Service offering having HA disabled")
            let badOS = await apiError { _ = try await api.call("updateVirtualMachine", [("id", id), ("ostypeid", "00000000-0000-4000-8000-000000000000")]) }
            #expect(badOS?.status == 431)
        }
    }

    @Test("recover: only admins (allowuserexpungerecovervm is false), only a Destroyed VM, which comes back Stopped with its ROOT volume Ready")
    func recover() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "gone-1")
            let id = try #require(vm["id"]?.text)
            let running = await apiError { _ = try await admin.call("recoverVirtualMachine", [("id", id)]) }
            #expect(running?.status == 431)
            #expect(running?.text == "Vm with id \(id) is not in the right state")
            _ = try await ComputeFixtures.run(api, "destroyVirtualMachine", [("id", id)])
            let byUser = await apiError { _ = try await api.call("recoverVirtualMachine", [("id", id)]) }
            #expect(byUser?.status == 531)
            #expect(byUser?.text == "Recovering a vm can only be done by an Admin. Or when the allow.user.expunge.recover.vm key is set.")
            let r = try await admin.call("recoverVirtualMachine", [("id", id)])
            #expect(r.responseName == "recovervirtualmachineresponse")
            #expect(r.content["virtualmachine"]?["state"]?.text == "Stopped")
            #expect(try await api.call("listVolumes", [("virtualmachineid", id), ("type", "ROOT")]).items().first?["state"]?.text == "Ready")
        }
    }

    @Test("expunge: a running VM's job fails with the server's text; a destroyed one is gone with its ROOT volume and its details")
    func expunge() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "bye-1", extra: [("keypairs", "demo-laptop")])
            let id = try #require(vm["id"]?.text)
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", id)]).items().first?["id"]?.text)
            let early = try await ComputeFixtures.jobFailure(admin, "expungeVirtualMachine", [("id", id)])
            #expect(early.code == 530)
            #expect(early.text == "Please specify a VM that is either in Destroyed or Expunging state")
            _ = try await ComputeFixtures.run(api, "destroyVirtualMachine", [("id", id)])
            let byUser = try await ComputeFixtures.jobFailure(api, "expungeVirtualMachine", [("id", id)])
            #expect(byUser.text == "Expunging a vm can only be done by an Admin. Or when the allow.user.expunge.recover.vm key is set.")
            let done = try await ComputeFixtures.run(admin, "expungeVirtualMachine", [("id", id)])
            #expect(done["success"] == .bool(true))
            #expect(await VolumeFixtures.isGone(admin, "listVirtualMachines", id))
            #expect(await VolumeFixtures.isGone(admin, "listVolumes", root))
            let stillKeyed = try await admin.listAll("listVirtualMachines", [("listall", "true"), ("keypair", "demo-laptop")]).items
            #expect(!stillKeyed.contains { $0["id"]?.text == id })
        }
    }

    @Test("restore: a new template replaces the ROOT disk (a new password for a password enabled one); a Destroyed VM cannot be restored")
    func restore() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "again-1", template: "Debian 12")
            let id = try #require(vm["id"]?.text)
            let ubuntu = try await ComputeFixtures.template(admin, "Ubuntu 24.04 LTS")
            let result = try await ComputeFixtures.run(api, "restoreVirtualMachine", [("virtualmachineid", id), ("templateid", ubuntu)])
            let restored = try #require(result["virtualmachine"]?.objectValue)
            #expect(restored["templateid"]?.text == ubuntu && restored["templatename"]?.text == "Ubuntu 24.04 LTS")
            #expect(restored["state"]?.text == "Running")
            #expect((restored["password"]?.text?.count ?? 0) >= 8)
            let root = try #require(try await api.call("listVolumes", [("virtualmachineid", id), ("type", "ROOT")]).items().first)
            #expect(root["templateid"]?.text == ubuntu)
            _ = try await ComputeFixtures.run(api, "destroyVirtualMachine", [("id", id)])
            let failed = try await ComputeFixtures.jobFailure(admin, "restoreVirtualMachine", [("virtualmachineid", id)])
            #expect(failed.text == "Vm \(id) currently in Destroyed state, restore vm can only execute when VM in Running or Stopped")
        }
    }

    @Test("scale: a running KVM VM on a fixed offering cannot be scaled live; a stopped one can; changeService needs it stopped")
    func scaleAndChangeService() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "grow-1")
            let id = try #require(vm["id"]?.text)
            let medium = try await ComputeFixtures.offering(admin, "Medium Instance")
            let live = try await ComputeFixtures.jobFailure(api, "scaleVirtualMachine", [("id", id), ("serviceofferingid", medium)])
            #expect(live.text.hasPrefix("Unable to live scale VM on KVM when current service offering is a \"Fixed Offering\""))
            let running = await apiError { _ = try await api.call("changeServiceForVirtualMachine", [("id", id), ("serviceofferingid", medium)]) }
            #expect(running?.status == 431)
            #expect(running?.text.hasSuffix("in state Running; make sure the virtual machine is stopped") == true)
            _ = try await ComputeFixtures.run(api, "stopVirtualMachine", [("id", id)])
            let scaled = try await ComputeFixtures.run(api, "scaleVirtualMachine", [("id", id), ("serviceofferingid", medium)])
            #expect(scaled["virtualmachine"]?["serviceofferingname"]?.text == "Medium Instance")
            #expect(scaled["virtualmachine"]?["cpunumber"]?.intValue == 2 && scaled["virtualmachine"]?["memory"]?.intValue == 2048)
            let same = await apiError { _ = try await api.call("changeServiceForVirtualMachine", [("id", id), ("serviceofferingid", medium)]) }
            #expect(same?.text.hasSuffix("since it already has the requested service offering (Medium Instance)") == true)
            let custom = try await ComputeFixtures.offering(admin, "Custom Instance")
            let r = try await api.call("changeServiceForVirtualMachine", [("id", id), ("serviceofferingid", custom), ("details[0].cpuNumber", "3"),
                                                                          ("details[0].cpuSpeed", "1800"), ("details[0].memory", "3072")])
            #expect(r.responseName == "changeserviceforvirtualmachineresponse")
            #expect(r.content["virtualmachine"]?["cpunumber"]?.intValue == 3 && r.content["virtualmachine"]?["memory"]?.intValue == 3072)
        }
    }

    @Test("scale up live: a running VM on a custom offering deployed dynamically scalable grows; scaling down live is refused")
    func liveScale() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let details: [(String, String)] = [("details[0].cpuNumber", "2"), ("details[0].cpuSpeed", "2000"), ("details[0].memory", "2048")]
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "elastic-1", extra: details, offering: "Custom Instance")
            #expect(vm["isdynamicallyscalable"] == .bool(true))
            let id = try #require(vm["id"]?.text)
            let custom = try await ComputeFixtures.offering(admin, "Custom Instance")
            let up = try await ComputeFixtures.run(api, "scaleVirtualMachine", [("id", id), ("serviceofferingid", custom), ("details[0].cpuNumber", "4"),
                                                                               ("details[0].cpuSpeed", "2000"), ("details[0].memory", "4096")])
            #expect(up["virtualmachine"]?["cpunumber"]?.intValue == 4 && up["virtualmachine"]?["state"]?.text == "Running")
            let down = try await ComputeFixtures.jobFailure(api, "scaleVirtualMachine", [("id", id), ("serviceofferingid", custom), ("details[0].cpuNumber", "1"),
                                                                                         ("details[0].cpuSpeed", "2000"), ("details[0].memory", "1024")])
            #expect(down.text.hasPrefix("While the VM is running, only scalling up it is supported."))
        }
    }

    @Test("resetPasswordForVirtualMachine: the new password is in the job result once; a running VM or a template without passwords fails the job")
    func resetPassword() async throws {
        try await withSimulator { server in
            let admin = try admin(server), api = try user(server)
            let vm = try await ComputeFixtures.deploy(api, admin: admin, name: "pw-1")
            let id = try #require(vm["id"]?.text)
            let running = try await ComputeFixtures.jobFailure(api, "resetPasswordForVirtualMachine", [("id", id)])
            #expect(running.text.hasSuffix("should be stopped to do password reset"))
            _ = try await ComputeFixtures.run(api, "stopVirtualMachine", [("id", id)])
            let reset = try await ComputeFixtures.run(api, "resetPasswordForVirtualMachine", [("id", id)])
            let password = try #require(reset["virtualmachine"]?["password"]?.text)
            #expect(password.count >= 8 && password != vm["password"]?.text)
            let listed = try await ComputeFixtures.vm(api, id)
            #expect(listed["password"] == nil)
            let rocky = try await ComputeFixtures.deploy(api, admin: admin, name: "pw-2", extra: [("startvm", "false")], template: "Rocky Linux 9")
            let notEnabled = try await ComputeFixtures.jobFailure(api, "resetPasswordForVirtualMachine", [("id", try #require(rocky["id"]?.text))])
            #expect(notEnabled.text == "Fail to reset password for the virtual machine, the template is not password enabled")
        }
    }
}
