import CloudStack
import Foundation
import Simulator
import Testing
import TestSupport

@Suite("Account and user states, keys")
struct AccountStateTests {
    @Test("disableAccount lock=false: disabled, its VMs stopped, its users refused (401 signed, 531 login); enableAccount lets them back")
    func disableAndEnable() async throws {
        try await withSimulator(jobDelay: 0.05...0.05) { server in
            let api = try admin(server)
            let demo = server.credentials.user
            let u = try user(server)
            #expect(try await rows(u, "listVirtualMachines", [("state", "Running")]).count > 0)
            let disabled = try await jobResult(api, "disableAccount", [("id", demo.accountID), ("lock", "false")])
            #expect(disabled["account"]?["state"]?.text == "disabled")
            #expect(disabled["account"]?["vmrunning"] == .int(0))
            let refused = await apiError { _ = try await u.call("listVirtualMachines") }
            #expect(refused?.status == 401)
            #expect(refused?.text == "unable to verify user credentials and/or request signature")
            let login = await apiError {
                _ = try await client(server, .session(username: demo.username, password: demo.password, domain: "/")).login()
            }
            #expect(login?.status == 531)
            #expect(login?.text == "User \(demo.username) (or their account) in domain ROOT is disabled/locked. Please contact the administrator.")
            #expect(try await rows(api, "listVirtualMachines", [("listall", "true"), ("account", demo.account), ("state", "Running")]).isEmpty)

            let enabled = try await api.call("enableAccount", [("id", demo.accountID)])
            #expect(enabled.responseName == "enableaccountresponse")
            #expect(enabled.content["account"]?["state"]?.text == "enabled")
            #expect((try await u.call("listVirtualMachines").list.count ?? 0) > 0)
            let events = Set(try await rows(api, "listEvents", [("listall", "true"), ("resourceid", demo.accountID)]).compactMap { $0["type"]?.text })
            #expect(events == ["ACCOUNT.DISABLE", "ACCOUNT.ENABLE"])
            await api.close()
        }
    }

