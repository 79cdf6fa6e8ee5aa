import Settings

/// Durations as settings write them, for the parsers that read durations inside URLs.
public typealias DurationText = Settings.DurationText
