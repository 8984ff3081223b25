/// S3 object storage as region-wide secondary storage: accesskey, secretkey and bucket are required.
struct S3Provider: DataStoreProvider {
    let name = "S3"
    let types: Set<DataStoreRole> = [.image]
    var lifecycle: any DataStoreLifecycle { Lifecycle() }
    var driver: any DataStoreDriver { AccountingDriver() }

    struct Lifecycle: DataStoreLifecycle {
        func initialize(_ input: DataStoreInput) throws -> DataStoreSpec {
            try StoreURL.requireDetails(input, ["accesskey", "secretkey", "bucket"])
            let bucket = input.details["bucket"] ?? ""
            // Bucket names follow S3's rules: 3-63 lowercase letters, digits, dots and hyphens.
            let allowed = bucket.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
            if bucket.count < 3 || bucket.count > 63 || !allowed {
                throw StoreURL.invalid(input, "bucket", bucket, "an S3 bucket name is 3-63 lowercase letters, digits, dots or hyphens")
            }
            let endpoint = input.details["endpoint"] ?? "s3.amazonaws.com"
            let https = input.details["usehttps"].map { $0.lowercased() != "false" } ?? true
            return DataStoreSpec(type: https ? "https" : "http", host: endpoint, path: "/" + bucket, url: (https ? "https://" : "http://") + endpoint,
                                 details: input.details, capacityBytes: 0)
        }
    }
}
