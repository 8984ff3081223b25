/// An S3 access key pair; the secret never appears in descriptions.
public struct S3Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let accessKey: String
    public let secretKey: String

    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.secretKey = secretKey
    }

    public var description: String { "S3Credentials(accessKey: \(accessKey), secretKey: ****)" }
    public var debugDescription: String { description }
}
