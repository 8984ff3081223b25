import Foundation
import Testing
@testable import CloudStack

/// Mutated API answers through everything that reads them: JSONParser, the JSONValue accessors on every scalar,
/// JSONSerializer, ResponseEnvelope, CloudStackClient.decode and AsyncJob. Nothing may trap; what comes out for
/// a terminal must be clean.
@Suite("Fuzzing what the server sends")
struct WireFuzzTests {
    @Test("API answers: parser, accessors, serializer, envelope, decode and AsyncJob never trap")
    func apiAnswers() {
        let seeds = Corpus.apiAnswers.map { Array($0.utf8) }
        let mutator = Mutator(corpus: seeds)
        var parsed = 0, total = 0
        FuzzBudget("api answers", iterations: 10000, seed: 0x5EED_0001).run { rng, _ in
            // Half the inputs only have one value swapped, so they stay well-formed and reach the accessors.
            let seed = rng.pick(seeds)
            let input = rng.chance(2) ? mutator.replaceValue(seed, with: rng.pick(Mutator.jsonValues), &rng) : mutator.mutate(seed, &rng)
            total += 1
            FuzzBudget.record(input, target: "api")
            if WireOracle.check(input, status: rng.pick([200, 200, 302, 431, 530])) { parsed += 1 }
        }
        // The value replacements keep most inputs well-formed, so the accessors and envelope code are reached.
        #expect(parsed * 3 > total, "only \(parsed) of \(total) mutated answers parsed")
    }

    @Test("the seeds themselves pass the oracle")
    func seeds() {
        for seed in Corpus.apiAnswers { #expect(WireOracle.check(Array(seed.utf8), status: 200)) }
    }

    @Test("TerminalSafe agrees with a scalar-by-scalar reference, and JSON escaping round-trips")
    func terminalSafe() {
        // Scalars at and around every boundary of the unsafe set, plus ordinary text.
        let pool: [UInt32] = [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x22, 0x41, 0x5C, 0x7E, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0xA0,
                              0xE9, 0x061B, 0x061C, 0x061D, 0x200A, 0x200B, 0x200D, 0x200E, 0x200F, 0x2010, 0x2028, 0x2029, 0x202A,
                              0x202E, 0x202F, 0x205F, 0x2060, 0x2061, 0x2065, 0x2066, 0x2069, 0x206A, 0x6771, 0xFEFE, 0xFEFF, 0xFF00,
                              0x1F435, 0x10FFFF]
        let unsafe: Set<UInt32> = Set(Array(0x00...0x1F) + Array(0x7F...0x9F) + [0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
                                      0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF])
        func reference(_ s: String, keep: TerminalSafe.Keep) -> String {
            var out = ""
            for u in s.unicodeScalars {
                let kept = (u == "\n" && keep.contains(.newline)) || (u == "\t" && keep.contains(.tab))
                guard unsafe.contains(u.value), !kept else { out.unicodeScalars.append(u); continue }
                switch u {
                case "\u{1B}": out += "\\e"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default: out += String(format: "\\u%04x", u.value)
                }
            }
            return out
        }
        var checked = 0
        FuzzBudget("terminal-safe", iterations: 5000, seed: 0x5EED_0002).run { rng, _ in
            var s = ""
            for _ in 0..<rng.below(24) { s.unicodeScalars.append(Unicode.Scalar(rng.pick(pool)) ?? "?") }
            let keep = rng.pick([TerminalSafe.Keep(), .newline, .tab, [.newline, .tab]])
            #expect(TerminalSafe.visible(s, keep: keep) == reference(s, keep: keep), "\(s.unicodeScalars.map { $0.value })")
            let json = JSONSerializer.string(.array([.string(s)]))
            #expect(TerminalSafe.isClean(json), "\(json.debugDescription)")
            #expect((try? JSONParser.parse(json))?[0]?.text == s)
            checked += 1
        }
        #expect(checked >= 5000)
    }
}

private extension JSONValue {
    subscript(index: Int) -> JSONValue? { arrayValue.flatMap { index < $0.count ? $0[index] : nil } }
}

/// What must hold for any bytes a server sends.
enum WireOracle {
    /// Runs every reader over `bytes`; true when they parsed as JSON.
    @discardableResult
    static func check(_ bytes: [UInt8], status: Int) -> Bool {
        let answer = HTTPAnswer(status: status, headers: [("Content-Type", "application/json"), ("Location", String(decoding: bytes.prefix(80), as: UTF8.self))], body: bytes)
        do {
            _ = try CloudStackClient.decode(command: "listVirtualMachines", answer: answer)
        } catch let e as CloudStackError {
            // The description is built from server text; shown through TerminalSafe it must be clean.
            #expect(TerminalSafe.isClean(TerminalSafe.visible(e.description, keep: [.newline, .tab]), keep: [.newline, .tab]))
        } catch {
            Issue.record("decode threw a non-CloudStackError: \(error)")
        }
        if let redirect = CloudStackClient.redirectError(command: "x", endpoint: "http://h/", answer: answer) {
            #expect(TerminalSafe.isClean(redirect.description))
        }
        guard let value = try? JSONParser.parse(bytes) else { return false }
        visit(value)
        let pretty = JSONSerializer.string(value, pretty: true)
        #expect(TerminalSafe.isClean(pretty, keep: .newline), "serialized JSON carries a control: \(pretty.prefix(200).debugDescription)")
        #expect((try? JSONParser.parse(pretty)) != nil, "serialized JSON does not parse again")
        if case .success(let (_, content)) = ResponseEnvelope.unwrap(value) {
            _ = ResponseEnvelope.error(in: content)
            let list = ResponseEnvelope.list(in: content)
            if let count = list.count { #expect(content["count"]?.intValue == Int64(count)) }
            let response = APIResponse(command: "x", responseName: "xresponse", content: content)
            _ = response.jobID
            _ = ListResult(command: "x", responseName: "x", itemKey: list.itemKey, items: list.items, count: list.count ?? 0).content
        }
        return true
    }

    /// Every accessor on every scalar; objects are also tried as job records.
    static func visit(_ v: JSONValue) {
        switch v {
        case .array(let items):
            items.forEach(visit)
        case .object(let o):
            for (key, value) in o {
                #expect(TerminalSafe.isClean(TerminalSafe.visible(key)))
                visit(value)
            }
            if let job = AsyncJob(o) {
                _ = job.errorText
                #expect((0...3).contains(job.status.rawValue))
            } else {
                _ = AsyncJob.problem(in: o)
            }
        default:
            let i = v.intValue, d = v.doubleValue, t = v.text
            _ = v.boolValue
            if let d { #expect(d.isFinite) }
            if case .int(let exact) = v { #expect(i == exact) }
            if let t { #expect(TerminalSafe.isClean(TerminalSafe.visible(t))) }
        }
    }
}
