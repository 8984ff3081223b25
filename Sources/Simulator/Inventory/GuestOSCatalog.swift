/// The guest OS types the simulator offers (a realistic part of the server's guest_os table), by category.
enum GuestOSCatalog {
    static let categories: [(name: String, types: [String])] = [
        ("CentOS", ["CentOS 7 (64-bit)", "CentOS 8", "CentOS Stream 9"]),
        ("Debian", ["Debian GNU/Linux 10 (64-bit)", "Debian GNU/Linux 11 (64-bit)", "Debian GNU/Linux 12 (64-bit)"]),
        ("Oracle", ["Oracle Linux 8", "Oracle Linux 9"]),
        ("RedHat", ["Red Hat Enterprise Linux 8", "Red Hat Enterprise Linux 9", "Rocky Linux 9", "AlmaLinux 9", "Fedora Linux (64 bit)"]),
        ("SUSE", ["SUSE Linux Enterprise Server 15 SP5 (64-bit)", "openSUSE Leap 15 (64-bit)"]),
        ("Windows", ["Windows Server 2016 (64-bit)", "Windows Server 2019 (64-bit)", "Windows Server 2022 (64-bit)", "Windows 10 (64-bit)",
                     "Windows 11 (64-bit)"]),
        ("Ubuntu", ["Ubuntu 20.04 LTS", "Ubuntu 22.04 LTS", "Ubuntu 24.04 LTS"]),
        ("Unix", ["FreeBSD 13 (64-bit)", "FreeBSD 14 (64-bit)"]),
        ("Other", ["Other Linux (64-bit)", "Other (64-bit)", "Other PV (64-bit)", "Alpine Linux 3 (64-bit)"]),
    ]
}
