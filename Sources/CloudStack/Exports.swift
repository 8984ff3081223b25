// What crosses the wire is read and written with the Wire target: JSON values, the strict reader, terminal-safe text.
// Everyone who talks to the API needs them, so importing CloudStack brings them too.
@_exported import Wire
