package sigmint

import com.sun.jna.IntegerType
import com.sun.jna.Native
import com.sun.jna.ptr.ByReference

/**
 * C's `size_t`: as wide as a pointer on every platform JNA runs on (`NativeLong` is C's
 * `long`, which is 32 bits on 64-bit Windows, so it is not used).
 */
internal class SizeT(value: Long = 0) : IntegerType(Native.SIZE_T_SIZE, value, true) {
    constructor(value: Int) : this(value.toLong())

    // Kotlin sees java.lang.Number as kotlin.Number, whose conversions are all abstract; JNA's
    // IntegerType implements only Java's, so Kotlin needs these three spelled out.
    override fun toByte() = toLong().toByte()

    override fun toChar() = toLong().toChar()

    override fun toShort() = toLong().toShort()
}

/** A `size_t *` out-parameter. */
internal class SizeTRef : ByReference(Native.SIZE_T_SIZE) {
    /** The value C wrote, as an array size (one beyond what a JVM array holds throws). */
    val value: Int
        get() {
            val size = if (Native.SIZE_T_SIZE == 8) {
                pointer.getLong(0)
            } else {
                pointer.getInt(0).toLong() and 0xFFFF_FFFFL
            }
            return Math.toIntExact(size)
        }
}