    @Test("disableAccount lock=true: locked, VMs keep running, an open session is refused at its next call and cannot log in again")
    func lock() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let demo = server.credentials.user
            let session = try client(server, .session(username: demo.username, password: demo.password, domain: "/"))
            _ = try await session.login()
            let running = try await rows(session, "listVirtualMachines", [("state", "Running")]).count
            let root = try #require(try await api.call("listDomains", [("level", "0")]).items().first?["id"]?.text)
            let locked = try await jobResult(api, "disableAccount", [("account", demo.account), ("domainid", root), ("lock", "true")])
            #expect(locked["account"]?["state"]?.text == "locked")
            #expect(locked["account"]?["vmrunning"] == .int(Int64(running)))
            #expect(try await api.call("listAccounts", [("state", "locked")]).items().compactMap { $0["name"]?.text } == [demo.account])
            // The session is refused (401); the client logs in again, which the server refuses for the locked account.
            let e = await apiError { _ = try await session.call("listVirtualMachines") }
            #expect(e?.status == 531)
            #expect(e?.text == "User \(demo.username) (or their account) in domain ROOT is disabled/locked. Please contact the administrator.")
            await api.close()
        }
    }

    @Test("deleteAccount: an account with its users and VMs goes; the caller's own account is refused with the server's text")
    func delete() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let globex = try #require(try await api.call("listAccounts", [("name", "globex")]).items().first)
            let id = try #require(globex["id"]?.text)
            let before = try #require(try await api.call("listVirtualMachines", [("listall", "true")]).list.count)
            let vms = Int(globex["vmtotal"]?.intValue ?? 0)
            #expect(vms > 0)
            let r = try await api.call("deleteAccount", [("id", id)])
            #expect(r.responseName == "deleteaccountresponse")
            let done = try await api.waitForJob(try #require(r.jobID), command: "deleteAccount")
            #expect(done.result?["success"] == .bool(true))
            #expect(try await api.call("listAccounts", [("listall", "true")]).items().allSatisfy { $0["name"]?.text != "globex" })
            #expect(try await rows(api, "listUsers", [("listall", "true")]).allSatisfy { $0["account"]?.text != "globex" })
            #expect(try await api.call("listVirtualMachines", [("listall", "true")]).list.count == before - vms)

            let own = try await jobFailure(api, "deleteAccount", [("id", server.credentials.admin.accountID)])
            #expect(own?.code == 530)
            #expect(own?.text.hasPrefix("Deletion of your own account is not allowed. To delete account admin (ID: \(server.credentials.admin.accountID)") == true)
            #expect(try await api.call("listAccounts", [("name", "admin")]).items().count == 1)
            await api.close()
        }
    }

    @Test("disableUser refuses the user's calls, enableUser lets it back; deleteUser refuses the caller itself and the default user")
    func users() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let demo = server.credentials.user
            let u = try user(server)
            let disabled = try await jobResult(api, "disableUser", [("id", demo.userID)])
            #expect(disabled["user"]?["state"]?.text == "disabled")
            #expect(try await api.call("listUsers", [("id", demo.userID)]).items().first?["state"]?.text == "disabled")
            let refused = await apiError { _ = try await u.call("listVirtualMachines") }
            #expect(refused?.status == 401)
            let enabled = try await api.call("enableUser", [("id", demo.userID)])
            #expect(enabled.responseName == "enableuserresponse")
            #expect(enabled.content["user"]?["state"]?.text == "enabled")
            _ = try await u.call("listVirtualMachines")

            let me = await apiError { _ = try await api.call("deleteUser", [("id", server.credentials.admin.userID)]) }
            #expect(me?.status == 431)
            #expect(me?.text.hasPrefix("The caller is requesting to delete itself. As a security measure, ACS will not allow this operation.") == true)
            let ops = try #require(try await api.call("listUsers", [("listall", "true"), ("username", "initech-ops")]).items().first?["id"]?.text)
            let deleted = try await api.call("deleteUser", [("id", ops)])
            #expect(deleted.responseName == "deleteuserresponse")
            #expect(deleted.content["success"] == .bool(true))
            #expect(try await api.call("listUsers", [("listall", "true"), ("username", "initech-ops")]).items().isEmpty)
            // The VMs of that account still show their owner after the user list changed.
            let initech = try await rows(api, "listVirtualMachines", [("listall", "true"), ("account", "initech"), ("page", "1"), ("pagesize", "5")])
            #expect(initech.allSatisfy { $0["account"]?.text == "initech" })
            await api.close()
        }
    }

    @Test("registerUserKeys: a new pair under userkeys; the old pair is refused, the new one works; getUserKeys only for one's own account")
    func keys() async throws {
        try await withSimulator { server in
            let api = try admin(server)
            let demo = server.credentials.user
            let old = try user(server)
            _ = try await old.call("listVirtualMachines")
            let r = try await api.call("registerUserKeys", [("id", demo.userID)])
            #expect(r.responseName == "registeruserkeysresponse")
            let keys = try #require(r.content["userkeys"]?.objectValue)
            let key = try #require(keys["apikey"]?.text), secret = try #require(keys["secretkey"]?.text)
            #expect(key.count == 86 && secret.count == 86 && key != demo.apiKey)
            let refused = await apiError { _ = try await old.call("listVirtualMachines") }
            #expect(refused?.status == 401)
            let renewed = try client(server, .apiKey(key: key, secret: secret))
            let got = try await renewed.call("getUserKeys", [("id", demo.userID)])
            #expect(got.responseName == "getuserkeysresponse")
            #expect(got.content["userkeys"]?["apikey"]?.text == key)
            #expect(got.content["userkeys"]?["secretkey"]?.text == secret)
            let foreign = await apiError { _ = try await renewed.call("getUserKeys", [("id", server.credentials.admin.userID)]) }
            #expect(foreign?.status == 531)
            // listUsers shows API keys to admins and owners, and never a secret key.
            let users = try await rows(api, "listUsers", [("listall", "true")])
            #expect(users.allSatisfy { $0["secretkey"] == nil })
            #expect(users.first { $0["id"]?.text == demo.userID }?["apikey"]?.text == key)
            await api.close()
        }
    }
}
