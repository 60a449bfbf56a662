package sigmint

/**
 * Runs a C call that writes text to a caller buffer, with sigmint's length negotiation: first
 * with no buffer (NULL, capacity 0), which gives `BUFFER_TOO_SMALL` and the size needed, then
 * with a buffer of exactly that size. [write] gets the buffer (null the first time), its
 * capacity and the length out-parameter. Returns the text; refusals throw [SigmintException].
 */
internal inline fun negotiate(write: (out: ByteArray?, cap: SizeT, len: SizeTRef) -> Int): String {
    val len = SizeTRef()
    val asked = write(null, SizeT(), len)
    if (asked != RESULT_BUFFER_TOO_SMALL) {
        checkResult(asked)
        return "" // OK with no room: the output is empty.
    }
    val out = ByteArray(len.value)
    checkResult(write(out, SizeT(out.size), len))
    // C checked that what it wrote is UTF-8.
    return String(out, 0, len.value, Charsets.UTF_8)
}

/**
 * [negotiate] for an output of bytes that need not be text (a string to sign holds the body):
 * the bytes C wrote.
 */
internal inline fun negotiateBytes(write: (out: ByteArray?, cap: SizeT, len: SizeTRef) -> Int): ByteArray {
    val len = SizeTRef()
    val asked = write(null, SizeT(), len)
    if (asked != RESULT_BUFFER_TOO_SMALL) {
        checkResult(asked)
        return ByteArray(0) // OK with no room: the output is empty.
    }
    val out = ByteArray(len.value)
    checkResult(write(out, SizeT(out.size), len))
    return out.copyOf(len.value)
}
