import HTTPTypes

extension HTTPFields {
    /// The value of the field `name`, its lines joined with ", " as RFC 9110 5.3 combines
    /// them; nil when it was not sent. HTTPTypes' own subscript joins even a single line
    /// (a new string on every request), which is nearly always all a client sends.
    func combined(_ name: HTTPField.Name) -> String? {
        var first: String?
        for field in self where field.name == name {
            guard first == nil else { return self[name] }
            first = field.value
        }
        return first
    }
}
