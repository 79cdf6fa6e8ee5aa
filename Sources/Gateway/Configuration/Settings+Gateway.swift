import Settings

/// The error the gateway's own parsers (`DatabaseLocation`, `RedisEndpoint`,
/// `PostgresLocation`) throw for a bad setting: the settings' error, by its older name.
public typealias ConfigurationError = SettingsError

/// Durations as settings write them, for the parsers that read durations inside URLs.
public typealias DurationText = Settings.DurationText
