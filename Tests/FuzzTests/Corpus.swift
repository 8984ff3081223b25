/// Seeds for the fuzzers: answers in the shapes the management server (and cstui's simulator) sends, a cmk
/// config, and S3 XML bodies. Built in code so the corpus needs no resource bundle.
enum Corpus {
    static let apiAnswers: [String] = [
        #"{"listvirtualmachinesresponse":{"count":2,"virtualmachine":[{"id":"6c1f7a2e-0f5e-4d3a-9d2b-1a2b3c4d5e6f","name":"web-01","displayname":"web-01","account":"admin","domainid":"a1b2","domain":"ROOT","created":"2025-01-31T12:00:00+0000","state":"Running","haenable":false,"zoneid":"z1","zonename":"zone-1","cpunumber":2,"cpuspeed":1000,"memory":2048,"cpuused":"12.5%","networkkbsread":1024,"networkkbswrite":2048,"diskkbsread":0,"diskioread":0,"nic":[{"id":"n1","ipaddress":"10.1.1.10","isdefault":true}],"tags":[]},{"id":"7d2f","name":"db-01","state":"Stopped","memory":8192,"cpunumber":4}]}}"#,
        #"{"liststoragepoolsresponse":{"count":1,"storagepool":[{"id":"p1","name":"primary-nfs","type":"NetworkFilesystem","state":"Up","disksizetotal":2199023255552,"disksizeallocated":107374182400,"disksizeused":53687091200,"capacityiops":0,"overprovisionfactor":"2.0","scope":"CLUSTER","hypervisor":"KVM","provider":"DefaultPrimary"}]}}"#,
        #"{"listcapacityresponse":{"count":2,"capacity":[{"type":0,"name":"MEMORY","zoneid":"z1","capacityused":4294967296,"capacitytotal":17179869184,"percentused":"25"},{"type":1,"name":"CPU","capacityused":2000,"capacitytotal":16000,"percentused":"12.5"}]}}"#,
        #"{"loginresponse":{"timeout":"1800","sessionkey":"x3Ftf-sk","type":"1","account":"admin","userid":"u1","username":"admin","domainid":"d1","firstname":"Admin","lastname":"User","is2faenabled":"false","issuerfor2fa":"cloudstack"}}"#,
        #"{"stopvirtualmachineresponse":{"jobid":"b7c2a5f0-1111-2222-3333-444455556666"}}"#,
        #"{"queryasyncjobresultresponse":{"accountid":"a1","userid":"u1","cmd":"org.apache.cloudstack.api.command.admin.vm.StopVMCmdByAdmin","jobstatus":1,"jobprocstatus":0,"jobresultcode":0,"jobresulttype":"object","jobresult":{"virtualmachine":{"id":"6c1f","name":"web-01","state":"Stopped"}},"jobinstancetype":"VirtualMachine","jobinstanceid":"6c1f","created":"2025-01-31T12:00:00+0000","completed":"2025-01-31T12:00:03+0000","jobid":"b7c2"}}"#,
        #"{"queryasyncjobresultresponse":{"jobid":"b7c3","jobstatus":2,"jobresultcode":530,"jobresulttype":"object","jobresult":{"errorcode":530,"cserrorcode":4250,"errortext":"Failed to stop VM"}}}"#,
        #"{"listvirtualmachinesresponse":{"uuidList":[],"errorcode":431,"cserrorcode":4350,"errortext":"Unable to execute API command listvirtualmachines due to invalid value"}}"#,
        #"{"errorresponse":{"uuidList":[],"errorcode":432,"cserrorcode":9999,"errortext":"The given command does not exist or it is not available for the user"}}"#,
        #"{"listzonesresponse":{}}"#,
        #"{"listvmsnapshotresponse":{"count":1,"vmSnapshot":[{"id":"s1","name":"snap-1","displayname":"before upgrade","state":"Ready","current":true,"type":"DiskAndMemory","virtualmachineid":"6c1f","created":"2025-01-31T12:00:00+0000"}]}}"#,
        #"{"addImageStoreS3Response":{"imagestore":{"id":"i1","name":"s3","protocol":"http","providername":"S3","scope":"REGION"}}}"#,
        #"{"listasyncjobsresponse":{"count":1,"asyncjobs":[{"jobid":"j9","jobstatus":0,"cmd":"DeployVMCmd","jobprocstatus":0,"jobresultcode":0}]}}"#,
    ]

    static let cmkConfig = """
    prompt = 🐵
    asyncblock = true
    timeout = 3600
    output = json
    verifycert = true
    profile = prod

    [local]
    url = http://localhost:8080/client/api
    username = admin
    password = SEEDPASSWORDvalue
    domain = /

    [prod]
    url = https://cloud.example.com/client/api
    apikey = PRODKEY
    secretkey = SEEDSECRETvalue
    timeout = 900
    verifycert = false
    """

    static let s3Bodies: [String] = [
        #"<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>4442587FB7D0A2F9</RequestId></Error>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message><StringToSign>AWS4-HMAC-SHA256&#10;20250131T120000Z</StringToSign></Error>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><Contents><Key>a &amp; b.txt</Key><Size>12</Size><ETag>&quot;abc&quot;</ETag></Contents></ListBucketResult>"#,
        #"<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>VXBsb2FkIElE</UploadId></InitiateMultipartUploadResult>"#,
    ]
}
