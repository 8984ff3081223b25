/// The canned ACLs S3 accepts in x-amz-acl (CloudStack's CannedAccessControlList).
public enum S3CannedACL: String, Sendable, CaseIterable {
    case `private` = "private"
    case publicRead = "public-read"
    case publicReadWrite = "public-read-write"
    case authenticatedRead = "authenticated-read"
    case bucketOwnerRead = "bucket-owner-read"
    case bucketOwnerFullControl = "bucket-owner-full-control"
}
