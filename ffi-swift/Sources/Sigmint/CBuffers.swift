// Passing Swift text to C and reading C output back: the only pointer code of the binding.
//
// sigmint's texts are bytes plus a length (not NUL-terminated). `char` is `CChar`, which is
// `Int8` on some platforms and `UInt8` on others, so text is handled as `UInt8` bytes and
// its memory rebound to `CChar` for the call, never converted value by value. Every pointer
// lives only inside the closure it is handed to.
#if canImport(CSigmint)
import CSigmint
#else
import sigmint // the C module of an XCFramework (docs/swift.md)
#endif

/// Calls `body` with the UTF-8 bytes of `text` as C characters and their count (no NUL is
/// counted; an interior NUL is passed on as a byte). The pointer is valid only during `body`.
/// A Swift `String` is always valid Unicode, so its UTF-8 is exact.
func withCText<R>(_ text: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    var text = text // withUTF8 is mutating: it may first make the storage contiguous
    return try text.withUTF8 { bytes in
        try bytes.withMemoryRebound(to: CChar.self) { chars in
            try body(chars.baseAddress, chars.count)
        }
    }
}

/// Reads a text that a sigmint function writes into a caller buffer, by the C ABI's length
/// negotiation: `fill(out, out_cap, &out_len)` is called with a buffer of `capacity` bytes
/// (none when 0); on `SIGMINT_RESULT_BUFFER_TOO_SMALL`, `out_len` holds the size needed, and
/// it is called again with that much. `capacity` is only a first guess that may save a call:
/// the library, not this layer, says how much room an output needs.
func readText(
    capacity: Int = 0,
    _ fill: (UnsafeMutablePointer<CChar>?, Int, UnsafeMutablePointer<Int>) -> sigmint_result
) throws -> String {
    var capacity = max(capacity, 0)
    // The second call gets the room the first asked for; a third happens only if a library
    // asked for more again, which none of sigmint's deterministic functions does.
    for _ in 0..<3 {
        var buffer = [UInt8](repeating: 0, count: capacity)
        var length = 0
        let result = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                withUnsafeMutablePointer(to: &length) { lengthPointer in
                    fill(chars.baseAddress, chars.count, lengthPointer)
                }
            }
        }
        switch result {
        case CResult.ok:
            return String(decoding: buffer.prefix(length), as: UTF8.self)
        case CResult.bufferTooSmall where length > capacity:
            capacity = length
        default:
            throw SigmintError(result: result)
        }
    }
    throw SigmintError(result: CResult.bufferTooSmall)
}

/// The first `length` bytes of a fixed `char` array of a C struct (imported as a tuple of
/// `CChar`), as text. Reads the tuple's bytes, so the sign of `CChar` does not matter.
func text<Chars>(of chars: Chars, length: Int) -> String {
    withUnsafeBytes(of: chars) { raw in
        String(decoding: raw.prefix(length), as: UTF8.self)
    }
}
