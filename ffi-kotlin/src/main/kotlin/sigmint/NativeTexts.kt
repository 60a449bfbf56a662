package sigmint

import com.sun.jna.Memory
import com.sun.jna.Pointer

/**
 * Texts copied into one block of native memory, for the C structs that point at texts
 * (`sigmint_query_param`, `sigmint_str`). Close it once the call that reads them returned.
 */
internal class NativeTexts(private val texts: List<ByteArray>) : AutoCloseable {
    private val starts = LongArray(texts.size)
    private val block: Memory?

    init {
        var total = 0L
        texts.forEachIndexed { i, text ->
            starts[i] = total
            total += text.size
        }
        // JNA allocates no zero-byte Memory; with nothing to point at, every pointer is NULL.
        block = if (total == 0L) null else Memory(total)
        texts.forEachIndexed { i, text -> block?.write(starts[i], text, 0, text.size) }
    }

    /** Where text [index] starts: NULL for an empty one, which C accepts with length 0. */
    fun pointer(index: Int): Pointer? = if (texts[index].isEmpty()) null else block?.share(starts[index])

    /** The length of text [index] in bytes. */
    fun length(index: Int) = SizeT(texts[index].size)

    override fun close() {
        block?.close()
    }
}
