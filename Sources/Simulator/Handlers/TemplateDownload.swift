import Foundation

/// A zone copy's download, worked out from the time it began (nothing runs in the background): "N% Downloaded"
/// until its download time has passed, "Installing Template" for a tenth as long again, then "Download Complete"
/// and ready, as the server's template_store_ref states read in listTemplates.
enum TemplateDownload {
    enum Phase: Equatable, Sendable {
        case downloading(percent: Int)
        case installing
        case ready
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// How long a template registered now takes to download: ten times the longest job delay, at least a second
    /// (30 s with the default `--job-delay 1-3`, 2 s with the tests' 0.05-0.2).
    static func seconds(jobDelay: ClosedRange<Double>) -> Double { max(1, 10 * jobDelay.upperBound) }

    static func phase(_ z: TemplateZoneRecord, now: Double) -> Phase {
        guard let start = z.downloadStart, let seconds = z.downloadSeconds, seconds > 0 else { return .ready }
        let elapsed = now - start
        if elapsed < seconds { return .downloading(percent: max(0, min(99, Int(elapsed / seconds * 100)))) }
        if elapsed < seconds * 1.1 { return .installing }
        return .ready
    }

    static func isReady(_ z: TemplateZoneRecord, now: Double) -> Bool { phase(z, now: now) == .ready }

    /// TemplateJoinDaoImpl's status text.
    static func status(_ phase: Phase) -> String {
        switch phase {
        case .downloading(let percent): return "\(percent)% Downloaded"
        case .installing: return "Installing Template"
        case .ready: return "Download Complete"
        }
    }
}

/// Sizes of templates and ISOs, fixed per image so they never change between calls.
enum TemplateSizes {
    /// A template's virtual size is that of the ROOT volumes made from it; an ISO's is 0.3 to 6 GB.
    static func virtual(_ t: TemplateRecord) -> Int64 {
        if t.format == "ISO" { return Int64(300 + stableHash(t.id) % 5700) * 1_048_576 }
        return RootVolumes.sizeBytes(templateID: t.id)
    }

    /// What it takes on secondary storage: compressed formats take less than their virtual size.
    static func physical(_ t: TemplateRecord) -> Int64 {
        switch t.format {
        case "QCOW2", "OVA": return virtual(t) / 100 * Int64(25 + stableHash(t.id) % 30)
        default: return virtual(t)
        }
    }
}
