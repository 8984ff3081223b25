import CloudStack

/// An error answer: HTTP status (= `errorcode`), `cserrorcode` and the server's text.
struct APIError: Error, Sendable {
    var httpCode: Int
    var csErrorCode: Int?
    var text: String
    /// Answer under this key instead of the command's response name (`errorresponse` for unknown commands).
    var responseName: String?

    init(_ httpCode: Int, _ cs: Int?, _ text: String, responseName: String? = nil) {
        self.httpCode = httpCode
        self.csErrorCode = cs
        self.text = text
        self.responseName = responseName
    }

    /// InvalidParameterValueException (431, 4350).
    static func invalid(_ text: String) -> APIError { APIError(431, 4350, text) }

    /// A ServerApiException with PARAM_ERROR (431, 9999).
    static func param(_ text: String) -> APIError { APIError(431, 9999, text) }

    static func missing(_ command: String, _ parameter: String) -> APIError {
        APIError(431, 9999, "Unable to execute API command \(command) due to missing parameter \(parameter)")
    }

    /// The text ParamProcessWorker gives when a UUID parameter names nothing, or a number does not parse.
    static func badValue(_ command: String, _ parameter: String, _ value: String) -> APIError {
        APIError(431, 9999, "Unable to execute API command \(command) due to invalid value. Invalid parameter \(parameter) value=\(value) due to incorrect long value format, or entity does not exist or due to incorrect parameter annotation for the field in api cmd class.")
    }

    /// A number that does not parse (IllegalArgumentException in ParamProcessWorker).
    static func badNumber(_ command: String, _ parameter: String, _ value: String) -> APIError {
        APIError(431, 9999, "Unable to execute API command \(command) due to invalid value \(value) for parameter \(parameter)")
    }

    /// PermissionDeniedException (531, 4365).
    static func denied(_ text: String) -> APIError { APIError(531, 4365, text) }

    /// CloudRuntimeException (530, 4250).
    static func internalError(_ text: String) -> APIError { APIError(530, 4250, text) }

    static let unauthorizedText = "unable to verify user credentials and/or request signature"
}
