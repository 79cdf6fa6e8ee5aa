import Settings

/// Locations that settings name and that parse themselves, naming the setting in errors.
extension DatabaseLocation: ParsableSetting {}

extension RedisEndpoint: ParsableSetting {}
