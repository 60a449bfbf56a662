// Fonbnk endpoints: path plus query, exactly as Fonbnk signs them.
#if canImport(CSigmint)
import CSigmint
#else
import sigmint // the C module of an XCFramework (docs/swift.md)
#endif

/// Fonbnk's request canonicalization (`sigmint_fonbnk_endpoint`).
public enum Fonbnk {
    /// The endpoint Fonbnk signs and that the request goes to: `path`, then, when there are
    /// parameters, `?` and the query exactly as JavaScript's `URLSearchParams.toString()`
    /// writes it (space as `+`; `*-._` and alphanumerics kept; every other byte `%XX`), in
    /// the order given.
    ///
    ///     try Fonbnk.endpoint("/api/v2/order-limits", params: [("depositCurrencyCode", "NGN")])
    ///     // "/api/v2/order-limits?depositCurrencyCode=NGN"
    ///
    /// - Throws: `SigmintError` with code `ENDPOINT_NOT_ABSOLUTE` (no leading `/`),
    ///   `ENDPOINT_INVALID_CHAR` (a space, control, non-ASCII or `#` in the path) or
    ///   `PATH_HAS_QUERY` (a `?` in the path and parameters given).
    public static func endpoint(_ path: String, params: [(String, String)] = []) throws -> String {
        // Every name and value goes into one byte buffer, so that all the pointers the C
        // array of sigmint_query_param holds live for the same single call.
        var bytes: [UInt8] = []
        var spans: [(name: Range<Int>, value: Range<Int>)] = []
        spans.reserveCapacity(params.count)
        for (name, value) in params {
            let nameStart = bytes.count
            bytes.append(contentsOf: name.utf8)
            let valueStart = bytes.count
            bytes.append(contentsOf: value.utf8)
            spans.append((name: nameStart..<valueStart, value: valueStart..<bytes.count))
        }
        return try withCText(path) { pathChars, pathLength in
            try bytes.withUnsafeBufferPointer { raw in
                try raw.withMemoryRebound(to: CChar.self) {
                    (chars: UnsafeBufferPointer<CChar>) throws -> String in
                    // baseAddress is nil only when every name and value is empty: then each
                    // pointer is NULL with a length of 0, which the C ABI accepts.
                    let base = chars.baseAddress
                    let cParams = spans.map { span -> sigmint_query_param in
                        sigmint_query_param(
                            name: base.map { $0 + span.name.lowerBound },
                            name_len: span.name.count,
                            value: base.map { $0 + span.value.lowerBound },
                            value_len: span.value.count)
                    }
                    return try cParams.withUnsafeBufferPointer { cParamsBuffer in
                        try readText { out, capacity, length in
                            sigmint_fonbnk_endpoint(
                                pathChars, pathLength,
                                cParamsBuffer.baseAddress, cParamsBuffer.count,
                                out, capacity, length)
                        }
                    }
                }
            }
        }
    }
}
