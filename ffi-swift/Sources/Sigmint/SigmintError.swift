// A refusal from libsigmint, as a Swift error.
#if canImport(CSigmint)
import CSigmint
#else
import sigmint // the C module of an XCFramework (docs/swift.md)
#endif

/// A refusal from libsigmint: every failing call of this module throws one.
///
/// `code` is the C result's name without `SIGMINT_RESULT_` (such as `"INVALID_SIGNATURE"`,
/// `"EXPIRED"`, `"KEY_NOT_INITIALIZED"`), stable across releases and the same as the Kotlin
/// binding's `SigmintException.code`: compare it, not `message`. The binding adds no error of
/// its own; every refusal is the library's.
public struct SigmintError: Error, Equatable, CustomStringConvertible {
    /// The result's stable name, from `sigmint_result_name` (for example `"INVALID_BASE64"`).
    public let code: String
    /// A short English description for logs, from `sigmint_result_str`.
    public let message: String
    /// The raw `sigmint_result` value (a `SIGMINT_RESULT_*` constant of `sigmint.h`).
    public let result: UInt32

    init(result: sigmint_result) {
        self.result = result
        // Both are static NUL-terminated texts for any value (sigmint.h).
        self.code = String(cString: sigmint_result_name(result))
        self.message = String(cString: sigmint_result_str(result))
    }

    /// `CODE: message`. Holds no input of the failed call, so no secret.
    public var description: String { "\(code): \(message)" }
}

/// The `sigmint_result` values this layer tests for. The header's `#define`s import into Swift
/// as `Int32` constants, while `sigmint_result` is `UInt32`: convert once, here.
enum CResult {
    static let ok = sigmint_result(SIGMINT_RESULT_OK)
    static let bufferTooSmall = sigmint_result(SIGMINT_RESULT_BUFFER_TOO_SMALL)
}

/// Throws the `SigmintError` of `result` unless it is `SIGMINT_RESULT_OK`.
func check(_ result: sigmint_result) throws {
    guard result == CResult.ok else { throw SigmintError(result: result) }
}
