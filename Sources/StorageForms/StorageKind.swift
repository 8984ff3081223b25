/// Which add-storage dialog: primary storage (createStoragePool) or secondary/image storage (addImageStore).
public enum StorageKind: String, Sendable { case primary, image }
