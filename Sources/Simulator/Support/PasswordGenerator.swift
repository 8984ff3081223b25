/// Passwords for password enabled templates: 12 random characters, without letters and digits that look alike.
enum PasswordGenerator {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] })
    }
}
