package sigmint

/**
 * Kotlin strings to the UTF-8 bytes C takes.
 *
 * `String.toByteArray(Charsets.UTF_8)` replaces an unpaired surrogate with `?`, so a caller's
 * broken text would be signed as some other text. Here every UTF-16 unit that is not half of a
 * pair is written in the generalized 3-byte form (`\uD800` as `ED A0 80`, as WTF-8 does),
 * which is not UTF-8: C refuses it with `INVALID_UTF8`. The binding converts; core decides.
 */
internal object Utf8 {
    /** The bytes of [text]: UTF-8 when it is well-formed UTF-16, never a replacement. */
    fun encode(text: String): ByteArray {
        val out = ByteArray(encodedLength(text))
        var at = 0
        forEachCodePoint(text) { cp ->
            when {
                cp < 0x80 -> out[at++] = cp.toByte()
                cp < 0x800 -> {
                    out[at++] = (0xC0 or (cp shr 6)).toByte()
                    out[at++] = continuation(cp)
                }
                cp < 0x10000 -> {
                    out[at++] = (0xE0 or (cp shr 12)).toByte()
                    out[at++] = continuation(cp shr 6)
                    out[at++] = continuation(cp)
                }
                else -> {
                    out[at++] = (0xF0 or (cp shr 18)).toByte()
                    out[at++] = continuation(cp shr 12)
                    out[at++] = continuation(cp shr 6)
                    out[at++] = continuation(cp)
                }
            }
        }
        return out
    }

    // Sized exactly, so a secret is never left behind in a larger buffer that was trimmed.
    private fun encodedLength(text: String): Int {
        var length = 0
        forEachCodePoint(text) { cp ->
            length += when {
                cp < 0x80 -> 1
                cp < 0x800 -> 2
                cp < 0x10000 -> 3
                else -> 4
            }
        }
        return length
    }

    private fun continuation(bits: Int): Byte = (0x80 or (bits and 0x3F)).toByte()

    // codePointAt joins a high surrogate and the low one after it, and gives any other
    // surrogate as itself (a value from 0xD800 to 0xDFFF).
    private inline fun forEachCodePoint(text: String, action: (Int) -> Unit) {
        var i = 0
        while (i < text.length) {
            val cp = text.codePointAt(i)
            action(cp)
            i += Character.charCount(cp)
        }
    }
}
